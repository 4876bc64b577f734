// Watch benchmark: `camfleet watch --events` over 1,000 simulated cameras (views against references,
// recordings required, a sweep for unknown devices) at a 60 s interval, for BENCH_WATCH_MINUTES (10 by
// default). Faults are typed into the running simulator (its standard-input commands), and the time until
// the watch logs each change is measured. CPU from /proc (utime + stime of the watch process, and of its
// JavaScript thread), RSS sampled every 10 s. The simulator runs in its own process; traffic stays on loopback (127.5.x.x).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, report, rssMb, runMeasured, startSim, stopSim } from './lib.js';
import { makeInventory } from './make-inventory.js';

const POINTS = 1000;
const INTERVAL_S = 60;
const MINUTES = Number(process.env.BENCH_WATCH_MINUTES ?? 10);
const CLOCK_TICKS = 100;

// utime + stime of a process (/proc/PID/stat) or of one of its threads (/proc/PID/task/TID/stat).
const cpuSeconds = (pid, tid) => {
  const fields = readFileSync(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, 'utf8')
    .split(') ')[1]
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function benchWatch() {
  const root = await mkdtemp(join(tmpdir(), 'camfleet-bench-watch-'));
  const figures = {};
  try {
    const site = await makeInventory(join(root, 'site'), { points: POINTS, octet: 5, ptzEvery: 0, recording: true });
    const sim = await startSim(['--inventory', site, '--fault', 'time=11:00'], { stdin: true });
    try {
      const record = await runMeasured(['view', 'record', '--inventory', site, '--yes']);
      if (record.code !== 0) throw new Error(`view record failed: ${record.err.slice(0, 500)}`);
      const watch = spawn(
        process.execPath,
        [CLI, '--json', 'watch', '--inventory', site, '--events', '--interval', String(INTERVAL_S), '--listen', '127.0.0.1:0'],
        {
          env: { ...process.env, CAMFLEET_PASSWORD: 'camfleet', NO_COLOR: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const started = performance.now();
      const lines = [];
      let out = '';
      let err = '';
      watch.stdout.on('data', (c) => {
        out += c;
        for (let nl = out.indexOf('\n'); nl !== -1; nl = out.indexOf('\n')) {
          lines.push({ at: performance.now(), event: JSON.parse(out.slice(0, nl)) });
          out = out.slice(nl + 1);
        }
      });
      watch.stderr.on('data', (c) => (err += c));
      const rss = [];
      const sampler = setInterval(() => rss.push({ minute: (performance.now() - started) / 60_000, mb: rssMb(watch.pid) }), 10_000);

      // Changes typed into the running fleet, and what the watch should log for each.
      const faults = [
        { atMinute: 3, command: 'fault offline@p-0005', point: 'p-0005', to: 'unreachable' },
        { atMinute: 5, command: 'fault tampered=covered@p-0007', point: 'p-0007', to: 'covered' },
        { atMinute: 7, command: 'clear p-0005', point: 'p-0005', to: 'ok' },
      ].filter((f) => f.atMinute < MINUTES);
      const delays = [];
      for (const fault of faults) {
        await sleep(Math.max(0, started + fault.atMinute * 60_000 - performance.now()));
        const typed = performance.now();
        sim.child.stdin.write(`${fault.command}\n`);
        while (performance.now() - typed < 2 * INTERVAL_S * 1000) {
          const seen = lines.find(
            (l) => l.at >= typed && l.event.kind === 'state' && l.event.point === fault.point && l.event.to === fault.to,
          );
          if (seen) {
            delays.push((seen.at - typed) / 1000);
            break;
          }
          await sleep(200);
        }
        if (delays.length < faults.indexOf(fault) + 1) delays.push(Number.POSITIVE_INFINITY);
      }
      await sleep(Math.max(0, started + MINUTES * 60_000 - performance.now()));
      const cpu = cpuSeconds(watch.pid);
      // The main thread's share (the JavaScript thread has the process's id); the rest is V8's collector
      // threads, libuv's pool and libvips: where to look first differs.
      const mainThreadCpu = cpuSeconds(watch.pid, watch.pid);
      const wall = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const stopAsked = performance.now();
      watch.kill('SIGTERM');
      const code = await new Promise((r) => watch.on('close', r));
      const firstStates = new Set(lines.filter((l) => l.event.kind === 'state' && l.event.from === null).map((l) => l.event.point));
      const at = (m) => rss.filter((s) => s.minute >= m).at(0)?.mb ?? Number.NaN;
      figures['points watched'] = POINTS;
      figures.minutes = MINUTES;
      figures['points with a first state'] = firstStates.size;
      figures['average CPU (% of one core)'] = (100 * cpu) / wall;
      figures['of it, the JavaScript thread (%)'] = (100 * mainThreadCpu) / wall;
      figures['RSS at minute 2 (MB)'] = at(2);
      figures['RSS at the end (MB)'] = rss.at(-1)?.mb ?? Number.NaN;
      figures['RSS growth after minute 2 (MB)'] = figures['RSS at the end (MB)'] - figures['RSS at minute 2 (MB)'];
      figures['slowest change logged (s)'] = delays.length ? Math.max(...delays) : 0;
      figures['changes logged'] = `${delays.filter(Number.isFinite).length}/${faults.length}`;
      figures['stop after SIGTERM (s)'] = (performance.now() - stopAsked) / 1000;
      figures['exit code'] = code;
      if (code !== 0 || figures['stop after SIGTERM (s)'] > 5) console.error(err.slice(-2000));
    } finally {
      await stopSim(sim.child);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return report(`camfleet watch --events, ${POINTS} cameras, ${INTERVAL_S} s interval, ${MINUTES} min`, figures, {
    'points with a first state': { text: `= ${POINTS}`, check: (v) => v === POINTS },
    'average CPU (% of one core)': { text: '< 15', check: (v) => v < 15 },
    'RSS at the end (MB)': { text: '< 300', check: (v) => v < 300 },
    'RSS growth after minute 2 (MB)': { text: '< 15 (flat)', check: (v) => v < 15 },
    'slowest change logged (s)': { text: `≤ ${INTERVAL_S}`, check: (v) => v <= INTERVAL_S },
    'stop after SIGTERM (s)': { text: '< 5', check: (v) => v < 5 },
  });
}
