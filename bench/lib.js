// Shared helpers for the benchmarks. They run against the built dist/ and send traffic on loopback only.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const CLI = resolve(ROOT, 'bin/camfleet.js');

/** Starts `camfleet sim …` in its own process; resolves when it reports, with the time that took. */
export function startSim(args, { stdin = false } = {}) {
  const started = performance.now();
  // With stdin, the caller can type fault commands into the running fleet (child.stdin.write('fault …\n')).
  // No SSDP: nothing here measures it, and a thousand cameras answering every M-SEARCH on the host would
  // flood the description fetches of any test or user searching beside the benchmark.
  const child = spawn(process.execPath, [CLI, 'sim', '--json', '--no-ssdp', ...args], {
    stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((resolveStart, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const nl = out.indexOf('\n');
      if (nl !== -1) resolveStart({ child, report: JSON.parse(out.slice(0, nl)), startMs: performance.now() - started });
    });
    child.on('exit', (code) => reject(new Error(`sim exited with ${code}`)));
  });
}

export function stopSim(child) {
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/** Resident set size of a process, in MB, from /proc. */
export function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

/** Every suite's figures of this run, for `--json` (see run.js and README.md here). */
export const recorded = [];

const shown = (v) => String(typeof v === 'number' ? Math.round(v * 100) / 100 : v);

/**
 * Prints a suite's figures, each with its target and verdict, and, where `anchors` names one, the anchor
 * figure measured in the same run beside it and their ratio (the machine's speed cancels out of a ratio).
 * Returns whether every target was met. Printed on stderr when the run writes JSON on stdout.
 */
export function report(name, figures, targets, anchors = {}) {
  const rows = Object.entries(figures).map(([k, v]) => {
    const target = targets[k];
    const verdict = target ? (target.check(v) ? 'ok' : 'MISSED') : '';
    const anchor = anchors[k];
    const beside =
      anchor && typeof v === 'number' && figures[anchor]
        ? `  (${anchor}: ${shown(figures[anchor])}; ratio ${(v / figures[anchor]).toFixed(2)})`
        : '';
    return `  ${k.padEnd(50)} ${shown(v).padStart(10)}  ${target ? `${target.text} ${verdict}` : ''}${beside}`;
  });
  (process.env.BENCH_JSON ? console.error : console.log)(`\n${name}\n${rows.join('\n')}`);
  recorded.push({
    suite: name,
    figures,
    targets: Object.fromEntries(Object.entries(targets).map(([k, t]) => [k, { target: t.text, met: t.check(figures[k]) }])),
    anchors: Object.fromEntries(
      Object.entries(anchors)
        .filter(([k, a]) => typeof figures[k] === 'number' && figures[a])
        .map(([k, a]) => [k, { anchor: a, ratio: figures[k] / figures[a] }]),
    ),
  });
  return Object.entries(targets).every(([k, t]) => t.check(figures[k]));
}

const ENV = { CAMFLEET_PASSWORD: 'camfleet', NO_COLOR: '1' };

/** Runs the CLI; wall time, and peak RSS from /proc (VmHWM) sampled until it exits. */
export function runMeasured(args) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let peakKb = 0;
    const sample = setInterval(async () => {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
      const hwm = /VmHWM:\s+(\d+)/.exec(status);
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
    }, 50);
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) => {
      clearInterval(sample);
      resolve({ code, out, err, seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024 });
    });
  });
}
