// npm run bench [-- [--json] [suite…]]: runs the benchmarks against the built CLI and prints the figures.
// Traffic stays on loopback. Exit 1 when a figure misses its target. With --json, the tables go to stderr,
// one JSON record of the run (figures, targets, anchors, the machine) to stdout, and the same record is
// appended to bench/history.jsonl (bench/README.md says how to compare two).
import { appendFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { benchDevice } from './device.js';
import { benchDiscovery } from './discovery.js';
import { benchInventory } from './inventory.js';
import { recorded } from './lib.js';
import { benchReconcile } from './reconcile.js';
import { benchReport } from './report.js';
import { benchSim } from './sim.js';
import { benchView } from './view.js';
import { benchWatch } from './watch.js';

const SUITES = {
  sim: benchSim,
  inventory: benchInventory,
  discovery: benchDiscovery,
  device: benchDevice,
  reconcile: benchReconcile,
  view: benchView,
  report: benchReport,
  watch: benchWatch,
};

const json = process.argv.includes('--json');
if (json) process.env.BENCH_JSON = '1';
const wanted = process.argv.slice(2).filter((a) => a !== '--json');
const startedAt = new Date();
const loadBefore = loadavg();
const names = wanted.length ? wanted : Object.keys(SUITES);
let allMet = true;
for (const name of names) {
  const suite = SUITES[name];
  if (!suite) {
    console.error(`unknown suite '${name}'; suites: ${Object.keys(SUITES).join(', ')}`);
    process.exit(2);
  }
  allMet = (await suite()) && allMet;
}
(json ? console.error : console.log)(allMet ? '\nAll targets met.' : '\nSome targets were missed.');
if (json) {
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  })();
  const record = {
    formatVersion: 1,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    commit,
    suites: names,
    allMet,
    machine: {
      cores: availableParallelism(),
      cpu: cpus()[0]?.model ?? null,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadavg(),
    },
    results: recorded,
  };
  console.log(JSON.stringify(record));
  await appendFile(new URL('./history.jsonl', import.meta.url), `${JSON.stringify(record)}\n`);
}
process.exitCode = allMet ? 0 : 1;
