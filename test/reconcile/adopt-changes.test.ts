import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialResolver } from '../../src/credentials/resolve.js';
import { formatDocument } from '../../src/inventory/canonical.js';
import { loadInventory } from '../../src/inventory/load.js';
import { type AdoptOptions, adoptChanges } from '../../src/reconcile/adopt.js';
import type { Plan } from '../../src/reconcile/model.js';
import { planSelection } from '../../src/reconcile/run.js';
import { type Selection, selectPoints } from '../../src/reconcile/selection.js';
import { startFleet } from '../../src/sim/index.js';
import { reserveBlock } from '../helpers/address-block.js';
import { reconcileEnv, type ReconcileEnv } from '../helpers/reconcile-env.js';

// adoptChanges is pure (plan and documents in, changes out): one real plan, made against the simulated sample
// with tx2-ngo-15-2 moved to .99, a stranger at .50 and tx2-nba-1's identity left out, then one row per
// option set. The whole-command test (adopt.test.ts) covers the writing and the CLI.
const block = reserveBlock();
const at = (d: number) => `127.${block.octet}.2.${d}`;
let env: ReconcileEnv;
let plan: Plan;
let selection: Selection;

beforeAll(async () => {
  env = await reconcileEnv(block.octet, (c) => (c.name === 'tx2-ngo-15-2' ? { ...c, address: at(99) } : c));
  env.extra.push(await startFleet({ count: 1, addressBase: at(50), seed: 'adopt-table' }));
  const nbaFile = join(env.site, 'streets', 'duong-noi-bo-a.json');
  const nba = JSON.parse(await readFile(nbaFile, 'utf8'));
  delete nba.points.find((p: { id: string }) => p.id === 'tx2-nba-1').device.identity;
  await writeFile(nbaFile, formatDocument('street', nba));
  selection = selectPoints(env.site, await loadInventory(env.site), {});
  const credentials = new CredentialResolver({}, { env: env.env, interactive: false, readStdin: async () => '', prompt: async () => '' });
  plan = await planSelection(
    selection,
    { timeoutMs: 3000, concurrency: 16, rtspPort: 554, discovery: true, interfaces: [], views: false },
    { credentials, now: () => new Date() },
  );
});
afterAll(() => env.stop());

interface Row {
  name: string;
  options: Partial<AdoptOptions>;
  files: string[];
  changes: RegExp[];
  notes: RegExp[];
}

const moved = /tx2-ngo-15-2: address .*→ .*\.2\.99/;
const identity = /tx2-nba-1: identity/;
const rows: Row[] = [
  {
    name: 'no options: the moved address and the missing identity; the stranger only listed',
    options: {},
    files: ['duong-noi-bo-a.json', 'ngo-15.json'],
    changes: [identity, moved],
    notes: [/^1 unknown device not added: give --into STREET to add it as new points$/],
  },
  {
    name: '--into a street: the stranger becomes a new point there',
    options: { street: 'cong-chinh' },
    files: ['cong-chinh.json', 'duong-noi-bo-a.json', 'ngo-15.json'],
    changes: [/new point for the device at .*\.2\.50/, identity, moved],
    notes: [],
  },
  {
    name: '--into a street that does not exist',
    options: { street: 'no-such-street' },
    files: ['duong-noi-bo-a.json', 'ngo-15.json'],
    changes: [identity, moved],
    notes: [/^no street 'no-such-street' in the inventory: unknown devices not added$/],
  },
  {
    name: '--assign the stranger to the gate camera',
    options: { assign: new Map([[at(50), 'tx2-gate-parking']]) },
    files: ['cong-chinh.json', 'duong-noi-bo-a.json', 'ngo-15.json'],
    changes: [/tx2-gate-parking: address/, /tx2-gate-parking: identity/, identity, moved],
    notes: [],
  },
  {
    name: '--assign an address where nothing answered, and to a point that does not exist',
    options: {
      assign: new Map([
        [at(77), 'tx2-gate-parking'],
        [at(50), 'nope'],
      ]),
    },
    files: ['duong-noi-bo-a.json', 'ngo-15.json'],
    changes: [identity, moved],
    notes: [/no device was found at .*\.2\.77$/, /no point 'nope' in the inventory$/, /^1 unknown device not added/],
  },
  {
    name: '--ignore the stranger, with a note',
    options: { ignore: new Map([[at(50), 'the shop opposite']]) },
    files: ['duong-noi-bo-a.json', 'ngo-15.json', 'site.json'],
    changes: [identity, moved, /not part of the programme \(the shop opposite\)/],
    notes: [],
  },
  {
    name: '--ignore an address where nothing answered',
    options: { ignore: new Map([[at(78), undefined]]) },
    files: ['duong-noi-bo-a.json', 'ngo-15.json'],
    changes: [identity, moved],
    notes: [/^--ignore .*\.2\.78: no device was found at .*\.2\.78$/, /^1 unknown device not added/],
  },
];

describe('adoptChanges, table-driven over one real plan', () => {
  it.each(rows)('$name', (row) => {
    const { changes, notes } = adoptChanges(plan, selection.sites, { owner: 'public', today: '2026-12-05', ...row.options });
    expect(changes.map((c) => basename(c.path)).sort()).toEqual(row.files);
    const said = changes.flatMap((c) => c.notes).sort();
    expect(said).toHaveLength(row.changes.length);
    for (const pattern of row.changes)
      expect(
        said.some((n) => pattern.test(n)),
        `${pattern} in ${JSON.stringify(said)}`,
      ).toBe(true);
    expect(notes).toHaveLength(row.notes.length);
    for (const [i, pattern] of row.notes.entries()) expect(notes[i]).toMatch(pattern);
  });
});
