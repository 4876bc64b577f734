import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplyReport } from '../../src/reconcile/model.js';
import { camfleet } from '../helpers/cli-in-process.js';
import { reconcileEnv, type ReconcileEnv } from '../helpers/reconcile-env.js';
import { reserveBlock } from '../helpers/address-block.js';

const block = reserveBlock();

// The sample Tân Xuân 2 on 127.<block>.2.x; on the main gate, tx2-gate-out's stored 'road' preset was
// turned away (pan -0.5 instead of the inventory's 0.159).
let env: ReconcileEnv;
beforeAll(async () => {
  env = await reconcileEnv(block.octet, (c) =>
    c.name === 'tx2-gate-out' ? { ...c, presets: c.presets?.map((p) => ({ ...p, pan: -0.5 })) } : c,
  );
});
afterAll(() => env.stop());

const reaim = async (...args: string[]) => {
  const run = await camfleet(['--json', 'ptz', 'reaim', '--inventory', env.site, '--street', 'cong-chinh', ...args], env.env);
  return { ...run, report: run.stdout.startsWith('{') ? (JSON.parse(run.stdout) as ApplyReport) : undefined };
};
const status = (r: ApplyReport | undefined, id: string) => r?.points.find((p) => p.pointId === id);
const position = (name: string) => env.fleet.camera(name).state.position;
const near = (a: { pan: number; tilt: number }, b: { pan: number; tilt: number }) =>
  Math.abs(a.pan - b.pan) < 0.01 && Math.abs(a.tilt - b.tilt) < 0.01;

describe('camfleet ptz reaim', () => {
  it('refuses without a terminal and without --yes, moving nothing', async () => {
    const before = { ...position('tx2-gate-in') };
    const run = await reaim('--preset', 'road');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/add --yes/);
    expect(position('tx2-gate-in')).toEqual(before);
  });

  it('--preset sends each camera of the street that lists it there, and catches a stored preset turned away', async () => {
    const run = await reaim('--preset', 'road', '--yes');
    expect(run.code, run.stderr).toBe(1);
    expect(run.report!.points.map((p) => p.pointId).sort()).toEqual(['tx2-gate-in', 'tx2-gate-out']);
    expect(status(run.report, 'tx2-gate-in')!.status).toBe('verified');
    expect(near(position('tx2-gate-in'), { pan: 0.066, tilt: -0.256 })).toBe(true);
    const away = status(run.report, 'tx2-gate-out')!;
    expect(away.status).toBe('failed');
    expect(away.actions[0]!.detail).toMatch(
      /^the camera's preset 'road' points at pan -0\.5 .*'camfleet ptz reaim --save' stores the inventory's positions$/,
    );
  });

  it('--save stores the inventory positions on every camera, without duplicates; then --preset is clean', async () => {
    const save = await reaim('--save', '--yes');
    expect(save.code, save.stderr).toBe(0);
    expect(save.report!.summary).toMatchObject({ verified: 2, failed: 0 });
    expect(status(save.report, 'tx2-gate-in')!.actions.map((a) => a.status)).toEqual(['verified', 'verified']);
    const stored = env.fleet.camera('tx2-gate-out').state.presets.filter((p) => p.name === 'road');
    expect(stored).toHaveLength(1);
    expect(near(stored[0]!.position, { pan: 0.159, tilt: -0.326 })).toBe(true);

    const again = await reaim('--preset', 'road', '--yes');
    expect(again.code, again.stderr).toBe(0);
    expect(again.report!.summary).toMatchObject({ verified: 2, failed: 0 });
    expect(near(position('tx2-gate-out'), { pan: 0.159, tilt: -0.326 })).toBe(true);
  });

  it('says what is wrong with a preset no point lists, or a missing choice', async () => {
    const none = await reaim('--preset', 'parade', '--yes');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no point on street 'cong-chinh' lists a preset 'parade'/);
    const neither = await reaim('--yes');
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/either --preset NAME .* or --save/);
  });
});

describe('camfleet ptz preset set --record', () => {
  it('saves the preset on the camera and writes it into the inventory point', async () => {
    const run = await camfleet(
      [
        'ptz',
        'preset',
        'set',
        'cong-chinh/tx2-gate-in',
        'market',
        '--inventory',
        env.site,
        '--pan',
        '0.3',
        '--tilt',
        '-0.2',
        '--zoom',
        '0.5',
        '--record',
      ],
      env.env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Wrote 1 file: tx2-gate-in: preset 'market' at pan 0\.3 tilt -0\.2 zoom 0\.5\./);
    const stored = env.fleet.camera('tx2-gate-in').state.presets.filter((p) => p.name === 'market');
    expect(stored).toHaveLength(1);
    const street = JSON.parse(await readFile(join(env.site, 'streets', 'cong-chinh.json'), 'utf8'));
    const point = street.points.find((p: { id: string }) => p.id === 'tx2-gate-in');
    expect(point.ptz.presets.map((p: { name: string }) => p.name)).toEqual(['gate', 'road', 'market']);
    expect(point.ptz.presets[2]).toEqual({ name: 'market', pan: 0.3, tilt: -0.2, zoom: 0.5 });
    // The next plan agrees with the camera; the head now rests at the new preset, which has no reference view.
    const plan = JSON.parse(
      (await camfleet(['--json', 'plan', '--inventory', env.site, '--point', 'tx2-gate-in', '--no-discovery'], env.env)).stdout,
    );
    expect(plan.findings.map((f: { kind: string; topic: string; message: string }) => [f.kind, f.topic, f.message])).toEqual([
      ['warning', 'view', 'view not compared: the head is at no preset that has a reference view (a check does not move it)'],
    ]);
  });

  it('needs an inventory point', async () => {
    const run = await camfleet(['ptz', 'preset', 'set', env.fleet.camera('tx2-gate-in').address, 'market', '--record'], env.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--record writes into an inventory point/);
  });
});
