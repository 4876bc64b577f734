// node bench/compare.js [A B]: compares two records of `npm run bench -- --json` (bench/history.jsonl),
// figure by figure. A and B are files holding one record each, or 1-based line numbers of history.jsonl
// (negative counts from the end); without them, the last two lines. See bench/README.md.
import { readFileSync } from 'node:fs';

const history = () =>
  readFileSync(new URL('./history.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

function recordOf(arg, fallback) {
  if (arg === undefined) return fallback;
  if (/^-?\d+$/.test(arg)) {
    const all = history();
    const n = Number(arg);
    const found = n < 0 ? all.at(n) : all[n - 1];
    if (!found) throw new Error(`history.jsonl has no record ${arg} (it has ${all.length})`);
    return found;
  }
  return JSON.parse(readFileSync(arg, 'utf8').trim().split('\n').at(-1));
}

const [argA, argB] = process.argv.slice(2);
const all = argA === undefined ? history() : [];
if (argA === undefined && all.length < 2) {
  console.error('bench/history.jsonl holds fewer than two records: run `npm run bench -- --json` twice, or name two files');
  process.exit(2);
}
const a = recordOf(argA, all.at(-2));
const b = recordOf(argB, all.at(-1));
const fmt = (v) => (typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v ?? '–'));
const machine = (r) =>
  `${r.startedAt} ${r.commit ?? ''} · ${r.machine.cores} cores · node ${r.machine.node} · load ${r.machine.loadAverageBefore.map((l) => l.toFixed(2)).join(' ')}`;
console.log(`A: ${machine(a)}\nB: ${machine(b)}\n`);
console.log(`${'figure'.padEnd(58)} ${'A'.padStart(10)} ${'B'.padStart(10)}  B/A     anchored B/A`);
for (const suite of b.results) {
  const before = a.results.find((s) => s.suite === suite.suite);
  console.log(`\n${suite.suite}${before ? '' : '  (not in A)'}`);
  for (const [name, value] of Object.entries(suite.figures)) {
    const old = before?.figures[name];
    const ratio = typeof value === 'number' && typeof old === 'number' && old !== 0 ? (value / old).toFixed(2) : '';
    // A figure divided by its anchor from the same run: the machine's speed cancels out.
    const anchoredB = suite.anchors?.[name]?.ratio;
    const anchoredA = before?.anchors?.[name]?.ratio;
    const anchored = anchoredA && anchoredB ? (anchoredB / anchoredA).toFixed(2) : '';
    const met = suite.targets?.[name];
    console.log(
      `  ${name.padEnd(56)} ${fmt(old).padStart(10)} ${fmt(value).padStart(10)}  ${ratio.padEnd(7)} ${anchored.padEnd(8)} ${met ? `${met.target} ${met.met ? 'ok' : 'MISSED'}` : ''}`,
    );
  }
}
