import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileOutputSchema } from '../../src/inventory/schemas.js';
import type { Plan } from '../../src/reconcile/model.js';
import { startFleet } from '../../src/sim/index.js';
import { camfleet } from '../helpers/cli-in-process.js';
import { reconcileEnv, type ReconcileEnv } from '../helpers/reconcile-env.js';
import { reserveBlock } from '../helpers/address-block.js';

const block = reserveBlock();

// The sample Tân Xuân 2 on 127.<block>.2.x, with one fault of each kind a plan reports.
let env: ReconcileEnv;

beforeAll(async () => {
  env = await reconcileEnv(block.octet, (c) => {
    switch (c.name) {
      case 'tx2-gate-parking':
        return { ...c, faults: { offline: true } };
      case 'tx2-gate-out':
        return { ...c, presets: c.presets?.map((p) => ({ ...p, pan: -0.5 })) };
      case 'tx2-gate-in':
        return { ...c, presets: c.presets?.filter((p) => p.name !== 'gate') };
      case 'tx2-nba-1':
        return { ...c, encoders: { VideoEncoder_1: { ...c.encoders?.VideoEncoder_1, width: 1280, height: 720 } } };
      case 'tx2-nba-2':
        return { ...c, faults: { clockSkewSeconds: 600 }, network: { ntp: [] } };
      case 'tx2-nba-3':
        return { ...c, faults: { wrongPassword: true } };
      case 'tx2-ngo-8-1':
        return { ...c, identity: { ...c.identity, serialNumber: 'SWAPPED-0001', mac: '02:00:00:00:00:01' } };
      case 'tx2-ngo-8-2':
        return { ...c, faults: { rtspDown: true } };
      case 'tx2-ngo-15-2':
        return { ...c, address: `127.${block.octet}.2.99` };
      case 'tx2-ngo-15-3':
        return { ...c, encoders: { VideoEncoder_2: { width: 352, height: 288 } }, faults: { ignoreEncoderChanges: true } };
      default:
        return c;
    }
  });
  env.extra.push(await startFleet({ count: 1, addressBase: `127.${block.octet}.2.50`, seed: 'stranger' }));
});
afterAll(() => env.stop());

const plan = async (...extra: string[]) => {
  const run = await camfleet(['--json', 'plan', '--inventory', env.site, ...extra], env.env);
  expect([0, 1], run.stderr).toContain(run.code);
  return { plan: JSON.parse(run.stdout) as Plan, code: run.code };
};
const finding = (p: Plan, pointId: string | null, topic: string) => p.findings.find((f) => f.pointId === pointId && f.topic === topic);

describe('plan: each kind of finding, from the matching fault', () => {
  let first: Plan;
  beforeAll(async () => {
    first = (await plan()).plan;
  });

  it('matches its schema and sums up', () => {
    const validate = compileOutputSchema('plan');
    expect(validate(first), JSON.stringify(validate.errors)).toBe(true);
    expect(first.summary).toEqual({ fix: 6, attention: 3, missing: 1, unknown: 2, warning: 0 });
  });

  it('~ drift apply can fix: a preset turned away, a preset missing, a stream setting, a clock, NTP', () => {
    expect(finding(first, 'tx2-gate-out', 'preset')).toMatchObject({ kind: 'fix', action: { type: 'set-preset', name: 'road' } });
    expect(finding(first, 'tx2-gate-in', 'preset')).toMatchObject({ kind: 'fix', message: "preset 'gate' is missing" });
    expect(finding(first, 'tx2-nba-1', 'encoder')).toMatchObject({
      kind: 'fix',
      message: 'MainStream: resolution 1280x720, wants 1920x1080',
    });
    expect(finding(first, 'tx2-nba-2', 'time')?.message).toMatch(/^clock \+(599|600)(\.\d)? s off$/);
    expect(finding(first, 'tx2-nba-2', 'network')).toMatchObject({ kind: 'fix', message: 'NTP none, wants vn.pool.ntp.org' });
    expect(finding(first, 'tx2-ngo-15-3', 'encoder')).toMatchObject({ kind: 'fix' });
  });

  it('! needs a person: a swapped camera, refused credentials, a stream that does not answer', () => {
    expect(finding(first, 'tx2-ngo-8-1', 'identity')?.message).toMatch(
      new RegExp(String.raw`^a different camera answers at 127\.${block.octet}\.2\.14: serial SWAPPED-0001 \(inventory: CFS`),
    );
    expect(finding(first, 'tx2-nba-3', 'auth')).toMatchObject({ kind: 'attention' });
    expect(finding(first, 'tx2-ngo-8-2', 'stream')).toMatchObject({ kind: 'attention' });
  });

  it('- missing, + moved and + unknown', () => {
    expect(finding(first, 'tx2-gate-parking', 'unreachable')).toMatchObject({ kind: 'missing' });
    expect(finding(first, 'tx2-ngo-15-2', 'moved')).toMatchObject({
      kind: 'unknown',
      address: `127.${block.octet}.2.99`,
      message: `moved from 127.${block.octet}.2.18 to 127.${block.octet}.2.99`,
    });
    expect(finding(first, null, 'unknown-device')?.message).toMatch(
      new RegExp(String.raw`at 127\.${block.octet}\.2\.50: no point claims it$`),
    );
  });

  it('points carry file and line for annotations', () => {
    const f = finding(first, 'tx2-gate-out', 'preset')!;
    expect(f.file).toMatch(/streets\/cong-chinh\.json$/);
    expect(f.line).toBeGreaterThan(1);
  });
});

describe('apply', () => {
  it('refuses without a terminal and without --yes, changing nothing', async () => {
    const run = await camfleet(['apply', '--inventory', env.site, '--point', 'tx2-gate-out'], env.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/there is no terminal to confirm on — review the plan, then add --yes/);
    expect(finding((await plan('--point', 'tx2-gate-out')).plan, 'tx2-gate-out', 'preset')).toBeDefined();
  });

  it('refuses a stale saved plan', async () => {
    const file = join(env.site, '..', 'stale-plan.json');
    await camfleet(['plan', '--inventory', env.site, '--point', 'tx2-gate-out', '--out', file, '--no-discovery'], env.env);
    const saved = JSON.parse(await readFile(file, 'utf8')) as Plan;
    expect(saved.findings.map((f) => f.topic)).toEqual(['preset']);
    // Someone changes the camera between plan and apply: its sub stream now runs at 10 fps.
    const encoder = env.fleet.camera('tx2-gate-out').state.encoders[1]!;
    const before = encoder.fps;
    encoder.fps = 10;
    try {
      const run = await camfleet(['apply', file, '--inventory', env.site, '--yes'], env.env);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/the plan is stale: tx2-gate-out changed since it was made; nothing was changed/);
      expect(finding((await plan('--point', 'tx2-gate-out')).plan, 'tx2-gate-out', 'preset')).toBeDefined();
    } finally {
      encoder.fps = before;
    }
  });

  it('fixes every fixable finding, verifies, reports a camera that ignores a setting; the next plan has none of them', async () => {
    const run = await camfleet(['--json', 'apply', '--inventory', env.site, '--yes'], env.env);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    const status = (id: string) => report.points.find((p: { pointId: string }) => p.pointId === id)?.status;
    for (const id of ['tx2-gate-out', 'tx2-gate-in', 'tx2-nba-1', 'tx2-nba-2']) expect(status(id), id).toBe('verified');
    const ignored = report.points.find((p: { pointId: string }) => p.pointId === 'tx2-ngo-15-3');
    expect(ignored.status).toBe('failed');
    expect(ignored.actions[0].detail).toMatch(/^accepted but not applied: resolution is 352x288, not/);
    const after = (await plan()).plan;
    expect(after.findings.filter((f) => f.kind === 'fix').map((f) => f.pointId)).toEqual(['tx2-ngo-15-3']);
    // Says which findings needed attention when the count differs (it read 5 once, on a machine far busier than CI).
    const attention = after.findings.filter((f) => f.kind === 'attention').map((f) => `${f.pointId} ${f.topic}: ${f.message}`);
    expect(after.summary, attention.join('\n')).toMatchObject({ attention: 3, missing: 1, unknown: 2 });
  });

  it('is idempotent: a second apply changes nothing it had fixed', async () => {
    const run = await camfleet(['--json', 'apply', '--inventory', env.site, '--yes', '--street', 'cong-chinh'], env.env);
    // With --json, an apply with nothing to do is still a report (an empty one), never plain text.
    expect(JSON.parse(run.stdout)).toMatchObject({ formatVersion: 1, interrupted: false, points: [], summary: { verified: 0, failed: 0 } });
    expect(run.code).toBe(0);
  });
});
