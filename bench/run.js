// npm run bench [suite…]: runs the benchmarks against the built CLI and prints the figures.
// Traffic stays on loopback. Exit 1 when a figure misses its target.
import { benchDevice } from './device.js';
import { benchDiscovery } from './discovery.js';
import { benchInventory } from './inventory.js';
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

const wanted = process.argv.slice(2);
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
console.log(allMet ? '\nAll targets met.' : '\nSome targets were missed.');
process.exitCode = allMet ? 0 : 1;
