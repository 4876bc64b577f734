import { spawn } from 'node:child_process';
import { chmod, lstat, readdir, readFile, realpath, rename, stat, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateInventory } from '../../src/inventory/validate.js';
import { writeInventoryFile } from '../../src/inventory/writer.js';
import { copySample } from '../helpers/sample-copy.js';

const CHILD = resolve(import.meta.dirname, '../helpers/writer-child.mjs');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function site() {
  const copy = await copySample('tan-xuan-2', 20);
  cleanups.push(copy.cleanup);
  return copy.dir;
}

/** Every file under `dir`, recursively: no temporary file may be left among them. */
async function tree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String);
}

const run = (args: string[]) => spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });

describe('inventory writes under kill -9', () => {
  it('leave every file whole, all files of one write in the same version, and no temporary file after the next run', async () => {
    const dir = await site();
    const streets = join(dir, 'streets');
    for (let kill = 0; kill < 20; kill++) {
      const child = run(['kill', dir]);
      // Let it write a few rounds, then kill it at a random moment of a write.
      await new Promise<void>((r) => child.stdout.once('data', () => r()));
      await new Promise((r) => setTimeout(r, Math.random() * 40));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('close', r));
      const results = await validateInventory(dir);
      expect(results[0]!.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([]);
      const rounds = await Promise.all(
        (await readdir(streets)).map(async (f) => JSON.parse(await readFile(join(streets, f), 'utf8'))['x-round']),
      );
      expect(new Set(rounds).size, `files disagree after kill ${kill}: ${rounds}`).toBe(1);
      expect((await tree(dir)).filter((f) => /camfleet|\.tmp$/.test(f))).toEqual([]);
    }
  }, 60_000);
});

describe('two writers of one file', () => {
  it('lose no update: each adds its keys, retrying when the other wrote first', async () => {
    const file = join(await site(), 'streets', 'ngo-8.json');
    const a = run(['add', file, 'a', '15']);
    const b = run(['add', file, 'b', '15']);
    const codes = await Promise.all([a, b].map((c) => new Promise((r) => c.once('close', r))));
    expect(codes).toEqual([0, 0]);
    const doc = JSON.parse(await readFile(file, 'utf8'));
    for (const p of ['a', 'b']) for (let i = 0; i < 15; i++) expect(doc[`x-${p}-${i}`], `x-${p}-${i}`).toBe(i);
  }, 60_000);
});

describe('a written file', () => {
  it('keeps its mode', async () => {
    const file = join(await site(), 'streets', 'ngo-8.json');
    await chmod(file, 0o640);
    const before = await readFile(file, 'utf8');
    await writeInventoryFile(file, 'street', { ...JSON.parse(before), notes: 'changed' }, before);
    expect((await stat(file)).mode & 0o777).toBe(0o640);
  });

  it('behind a symbolic link is written through it: the link stays a link', async () => {
    const dir = await site();
    const file = join(dir, 'streets', 'ngo-8.json');
    const real = join(dir, 'ngo-8.real.json');
    await rename(file, real);
    await symlink(real, file);
    const before = await readFile(file, 'utf8');
    await writeInventoryFile(file, 'street', { ...JSON.parse(before), notes: 'changed' }, before);
    expect((await lstat(file)).isSymbolicLink()).toBe(true);
    expect(await realpath(file)).toBe(await realpath(real));
    expect(JSON.parse(await readFile(real, 'utf8')).notes).toBe('changed');
  });

  it('keeps keys named __proto__, constructor and toString in x- fields', async () => {
    const file = join(await site(), 'streets', 'ngo-8.json');
    const before = await readFile(file, 'utf8');
    const doc = JSON.parse(before);
    doc.points[0]['x-meta'] = JSON.parse('{"__proto__": {"a": 1}, "constructor": 2, "toString": 3, "ok": 4}');
    await writeFile(file, JSON.stringify(doc));
    const edited = await readFile(file, 'utf8');
    await writeInventoryFile(file, 'street', JSON.parse(edited), edited);
    const after = JSON.parse(await readFile(file, 'utf8'));
    const meta = after.points.find((p: { id: string }) => p.id === doc.points[0].id)['x-meta'];
    expect(Object.keys(meta).sort()).toEqual(['__proto__', 'constructor', 'ok', 'toString']);
    expect(meta.constructor).toBe(2);
  });
});
