import { afterEach, describe, expect, it } from 'vitest';
import type { ApplyReport } from '../../src/reconcile/model.js';
import type { CameraOverride } from '../../src/sim/index.js';
import { camfleet } from '../helpers/cli-in-process.js';
import { reconcileEnv, type ReconcileEnv } from '../helpers/reconcile-env.js';
import { CLI } from '../helpers/run-cli.js';
import { spawn } from 'node:child_process';
import { reserveBlock } from '../helpers/address-block.js';

const block = reserveBlock();

// Every camera of the sample Tân Xuân 2 (on 127.<block>.2.x) turned away from all of its presets, so that
// an apply has work on each of them.
const turnedAway = (c: CameraOverride): CameraOverride => ({
  ...c,
  presets: c.presets?.map((p) => ({ ...p, pan: p.pan > 0 ? -0.9 : 0.9 })),
});
const isMove = (body: string) => /<(\w+:)?(AbsoluteMove|SetPreset)\b/.test(body);
const presetsOff = (env: ReconcileEnv, name: string) => env.fleet.camera(name).state.presets.some((p) => Math.abs(p.position.pan) === 0.9);

let env: ReconcileEnv | undefined;
afterEach(async () => {
  await env?.stop();
  env = undefined;
});

describe('apply interrupted by SIGINT (built CLI, plain node)', () => {
  it('starts no new camera, finishes the ones under way, reports both, and exits 1', async () => {
    let child: ReturnType<typeof spawn> | undefined;
    let signalled = false;
    env = await reconcileEnv(block.octet, (c) => ({ ...turnedAway(c), faults: { latencyMs: 120 } }), {
      onRequest: (_camera, body) => {
        if (!signalled && isMove(body) && child) {
          signalled = true;
          child.kill('SIGINT');
        }
      },
    });
    // The sample's five PTZ cameras have presets to re-aim.
    const ptzCameras = env.fleet.cameras.filter((c) => presetsOff(env!, c.name)).map((c) => c.name);
    expect(ptzCameras).toHaveLength(5);
    child = spawn(process.execPath, [CLI, '--json', 'apply', '--inventory', env.site, '--yes', '--concurrency', '2'], {
      env: { ...process.env, NO_COLOR: '1', ...env.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((r) => child!.on('close', r));

    expect(signalled).toBe(true);
    expect(code, stderr).toBe(1);
    const report = JSON.parse(stdout) as ApplyReport;
    expect(report.interrupted).toBe(true);
    expect(report.points.map((p) => p.pointId).sort()).toEqual([...ptzCameras].sort());
    const verified = report.points.filter((p) => p.status === 'verified');
    const skipped = report.points.filter((p) => p.status === 'skipped');
    // The cameras under way when Ctrl-C came finished (at most the concurrency); the rest did not start.
    expect(verified.length).toBeGreaterThanOrEqual(1);
    expect(verified.length).toBeLessThanOrEqual(2);
    expect(skipped.length).toBe(ptzCameras.length - verified.length);
    for (const p of skipped) expect(p.actions.every((a) => a.status === 'skipped' && a.detail === 'not started: interrupted')).toBe(true);
    // The report is the truth: verified cameras were re-aimed, skipped ones were not touched.
    for (const p of verified) expect(presetsOff(env, p.pointId), p.pointId).toBe(false);
    for (const p of skipped) expect(presetsOff(env, p.pointId), p.pointId).toBe(true);
  });
});

describe('a camera that goes offline in the middle of an apply', () => {
  it('is reported failed with the reason; the other cameras are fixed', async () => {
    let dropped = false;
    env = await reconcileEnv(block.octet, turnedAway, {
      onRequest: (camera, body) => {
        if (!dropped && camera === 'tx2-ngo-15-1' && isMove(body)) {
          dropped = true;
          void env!.fleet.camera('tx2-ngo-15-1').setFaults({ offline: true });
        }
      },
    });
    const run = await camfleet(['--json', 'apply', '--inventory', env.site, '--yes', '--no-discovery'], env.env);
    expect(dropped).toBe(true);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as ApplyReport;
    expect(report.interrupted).toBe(false);
    const gone = report.points.find((p) => p.pointId === 'tx2-ngo-15-1')!;
    expect(gone.status).toBe('failed');
    expect(gone.actions.some((a) => a.status === 'failed' && /connection|refused|reset|unreachable|socket/i.test(a.detail ?? ''))).toBe(
      true,
    );
    const others = report.points.filter((p) => p.pointId !== 'tx2-ngo-15-1');
    expect(others).toHaveLength(4);
    for (const p of others) expect(p.status, `${p.pointId}: ${JSON.stringify(p.actions)}`).toBe('verified');
  });
});
