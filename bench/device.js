// Device operations benchmark: `camfleet info` against one simulated camera, wall time including Node start-up.
import { spawnSync } from 'node:child_process';
import { CLI, report, startSim, stopSim } from './lib.js';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, CAMFLEET_PASSWORD: 'camfleet' }, encoding: 'utf8' });
    times.push(performance.now() - started);
    if (run.status !== 0) throw new Error(`camfleet ${args.join(' ')} failed: ${run.stderr}`);
  }
  return median(times);
}

export async function benchDevice() {
  const sim = await startSim(['--count', '1', '--address-base', '127.0.99.1', '--no-discovery']);
  try {
    const address = sim.report.cameras[0].address;
    const nodeAlone = (() => {
      const times = [];
      for (let i = 0; i < 15; i++) {
        const started = performance.now();
        spawnSync(process.execPath, ['-e', '']);
        times.push(performance.now() - started);
      }
      return median(times);
    })();
    const info = time(['info', address], 15);
    const profiles = time(['profiles', address], 15);
    return report(
      'Device operations (median of 15 runs)',
      {
        'node -e "" (start-up alone, ms)': nodeAlone,
        'camfleet info (ms)': info,
        'camfleet profiles (ms)': profiles,
      },
      {
        'camfleet info (ms)': { text: 'target < 200 ms including Node start-up', check: (v) => v < 200 },
      },
      {
        'camfleet info (ms)': 'node -e "" (start-up alone, ms)',
        'camfleet profiles (ms)': 'node -e "" (start-up alone, ms)',
      },
    );
  } finally {
    await stopSim(sim.child);
  }
}
