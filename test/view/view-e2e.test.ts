import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDocument } from '../../src/inventory/canonical.js';
import type { CheckReport } from '../../src/reconcile/check-report.js';
import type { Tamper } from '../../src/sim/model.js';
import { reserveBlock } from '../helpers/address-block.js';
import { camfleet } from '../helpers/cli-in-process.js';
import { hostileCamera } from '../helpers/hostile-camera.js';
import { type ReconcileEnv, reconcileEnv } from '../helpers/reconcile-env.js';

// Tân Xuân 2 on its own block, its reference views removed: they are recorded here, then the cameras
// are tampered with one by one.
const block = reserveBlock();
let env: ReconcileEnv;
const streets = () => join(env.site, 'streets');

async function stripViews(): Promise<void> {
  await rm(join(env.site, 'views'), { recursive: true, force: true });
  for (const f of await readdir(streets())) {
    const doc = JSON.parse(await readFile(join(streets(), f), 'utf8'));
    for (const p of doc.points) {
      delete p.views;
      for (const preset of p.ptz?.presets ?? []) delete preset.views;
    }
    await writeFile(join(streets(), f), formatDocument('street', doc));
  }
}

const check = async (...extra: string[]): Promise<{ code: number; report: CheckReport }> => {
  const run = await camfleet(['--json', 'check', '--inventory', env.site, '--no-discovery', ...extra], env.env);
  return { code: run.code, report: JSON.parse(run.stdout) as CheckReport };
};
const viewOf = (report: CheckReport, id: string) => report.points.find((p) => p.pointId === id)!.view;

beforeAll(async () => {
  env = await reconcileEnv(block.octet);
  await stripViews();
});
afterAll(async () => {
  await env.stop();
  block.release();
});

describe('view verification end to end, on the simulator', () => {
  it('without references, every point warns with the command that records one; check stays green', async () => {
    const { code, report } = await check();
    expect(code).toBe(0);
    const warnings = report.points.flatMap((p) => p.findings).filter((f) => f.topic === 'view');
    expect(warnings.length).toBe(12);
    expect(warnings.every((f) => f.kind === 'warning' && /camfleet view record --point/.test(f.hint))).toBe(true);
  });

  it('view record takes every point (each preset of a PTZ point) and writes pictures and inventory', async () => {
    const refused = await camfleet(['view', 'record', '--inventory', env.site], env.env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/no terminal to confirm on — add --yes/);
    const run = await camfleet(['--json', 'view', 'record', '--inventory', env.site, '--yes'], env.env);
    expect(run.code, run.stderr).toBe(0);
    const captures = JSON.parse(run.stdout).captures as { file: string; error: string | null; width: number }[];
    expect(captures.every((c) => c.error === null && c.width === 416)).toBe(true);
    expect((await readdir(join(env.site, 'views'))).sort()).toEqual(captures.map((c) => c.file.replace('views/', '')).sort());
    expect((await camfleet(['inventory', 'validate', env.site])).code).toBe(0);
    expect((await camfleet(['inventory', 'fmt', '--check', env.site])).code).toBe(0);
  });

  it('then check is green: every view compared, ok', async () => {
    const { code, report } = await check();
    expect(code).toBe(0);
    for (const p of report.points) expect(p.view, p.pointId).toMatchObject({ status: 'compared', verdict: 'ok' });
  });

  const tampers: [string, Tamper, string][] = [
    ['tx2-nba-2', { kind: 'covered' }, 'covered'],
    ['tx2-nba-3', { kind: 'bagged' }, 'covered'],
    ['tx2-ngo-15-2', { kind: 'turned' }, 'turned'],
    ['tx2-ngo-15-3', { kind: 'panned', degrees: 25 }, 'turned'],
    ['tx2-ngo-8-2', { kind: 'upside-down' }, 'turned'],
    ['tx2-ngo-8-3', { kind: 'defocused' }, 'blurred'],
    ['tx2-gate-parking', { kind: 'sprayed' }, 'covered'],
  ];

  it('gives each tamper fault its verdict, while nudged and night-time cameras stay green', async () => {
    for (const [id, tamper] of tampers) await env.fleet.camera(id).setFaults({ tampered: tamper });
    await env.fleet.camera('tx2-nba-1').setFaults({ tampered: { kind: 'nudged' } });
    await env.fleet.camera('tx2-gate-in').setFaults({ timeOfDay: 23 });
    await env.fleet.camera('tx2-ngo-15-1').setFaults({ timeOfDay: 18.5 });
    const junit = join(env.site, '..', 'views.xml');
    const { code, report } = await check('--junit', junit);
    expect(code).toBe(1);
    for (const [id, , verdict] of tampers) expect(viewOf(report, id), id).toMatchObject({ status: 'compared', verdict });
    for (const id of ['tx2-nba-1', 'tx2-gate-in', 'tx2-ngo-15-1', 'tx2-gate-out', 'tx2-ngo-8-1']) {
      expect(viewOf(report, id), id).toMatchObject({ status: 'compared', verdict: 'ok' });
    }
    // Every output carries it: the JUnit case of the point's view fails with the verdict.
    const xml = await readFile(junit, 'utf8');
    expect(xml).toMatch(/name="tx2-nba-2 view"[^>]*><failure message="! view covered: dark and featureless/);
    expect(xml).toMatch(/name="tx2-nba-1 view"[^>]*\/>/);
    const human = await camfleet(['check', '--inventory', env.site, '--no-discovery'], env.env);
    expect(human.stdout).toMatch(/! tx2-ngo-8-3: view blurred: .*defocused/);
    const panned = report.points.find((p) => p.pointId === 'tx2-ngo-15-3')!.findings[0]!;
    expect(panned.hint).toMatch(
      /re-aim it; if it was re-aimed on purpose, take a new reference with 'camfleet view record --point tx2-ngo-15-3'/,
    );
  });

  it('verifies the view after apply: a camera turned on its mount reaches its preset but sees the wrong street', async () => {
    for (const [id] of tampers) await env.fleet.camera(id).setFaults({ tampered: { kind: 'none' } });
    const camera = env.fleet.camera('tx2-gate-out');
    await camera.setFaults({ tampered: { kind: 'panned', degrees: 40 }, timeOfDay: 11 });
    const run = await camfleet(
      ['--json', 'ptz', 'reaim', '--inventory', env.site, '--street', 'cong-chinh', '--preset', 'road', '--yes'],
      env.env,
    );
    const report = JSON.parse(run.stdout);
    const out = report.points.find((p: { pointId: string }) => p.pointId === 'tx2-gate-out');
    expect(out.status).toBe('failed');
    expect(out.actions[0].detail).toMatch(/^at the preset, the view is turned/);
    const fine = report.points.find((p: { pointId: string }) => p.pointId === 'tx2-gate-in');
    expect(fine.status).toBe('verified');
    await camera.setFaults({ tampered: { kind: 'none' } });
  });

  it('reports a snapshot that is not a picture as snapshot-failed, never a crash', async () => {
    const fixed = env.fleet.cameras.find((c) => c.name === 'tx2-nba-2')!;
    const proxy = await hostileCamera(fixed, { 'GET /onvif/snapshot': { kind: 'status', status: 200, body: 'not a jpeg' } });
    try {
      const file = join(streets(), 'duong-noi-bo-a.json');
      const before = await readFile(file, 'utf8');
      await writeFile(file, before.replace(`"address": "${fixed.address}"`, `"address": "${proxy.url}"`));
      try {
        const { code, report } = await check('--point', 'tx2-nba-2');
        expect(code).toBe(1);
        expect(viewOf(report, 'tx2-nba-2')).toMatchObject({
          status: 'snapshot-failed',
          reason: expect.stringMatching(/not a readable image/),
        });
      } finally {
        await writeFile(file, before);
      }
    } finally {
      await proxy.close();
    }
  });

  it('validate names a reference that is missing or not a JPEG, with file and line', async () => {
    await writeFile(join(env.site, 'views', 'tx2-nba-3.jpg'), 'text');
    await rm(join(env.site, 'views', 'tx2-nba-2.jpg'));
    const run = await camfleet(['inventory', 'validate', env.site]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/duong-noi-bo-a\.json:\d+:\d+: error: reference view views\/tx2-nba-2\.jpg is missing/);
    expect(run.stdout).toMatch(/duong-noi-bo-a\.json:\d+:\d+: error: reference view views\/tx2-nba-3\.jpg is not a JPEG/);
    expect(run.stdout).toMatch(/camfleet view record --point tx2-nba-2/);
  });
});
