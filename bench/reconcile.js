// Reconcile benchmarks: `camfleet check` of a 1,000-point inventory whose cameras answer every request
// 50 ms late, against a baseline doing the same reads with the `onvif` library camera by camera at the
// same concurrency; and `camfleet ptz reaim --save` of 200 cameras with 3 presets each. The simulator
// runs in its own process; everything stays on loopback (127.1.x.x and 127.2.x.x).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { report, runMeasured, startSim, stopSim } from './lib.js';
import { makeInventory } from './make-inventory.js';

const CONCURRENCY = 32; // camfleet's default --concurrency

/**
 * The same ONVIF reads as camfleet's check of this inventory (clock, services, profiles, identity,
 * network interfaces, NTP, stream URI, and presets and position of PTZ cameras), written the way the
 * `onvif` library's users write them: connect, then call after call. It does less than the check: no
 * ICMP, no RTSP DESCRIBE, no discovery sweep, no comparison.
 */
async function onvifLibraryBaseline(cameras) {
  const onvif = createRequire(import.meta.url)('onvif');
  const call = (cam, method, ...args) => new Promise((ok, fail) => cam[method](...args, (err, result) => (err ? fail(err) : ok(result))));
  const limit = pLimit(CONCURRENCY);
  let ok = 0;
  const started = performance.now();
  await Promise.all(
    cameras.map((c) =>
      limit(async () => {
        try {
          const cam = await new Promise((resolve, reject) => {
            const cam = new onvif.Cam({ hostname: c.address, port: c.port, username: 'admin', password: 'camfleet', timeout: 5000 }, (e) =>
              e ? reject(e) : resolve(cam),
            );
          });
          await call(cam, 'getDeviceInformation');
          await call(cam, 'getNetworkInterfaces');
          await call(cam, 'getNTP');
          await call(cam, 'getStreamUri', { protocol: 'RTSP' });
          if (cam.uri?.ptz) {
            const profileToken = cam.profiles[0].$.token;
            await call(cam, 'getPresets', { profileToken });
            await call(cam, 'getStatus', { profileToken });
          }
          ok++;
        } catch {
          // counted as not ok
        }
      }),
    ),
  );
  return { seconds: (performance.now() - started) / 1000, ok };
}

export async function benchReconcile() {
  const root = await mkdtemp(join(tmpdir(), 'camfleet-bench-'));
  const figures = {};
  try {
    const site = await makeInventory(join(root, 'bench'), { points: 1000, octet: 1 });
    const slow = await startSim(['--inventory', site, '--fault', 'latency=50']);
    try {
      const check = await runMeasured(['check', '--inventory', site, '--json', join(root, 'report.json')]);
      const result = JSON.parse(await readFile(join(root, 'report.json'), 'utf8'));
      figures['check 1000 points, 50 ms latency (s)'] = check.seconds;
      figures['  peak RSS (MB)'] = check.peakMb;
      figures['  points healthy'] = result.summary.passed;
      const baseline = await onvifLibraryBaseline(slow.report.cameras);
      figures['onvif library, same reads (s)'] = baseline.seconds;
      figures['  cameras read'] = baseline.ok;
      figures['  onvif library time / camfleet check time'] = baseline.seconds / check.seconds;
    } finally {
      await stopSim(slow.child);
    }

    const ptz = await makeInventory(join(root, 'ptz'), { points: 200, octet: 2, ptzEvery: 1, presets: 3, perStreet: 200 });
    const fleet = await startSim(['--inventory', ptz, '--ptz-speed', '2']);
    try {
      const reaim = await runMeasured([
        '--json',
        'ptz',
        'reaim',
        '--inventory',
        ptz,
        '--street',
        'street-1',
        '--save',
        '--yes',
        '--concurrency',
        '200',
      ]);
      const summary = JSON.parse(reaim.out).summary;
      figures['ptz reaim --save, 200 cameras x 3 presets (s)'] = reaim.seconds;
      figures['  presets verified'] = JSON.parse(reaim.out).points.reduce(
        (n, p) => n + p.actions.filter((a) => a.status === 'verified').length,
        0,
      );
      figures['  cameras failed'] = summary.failed;
      // The same at the default concurrency (32), for comparison: the heads' travel time dominates.
      const paced = await runMeasured(['--json', 'ptz', 'reaim', '--inventory', ptz, '--street', 'street-1', '--save', '--yes']);
      figures['  same at --concurrency 32 (s)'] = paced.seconds;
    } finally {
      await stopSim(fleet.child);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return report(
    'Reconcile',
    figures,
    {
      'check 1000 points, 50 ms latency (s)': { text: 'target < 15 s', check: (v) => v < 15 },
      '  peak RSS (MB)': { text: 'target < 500 MB', check: (v) => v < 500 },
      '  points healthy': { text: 'all 1000', check: (v) => v === 1000 },
      'ptz reaim --save, 200 cameras x 3 presets (s)': { text: 'target < 10 s', check: (v) => v < 10 },
      '  presets verified': { text: 'all 600', check: (v) => v === 600 },
    },
    {
      'check 1000 points, 50 ms latency (s)': 'onvif library, same reads (s)',
      'ptz reaim --save, 200 cameras x 3 presets (s)': '  same at --concurrency 32 (s)',
    },
  );
}
