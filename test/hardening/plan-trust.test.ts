import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDocument } from '../../src/inventory/canonical.js';
import type { Plan } from '../../src/reconcile/model.js';
import { reserveBlock } from '../helpers/address-block.js';
import { camfleet } from '../helpers/cli-in-process.js';
import { type ReconcileEnv, reconcileEnv } from '../helpers/reconcile-env.js';

// Tân Xuân 2 on its own block: tx2-gate-in's road preset turned away, tx2-nba-1 with a wrong NTP server.
const block = reserveBlock();
let env: ReconcileEnv;
beforeAll(async () => {
  env = await reconcileEnv(block.octet, (c) => {
    if (c.name === 'tx2-gate-in') return { ...c, presets: c.presets?.map((p) => (p.name === 'road' ? { ...p, pan: p.pan + 0.3 } : p)) };
    if (c.name === 'tx2-nba-1') return { ...c, network: { ntp: ['10.9.9.9'] } };
    return c;
  });
});
afterAll(async () => {
  await env.stop();
  block.release();
});

const planFile = () => join(env.site, '..', 'plan.json');
async function makePlan(): Promise<Plan> {
  const run = await camfleet(['plan', '--inventory', env.site, '--no-discovery', '--out', planFile()], env.env);
  expect(run.code).toBe(1);
  return JSON.parse(await readFile(planFile(), 'utf8')) as Plan;
}
const apply = () => camfleet(['apply', planFile(), '--inventory', env.site, '--yes'], env.env);

describe('apply re-derives a saved plan from the inventory', () => {
  it('refuses a plan whose network action was edited (a foreign DNS and gateway), and changes nothing', async () => {
    const plan = await makePlan();
    const network = plan.findings.find((f) => f.action?.type === 'set-network' && f.pointId === 'tx2-nba-1')!;
    Object.assign(network.action!, { dns: ['203.0.113.53'], gateway: '203.0.113.1' });
    await writeFile(planFile(), JSON.stringify(plan));
    const run = await apply();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /the plan asks for changes the inventory does not produce \(tx2-nba-1: .*203\.0\.113\.53.*\); nothing was changed/,
    );
    const camera = env.fleet.camera('tx2-nba-1').state.network;
    expect(camera.dns).not.toContain('203.0.113.53');
    expect(camera.ntp).toEqual(['10.9.9.9']);
  });

  it('refuses a plan whose preset was moved elsewhere', async () => {
    const plan = await makePlan();
    const preset = plan.findings.find((f) => f.action?.type === 'set-preset' && f.pointId === 'tx2-gate-in')!;
    Object.assign(preset.action!, { position: { pan: 0.9, tilt: 0.9, zoom: 0.9 } });
    await writeFile(planFile(), JSON.stringify(plan));
    const run = await apply();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/does not produce \(tx2-gate-in: .*road.*\)/);
    const road = env.fleet.camera('tx2-gate-in').state.presets.find((p) => p.name === 'road')!;
    expect(road.position.pan).not.toBe(0.9);
  });

  it('refuses a plan with an action added for a camera', async () => {
    const plan = await makePlan();
    const network = plan.findings.find((f) => f.action?.type === 'set-network')!;
    plan.findings.push({ ...network, pointId: 'tx2-nba-2', action: { type: 'set-network', ntp: ['203.0.113.123'] } });
    await writeFile(planFile(), JSON.stringify(plan));
    const run = await apply();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/tx2-nba-2: /);
  });

  it('refuses a plan made from another state of the inventory', async () => {
    await makePlan();
    const file = join(env.site, 'streets', 'duong-noi-bo-a.json');
    const before = await readFile(file, 'utf8');
    const doc = JSON.parse(before);
    doc.points[0].label = `${doc.points[0].label} (moved sign)`;
    await writeFile(file, formatDocument('street', doc));
    try {
      const run = await apply();
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/the inventory changed since the plan was made/);
    } finally {
      await writeFile(file, before);
    }
  });

  it('applies the plan as made, verified', async () => {
    await makePlan();
    const run = await camfleet(['--json', 'apply', planFile(), '--inventory', env.site, '--yes'], env.env);
    const report = JSON.parse(run.stdout);
    const status = (id: string) => report.points.find((p: { pointId: string }) => p.pointId === id)?.status;
    expect(status('tx2-gate-in')).toBe('verified');
    expect(status('tx2-nba-1')).toBe('verified');
  });
});

describe('apply --prune', () => {
  it('leaves the presets of a point that does not manage presets', async () => {
    // tx2-ngo-8-1 is a PTZ camera whose point has no ptz block: the inventory says nothing of its presets.
    const file = join(env.site, 'streets', 'ngo-8.json');
    const doc = JSON.parse(await readFile(file, 'utf8'));
    const ptzPoint = doc.points.find((p: { ptz?: unknown }) => p.ptz);
    const id = ptzPoint.id as string;
    const before = await readFile(file, 'utf8');
    delete ptzPoint.ptz;
    await writeFile(file, formatDocument('street', doc));
    try {
      const presets = env.fleet.camera(id).state.presets.length;
      expect(presets).toBeGreaterThan(0);
      const run = await camfleet(['--json', 'plan', '--inventory', env.site, '--no-discovery', '--point', id, '--prune'], env.env);
      const plan = JSON.parse(run.stdout) as Plan;
      expect(plan.findings.filter((f) => f.action?.type === 'remove-preset')).toEqual([]);
      await camfleet(['apply', '--inventory', env.site, '--no-discovery', '--point', id, '--prune', '--yes'], env.env);
      expect(env.fleet.camera(id).state.presets.length).toBe(presets);
    } finally {
      await writeFile(file, before);
    }
  });
});
