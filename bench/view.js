// View verification benchmarks: `camfleet check` of 1,000 fixed cameras whose snapshots are 1920x1080,
// answering 50 ms late, with and without view verification (the difference is the images' share); and
// `camfleet view compare` of two 1080p JPEGs as a whole process, beside `node -e ""`. The simulator runs
// in its own process; traffic stays on loopback (127.3.x.x).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderSnapshot } from '../dist/sim/scene/render.js';
import { CLI, report, runMeasured, startSim, stopSim } from './lib.js';
import { makeInventory } from './make-inventory.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median wall time of a whole process, in ms, over `runs` runs after one warm-up. */
function processMs(args, runs = 15) {
  spawnSync(process.execPath, args);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    spawnSync(process.execPath, args);
    times.push(performance.now() - started);
  }
  return median(times);
}

export async function benchView() {
  const root = await mkdtemp(join(tmpdir(), 'camfleet-bench-view-'));
  const figures = {};
  try {
    const site = await makeInventory(join(root, 'views'), { points: 1000, octet: 3, ptzEvery: 0 });
    const sim = await startSim(['--inventory', site, '--fault', 'latency=50', '--fault', 'time=11:00']);
    try {
      const record = await runMeasured(['view', 'record', '--inventory', site, '--yes']);
      if (record.code !== 0) throw new Error(`view record failed: ${record.err.slice(0, 500)}`);
      figures['view record of 1000 cameras (s)'] = record.seconds;
      const checked = await runMeasured(['check', '--inventory', site, '--json', join(root, 'report.json')]);
      const result = JSON.parse(await readFile(join(root, 'report.json'), 'utf8'));
      const plain = await runMeasured(['check', '--inventory', site, '--no-views', '--json', join(root, 'plain.json')]);
      figures['check 1000 cameras, 1080p views, 50 ms (s)'] = checked.seconds;
      figures['  peak RSS (MB)'] = checked.peakMb;
      figures['  views compared ok'] = result.points.filter((p) => p.view?.status === 'compared' && p.view.verdict === 'ok').length;
      figures['  same check with --no-views (s)'] = plain.seconds;
      figures['  share of the time for the images (%)'] = (100 * (checked.seconds - plain.seconds)) / checked.seconds;
    } finally {
      await stopSim(sim.child);
    }

    const base = {
      width: 1920,
      height: 1080,
      position: { pan: 0, tilt: 0, zoom: 0 },
      tamper: { kind: 'none' },
      seed: 7,
      hour: 11,
      infrared: true,
      random: Math.random,
    };
    await writeFile(join(root, 'a.jpg'), await renderSnapshot({ ...base, time: 0 }));
    await writeFile(join(root, 'b.jpg'), await renderSnapshot({ ...base, time: 6 }));
    execFileSync(process.execPath, [CLI, 'view', 'compare', join(root, 'a.jpg'), join(root, 'b.jpg')]);
    figures['view compare of two 1080p JPEGs, median of 15 (ms)'] = processMs([
      CLI,
      'view',
      'compare',
      join(root, 'a.jpg'),
      join(root, 'b.jpg'),
    ]);
    figures['  node -e "" beside it (ms)'] = processMs(['-e', '']);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return report(
    'View verification',
    figures,
    {
      'check 1000 cameras, 1080p views, 50 ms (s)': { text: 'target < 25 s', check: (v) => v < 25 },
      '  peak RSS (MB)': { text: 'target < 600 MB', check: (v) => v < 600 },
      '  views compared ok': { text: 'all 1000', check: (v) => v === 1000 },
      'view compare of two 1080p JPEGs, median of 15 (ms)': { text: 'target < 250 ms', check: (v) => v < 250 },
    },
    {
      'check 1000 cameras, 1080p views, 50 ms (s)': '  same check with --no-views (s)',
      'view compare of two 1080p JPEGs, median of 15 (ms)': '  node -e "" beside it (ms)',
    },
  );
}
