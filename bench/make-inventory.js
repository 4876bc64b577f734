// Writes a large, valid site for the benchmarks: `points` camera points on streets of `perStreet`, addresses
// 127.<b>.X.Y (loopback only), one in `ptzEvery` a PTZ camera with `presets` presets. Deterministic.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatDocument } from '../dist/inventory/canonical.js';

const hex = (n, width) => n.toString(16).padStart(width, '0');

export async function makeInventory(dir, { points, octet, port = 8080, ptzEvery = 5, presets = 3, perStreet = 100, recording = false }) {
  await mkdir(join(dir, 'streets'), { recursive: true });
  const site = {
    schemaVersion: 1,
    id: 'bench',
    name: `Benchmark programme (${points} points)`,
    district: 'Benchmark district',
    ward: 'Benchmark ward',
    residentialGroup: 'Benchmark group',
    contact: { name: 'Benchmark' },
    defaults: {
      networkRanges: [`127.${octet}.0.0/22`],
      ntpServer: 'vn.pool.ntp.org',
      timezone: 'ICT-7',
      maxClockSkewSeconds: 5,
      streams: [{ profile: 'MainStream', codec: 'H264', resolution: '1920x1080', fps: 25, bitrateKbps: { min: 2048, max: 4096 }, gop: 50 }],
      ...(recording ? { recording: { minRetentionDays: 7, maxSilenceMinutes: 15 } } : {}),
    },
  };
  await writeFile(join(dir, 'site.json'), formatDocument('site', site));
  const streets = Math.ceil(points / perStreet);
  for (let s = 0; s < streets; s++) {
    const doc = { schemaVersion: 1, id: `street-${s + 1}`, name: `Street ${s + 1}`, points: [] };
    for (let i = s * perStreet; i < Math.min(points, (s + 1) * perStreet); i++) {
      const ptz = ptzEvery > 0 && i % ptzEvery === 0;
      doc.points.push({
        id: `p-${String(i + 1).padStart(4, '0')}`,
        label: `Point ${i + 1}`,
        owner: i % 10 === 0 ? 'public' : 'household',
        device: {
          address: `127.${octet}.${Math.floor(i / 250)}.${(i % 250) + 1}:${port}`,
          identity: {
            manufacturer: 'Camfleet Sim',
            serialNumber: `BENCH${hex(i, 6)}`,
            mac: `02:be:00:${hex(i >> 8, 2)}:${hex(i & 255, 2)}:01`,
          },
        },
        ...(ptz
          ? {
              ptz: {
                presets: Array.from({ length: presets }, (_, k) => ({
                  name: ['road', 'gate', 'junction', 'alley', 'market'][k] ?? `preset-${k + 1}`,
                  pan: Math.round((((i * 7 + k * 31) % 180) / 100 - 0.9) * 1000) / 1000,
                  tilt: Math.round((-0.1 - k * 0.1) * 1000) / 1000,
                  zoom: Math.round((0.2 + k * 0.1) * 1000) / 1000,
                  tolerance: 0.02,
                })),
              },
            }
          : {}),
      });
    }
    await writeFile(join(dir, 'streets', `${doc.id}.json`), formatDocument('street', doc));
  }
  return dir;
}
