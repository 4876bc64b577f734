import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSite, point, SITE } from '../helpers/inventory-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const SAMPLE = join(import.meta.dirname, '../../inventory');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('camfleet inventory (built CLI)', () => {
  it('validate: the sample is valid, exit 0; --json has the promised shape', async () => {
    const human = await runCli(['inventory', 'validate', SAMPLE]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('3 sites checked: 0 errors, 0 warnings. The inventory is valid.');
    const json = await runCli(['--json', 'inventory', 'validate', SAMPLE]);
    expect(JSON.parse(json.stdout)).toEqual({ formatVersion: 1, valid: true, diagnostics: [] });
  });

  it('validate: errors print like a compiler and exit 2; warnings pass unless --strict', async () => {
    const site = await makeSite({
      'site.json': SITE,
      'streets/main.json': { schemaVersion: 1, id: 'main', name: 'Main', points: [{ ...point('a', '127.30.0.1'), lable: 'x' }] },
    });
    cleanups.push(site.cleanup);
    const run = await runCli(['inventory', 'validate', site.dir]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(
      /streets\/main\.json:\d+:\d+: error: unknown field 'lable' \(\/points\/0\/lable\)\n {2}hint: did you mean 'label'\?/,
    );
    const warned = await makeSite({ 'site.json': SITE, 'streets/other.json': { schemaVersion: 1, id: 'main', name: 'Main', points: [] } });
    cleanups.push(warned.cleanup);
    expect((await runCli(['inventory', 'validate', warned.dir])).code).toBe(0);
    expect((await runCli(['inventory', 'validate', '--strict', warned.dir])).code).toBe(2);
  });

  it('fmt --check exits 1 and names the files; ls lists the points', async () => {
    const site = await makeSite({
      'site.json': SITE,
      'streets/main.json': { name: 'Main', id: 'main', schemaVersion: 1, points: [point('a', '127.30.0.1')] },
    });
    cleanups.push(site.cleanup);
    const check = await runCli(['inventory', 'fmt', '--check', site.dir]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/main\.json: not canonical/);
    const list = await runCli(['--json', 'inventory', 'ls', SAMPLE, '--street', 'cong-chinh']);
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.stdout).points;
    expect(rows.map((r: { id: string }) => r.id)).toEqual(['tx2-gate-in', 'tx2-gate-out', 'tx2-gate-parking']);
    const unknown = await runCli(['inventory', 'ls', SAMPLE, '--street', 'nowhere']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no street 'nowhere'");
  });
});
