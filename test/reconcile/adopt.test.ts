import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDocument } from '../../src/inventory/canonical.js';
import { startFleet } from '../../src/sim/index.js';
import { camfleet } from '../helpers/cli-in-process.js';
import { reconcileEnv, type ReconcileEnv } from '../helpers/reconcile-env.js';

// The sample Tân Xuân 2 on 127.67.2.x: tx2-ngo-15-2 moved from .18 to .99, a stranger at .50, and
// tx2-nba-1's identity left out of the inventory (as a point surveyed before its camera was read).
let env: ReconcileEnv;
const original = new Map<string, string>();
const streetFile = (street: string) => join(env.site, 'streets', `${street}.json`);

beforeAll(async () => {
  env = await reconcileEnv(67, (c) => (c.name === 'tx2-ngo-15-2' ? { ...c, address: '127.67.2.99' } : c));
  env.extra.push(await startFleet({ count: 1, addressBase: '127.67.2.50', seed: 'stranger' }));
  for (const f of await readdir(join(env.site, 'streets'))) original.set(f, await readFile(join(env.site, 'streets', f), 'utf8'));
  const nba = JSON.parse(original.get('duong-noi-bo-a.json')!);
  delete nba.points.find((p: { id: string }) => p.id === 'tx2-nba-1').device.identity;
  await writeFile(streetFile('duong-noi-bo-a'), formatDocument('street', nba));
});
afterAll(() => env.stop());

describe('camfleet inventory adopt', () => {
  it('shows the diff and writes nothing without --yes and without a terminal', async () => {
    const before = await readFile(streetFile('ngo-15'), 'utf8');
    const run = await camfleet(['inventory', 'adopt', '--inventory', env.site, '--into', 'cong-chinh'], env.env);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('+        "address": "127.67.2.99"');
    expect(await readFile(streetFile('ngo-15'), 'utf8')).toBe(before);
  });

  it('writes the expected minimal diff, byte for byte, and touches no other file', async () => {
    const run = await camfleet(['inventory', 'adopt', '--inventory', env.site, '--into', 'cong-chinh', '--owner', 'household', '--yes'], env.env);
    expect(run.code, run.stderr).toBe(0);

    // The moved camera: one line.
    expect(await readFile(streetFile('ngo-15'), 'utf8')).toBe(original.get('ngo-15.json')!.replace('"address": "127.67.2.18"', '"address": "127.67.2.99"'));
    // The point without identity gets exactly the identity the sample had written by hand.
    expect(await readFile(streetFile('duong-noi-bo-a'), 'utf8')).toBe(original.get('duong-noi-bo-a.json'));
    // The stranger: a new point, in id order, with what the network told about it.
    const s = env.extra[0]!.cameras[0]!;
    const port = s.port === 80 ? '' : `:${s.port}`;
    const added = [
      '    {',
      `      "id": "${s.name}",`,
      `      "label": "${s.name} (found 127.67.2.50)",`,
      '      "owner": "household",',
      '      "device": {',
      `        "address": "127.67.2.50${port}",`,
      '        "identity": {',
      `          "manufacturer": "${s.manufacturer}",`,
      `          "model": "${s.model}",`,
      `          "serialNumber": "${s.serialNumber}",`,
      `          "mac": "${s.mac}",`,
      `          "endpointReference": "${s.endpointReference}"`,
      '        }',
      '      },',
      '      "notes": "Added by camfleet inventory adopt from a device found on the network; check its label, location and owner."',
      '    },',
    ].join('\n');
    expect(await readFile(streetFile('cong-chinh'), 'utf8')).toBe(original.get('cong-chinh.json')!.replace('  "points": [\n', `  "points": [\n${added}\n`));
    expect(await readFile(streetFile('ngo-8'), 'utf8')).toBe(original.get('ngo-8.json'));
    expect(run.stderr).toMatch(/Wrote 3 files: /);
  });

  it('has nothing more to adopt afterwards, and the plan sees no moved or unknown device', async () => {
    const run = await camfleet(['inventory', 'adopt', '--inventory', env.site, '--into', 'cong-chinh', '--yes'], env.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Nothing to adopt/);
    const plan = JSON.parse((await camfleet(['--json', 'plan', '--inventory', env.site], env.env)).stdout);
    expect(plan.findings.filter((f: { topic: string }) => ['moved', 'unknown-device', 'unreachable'].includes(f.topic))).toEqual([]);
  });
});
