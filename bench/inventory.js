// Inventory benchmark: validate 10,000 points in 500 street files, as `camfleet inventory validate` does.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, report } from './lib.js';

function makeInventory(streets, perStreet) {
  const dir = mkdtempSync(join(tmpdir(), 'camfleet-bench-inv-'));
  mkdirSync(join(dir, 'streets'));
  const site = {
    schemaVersion: 1,
    id: 'bench',
    name: 'Bench',
    district: 'D',
    ward: 'W',
    residentialGroup: 'G',
    contact: { name: 'C' },
    credentialProfiles: ['p'],
    defaults: { credentialProfile: 'p' },
  };
  writeFileSync(join(dir, 'site.json'), JSON.stringify(site, null, 2));
  let n = 0;
  for (let s = 0; s < streets; s++) {
    const points = [];
    for (let p = 0; p < perStreet; p++, n++) {
      const hex = n.toString(16).padStart(8, '0');
      points.push({
        id: `p-${n}`,
        label: `Point ${n}`,
        location: { latitude: 21 + n / 1e6, longitude: 105 + n / 1e6, address: `No ${n}`, mounting: 'pole' },
        facing: n % 360,
        watches: 'road',
        owner: n % 3 ? 'household' : 'public',
        device: {
          address: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          identity: {
            serialNumber: `SN${hex}`,
            mac: `02:00:${hex.match(/../g).join(':')}`,
            endpointReference: `urn:uuid:${hex}-0000-5000-8000-000000000000`,
          },
        },
        streams: [
          { profile: 'MainStream', codec: 'H264', resolution: '1920x1080', fps: 25, bitrateKbps: { min: 2048, max: 4096 }, gop: 50 },
        ],
        ptz: { presets: [{ name: 'road', pan: 0.1, tilt: -0.2, zoom: 0.3, tolerance: 0.02 }], home: { pan: 0, tilt: 0, zoom: 0 } },
      });
    }
    writeFileSync(
      join(dir, 'streets', `s-${s}.json`),
      JSON.stringify({ schemaVersion: 1, id: `s-${s}`, name: `Street ${s}`, points }, null, 2),
    );
  }
  return dir;
}

export async function benchInventory() {
  const dir = makeInventory(500, 20);
  try {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const run = spawnSync(process.execPath, [CLI, '--json', 'inventory', 'validate', dir], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      runs.push((performance.now() - started) / 1000);
      if (run.status !== 0) throw new Error(`validate failed: ${run.stdout.slice(0, 500)} ${run.stderr}`);
      if (!JSON.parse(run.stdout).valid) throw new Error('bench inventory should be valid');
    }
    return report(
      'Inventory',
      { 'validate 10,000 points / 500 files (s)': Math.min(...runs) },
      {
        'validate 10,000 points / 500 files (s)': { text: 'target < 2 s (whole CLI run)', check: (v) => v < 2 },
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
