import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { camfleet } from '../helpers/cli-in-process.js';
import { runCli } from '../helpers/run-cli.js';
import { copySample } from '../helpers/sample-copy.js';

let dir: string;
let cleanup: () => Promise<void>;
let pristine: Map<string, string>;
beforeAll(async () => {
  ({ dir, cleanup } = await copySample('tan-xuan-2', 20));
  const files = ['site.json', ...(await readdir(join(dir, 'streets'))).map((f) => `streets/${f}`)];
  pristine = new Map(await Promise.all(files.map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const)));
});
afterAll(() => cleanup());

async function restore(): Promise<void> {
  for (const [f, text] of pristine) await writeFile(join(dir, f), text);
}

const ONE_LINE_WITH_PLACE = /^camfleet: .*\S+\.json:\d+:\d+: .+/;

describe('bad inventory input gets a one-line error, never an internal one', () => {
  it('refuses objects nested 10,000 deep with file:line', async () => {
    const file = join(dir, 'streets', 'ngo-8.json');
    await writeFile(
      file,
      pristine.get('streets/ngo-8.json')!.replace('"points"', `"x-deep": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}, "points"`),
    );
    try {
      for (const command of [
        ['inventory', 'validate', dir],
        ['inventory', 'ls', dir],
        ['check', '--inventory', dir, '--no-discovery'],
      ]) {
        const run = await camfleet(command);
        expect(run.code, command.join(' ')).toBe(2);
        expect(`${run.stdout}${run.stderr}`).toMatch(/ngo-8\.json:\d+:\d+: .*nested deeper than 64 levels/);
        expect(run.stderr).not.toMatch(/internal error/);
      }
    } finally {
      await restore();
    }
  });

  it('says a file holding null is not an inventory file, and fmt skips it', async () => {
    await writeFile(join(dir, 'streets', 'null.json'), 'null\n');
    try {
      const validate = await camfleet(['inventory', 'validate', dir]);
      expect(validate.code).toBe(2);
      expect(validate.stdout).toMatch(/null\.json:1:1: error: .* must be an object, not null/);
      const fmt = await camfleet(['inventory', 'fmt', dir]);
      expect(fmt.stderr).not.toMatch(/internal error/);
      expect(`${fmt.stdout}${fmt.stderr}`).toMatch(/null\.json.*holds no JSON object/);
    } finally {
      await import('node:fs/promises').then((fs) => fs.rm(join(dir, 'streets', 'null.json')));
    }
  });

  it('does not hang on a FIFO named like a street file', async () => {
    const fifo = join(dir, 'streets', 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    try {
      const started = Date.now();
      const run = await runCli(['inventory', 'validate', dir], { timeoutMs: 20_000 });
      expect(run.code).toBe(2);
      expect(run.stdout).toMatch(/pipe\.json:1:1: error: cannot read the file \(it is not a regular file but a FIFO/);
      expect(Date.now() - started).toBeLessThan(15_000);
      const fmt = await runCli(['inventory', 'fmt', dir, '--check'], { timeoutMs: 20_000 });
      expect(fmt.code).not.toBeNull();
    } finally {
      await import('node:fs/promises').then((fs) => fs.rm(fifo));
    }
  });

  it('says in one line when a report cannot be written', async () => {
    const run = await camfleet(['check', '--inventory', dir, '--no-discovery', '--timeout', '0.3', '--json', '/nonexistent/r.json'], {
      CAMFLEET_USER: 'admin',
      CAMFLEET_PASSWORD: 'x',
      CAMFLEET_CREDENTIALS: '/nonexistent/credentials.json',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^camfleet: cannot write the JSON report to \/nonexistent\/r\.json \(its folder does not exist\)/);
  });
});

/** A small deterministic generator (mulberry32), so a failing run can be repeated from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_VALUES: unknown[] = [
  null,
  true,
  -1,
  1e308,
  '',
  'x'.repeat(5000),
  '\u0000\u001b[31m',
  [],
  {},
  [[[]]],
  { __proto__: 1 },
  'ﬀ\uFEFF',
  3.5,
];

/** One mutation of a JSON text: structural (in the value) or textual (in the bytes). */
function mutate(text: string, rnd: () => number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const textual = rnd() < 0.4;
  if (textual) {
    const at = Math.floor(rnd() * text.length);
    return pick([
      () => text.slice(0, at),
      () => `${text.slice(0, at)}${pick(['{', '}', '[', ']', ',', '"', ':', '\\', '\u0000', 'NaN', '//', '\uFEFF'])}${text.slice(at)}`,
      () => text.slice(0, at) + text.slice(at + Math.floor(rnd() * 50)),
      () => `\uFEFF${text}`,
      () => text.replace(/"id"/, '"id": "dup", "id"'),
    ])();
  }
  const doc = JSON.parse(text);
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]): void => {
    paths.push(path);
    if (Array.isArray(v)) for (const [i, c] of v.entries()) walk(c, [...path, i]);
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], [...path, k]);
  };
  walk(doc, []);
  const path = pick(paths.slice(1));
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, doc);
  const key = path.at(-1)!;
  const op = rnd();
  if (op < 0.3) delete parent[key];
  else if (op < 0.8) parent[key] = pick(ODD_VALUES);
  else
    (parent as Record<string, unknown>)[pick(['x-note', 'lable', 'password', '__proto__', 'constructor', 'toString'])] = pick(ODD_VALUES);
  return JSON.stringify(doc, null, rnd() < 0.5 ? 2 : undefined);
}

describe('a bounded fuzz of the inventory', () => {
  const seed = Number(process.env.CAMFLEET_FUZZ_SEED ?? Date.now() % 1_000_000);
  it(`ends every validate and fmt --check with 0, 1 or 2, and a place for every error (seed ${seed})`, async () => {
    const rnd = random(seed);
    const files = [...pristine.keys()];
    for (let i = 0; i < 150; i++) {
      const file = files[Math.floor(rnd() * files.length)]!;
      const mutated = mutate(pristine.get(file)!, rnd);
      await writeFile(join(dir, file), mutated);
      const context = `seed ${seed}, mutation ${i} of ${file} (CAMFLEET_FUZZ_SEED=${seed} repeats it)`;
      const validate = await camfleet(['inventory', 'validate', dir]);
      expect([0, 1, 2], context).toContain(validate.code);
      expect(validate.stderr, context).not.toMatch(/internal error/);
      if (validate.code === 2) expect(validate.stdout, context).toMatch(/\S+\.json:\d+:\d+: error: /);
      const fmt = await camfleet(['inventory', 'fmt', dir, '--check']);
      expect([0, 1, 2], context).toContain(fmt.code);
      expect(fmt.stderr, context).not.toMatch(/internal error/);
      const ls = await camfleet(['inventory', 'ls', dir]);
      expect([0, 2], context).toContain(ls.code);
      if (ls.code === 2) expect(ls.stderr, context).toMatch(ONE_LINE_WITH_PLACE);
      await writeFile(join(dir, file), pristine.get(file)!);
    }
  }, 120_000);
});
