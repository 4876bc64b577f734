import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createServer, type Server } from 'node:net';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
// @ts-expect-error: the parser ships no types; it is a test-only Prometheus text-format parser.
import parsePrometheus from 'parse-prometheus-text-format/dist/parse-prometheus-text-format.esm.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGES } from '../../src/report/badge.js';
import { reserveBlock } from '../helpers/address-block.js';
import { operationOf } from '../helpers/hostile-camera.js';
import { reconcileEnv, type ReconcileEnv } from '../helpers/reconcile-env.js';
import { CLI, runCli } from '../helpers/run-cli.js';

// One run of `camfleet watch --events` against the simulated sample site: a camera taken offline and
// back, a lens covered mid-run, views looked at less often where the camera's own alarms watch them,
// recordings read when their verdict could change,
// subscriptions that outlive their termination time, and a SIGTERM that leaves no subscription open in
// the simulator. One camera (tx2-nba-3) raises motion alone, as many small cameras do.
const INTERVAL_S = 2;
const MOTION_ONLY = 'tx2-nba-3';
const DOCS = resolve(import.meta.dirname, '../../docs/watch');
const block = reserveBlock();
let env: ReconcileEnv;
let child: ChildProcessWithoutNullStreams;
let metricsUrl = '';
const lines: Record<string, unknown>[] = [];
const requests: { camera: string; operation: string }[] = [];
let stderr = '';

interface Sample {
  labels: Record<string, string>;
  value: string;
}
interface Family {
  name: string;
  type: string;
  metrics: Sample[];
}

async function scrape(): Promise<Map<string, Family>> {
  const res = await fetch(metricsUrl);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const families = parsePrometheus(await res.text()) as Family[];
  return new Map(families.map((f) => [f.name, f]));
}

const valueFor = (families: Map<string, Family>, name: string, labels: Record<string, string>): number | undefined => {
  const sample = families.get(name)?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels[k] === v));
  return sample ? Number(sample.value) : undefined;
};

/** Waits for a log line that matches, up to `ms`, and returns it. */
async function lineWhere(match: (l: Record<string, unknown>) => boolean, ms: number, from = 0): Promise<Record<string, unknown>> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const found = lines.slice(from).find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no matching log line within ${ms} ms; lines:\n${lines.map((l) => JSON.stringify(l)).join('\n')}\n${stderr}`);
}

const stateOf = (point: string, to: string) => (l: Record<string, unknown>) => l.kind === 'state' && l.point === point && l.to === to;

beforeAll(async () => {
  env = await reconcileEnv(block.octet, (c) => (c.name === MOTION_ONLY ? { ...c, persona: 'motion-only-events' } : c), {
    onRequest: (camera, body) => requests.push({ camera, operation: operationOf(body) }),
  });
  child = spawn(
    process.execPath,
    [
      CLI,
      '--json',
      'watch',
      '--inventory',
      env.site,
      '--no-discovery',
      '--interval',
      String(INTERVAL_S),
      '--events',
      '--subscription-seconds',
      '4',
      '--view-every',
      '3',
      '--listen',
      '127.0.0.1:0',
    ],
    { env: { ...process.env, NO_COLOR: '1', ...env.env }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    let nl = out.indexOf('\n');
    while (nl !== -1) {
      lines.push(JSON.parse(out.slice(0, nl)) as Record<string, unknown>);
      out = out.slice(nl + 1);
      nl = out.indexOf('\n');
    }
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  for (let i = 0; i < 100 && !/metrics at (http:\S+)/.test(stderr); i++) await new Promise((r) => setTimeout(r, 50));
  metricsUrl = /metrics at (http:\S+\/metrics)/.exec(stderr)?.[1] ?? '';
  expect(metricsUrl, stderr).not.toBe('');
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await env?.stop();
  block.release();
});

describe('camfleet watch against the simulator', () => {
  it('logs every point once at its first check, all well, and serves their metrics', async () => {
    const points = env.fleet.cameras.map((c) => c.name);
    for (const point of points) await lineWhere(stateOf(point, 'ok'), 4 * INTERVAL_S * 1000);
    expect(lines.filter((l) => l.kind === 'state')).toHaveLength(points.length);
    const families = await scrape();
    for (const point of points) {
      expect(valueFor(families, 'camfleet_camera_up', { site: 'tan-xuan-2', point }), point).toBe(1);
      expect(valueFor(families, 'camfleet_camera_state', { point, state: 'ok' })).toBe(1);
      expect(valueFor(families, 'camfleet_camera_state', { point, state: 'unreachable' })).toBe(0);
    }
    // A view compared with its reference, the camera's clock and its recording are all there.
    expect(valueFor(families, 'camfleet_view_score', { point: 'tx2-ngo-8-2' })).toBeGreaterThan(0.5);
    expect(valueFor(families, 'camfleet_clock_skew_seconds', { point: 'tx2-ngo-8-2' })).toBeLessThan(5);
    expect(valueFor(families, 'camfleet_recording_retention_days', { point: 'tx2-ngo-8-3' })).toBeGreaterThan(7);
    expect(families.get('camfleet_check_duration_seconds')?.type).toBe('HISTOGRAM');
    expect(families.get('camfleet_tamper_events_total')?.type).toBe('COUNTER');
    expect(families.has('camfleet_check_errors_total')).toBe(true);
    // The ready-made alert rules and dashboard name only metrics and states this watch serves.
    for (const file of ['camfleet-alerts.yml', 'grafana-dashboard.json']) {
      const text = await readFile(join(DOCS, file), 'utf8');
      for (const [name] of text.matchAll(/camfleet_\w+/g))
        expect(families.has(name.replace(/_(bucket|count|sum)$/, '')), `${file}: ${name}`).toBe(true);
      for (const [, states] of text.matchAll(/state=~?\\?"([\w|-]+)\\?"/g))
        for (const state of states!.split('|')) expect(BADGES, `${file}: state ${state}`).toContain(state);
    }
    const health = await fetch(metricsUrl.replace('/metrics', '/healthz'));
    expect(health.status).toBe(200);
    expect(await fetch(metricsUrl.replace('/metrics', '/nothing')).then((r) => r.status)).toBe(404);
  }, 30_000);

  it('shows a camera taken offline as a change and up 0 within two intervals, and back again', async () => {
    const from = lines.length;
    await env.fleet.camera('tx2-gate-parking').setFaults({ offline: true });
    const down = await lineWhere(stateOf('tx2-gate-parking', 'unreachable'), 2 * INTERVAL_S * 1000 + 1500, from);
    expect(down.from).toBe('ok');
    expect(down.detail).toMatch(/refused|unreachable|connect/i);
    expect(valueFor(await scrape(), 'camfleet_camera_up', { point: 'tx2-gate-parking' })).toBe(0);
    expect(valueFor(await scrape(), 'camfleet_camera_state', { point: 'tx2-gate-parking', state: 'unreachable' })).toBe(1);

    const back = lines.length;
    await env.fleet.camera('tx2-gate-parking').setFaults({ offline: false });
    await lineWhere(stateOf('tx2-gate-parking', 'ok'), 2 * INTERVAL_S * 1000 + 1500, back);
    expect(valueFor(await scrape(), 'camfleet_camera_up', { point: 'tx2-gate-parking' })).toBe(1);
    // The power cut ended its subscription; the watch subscribed again.
    await lineWhere((l) => l.kind === 'subscription' && l.point === 'tx2-gate-parking' && l.what === 'subscribed', 10_000, from);
  }, 30_000);

  it('turns a tamper fault injected mid-run into an event, a counted alarm and a covered view', async () => {
    const from = lines.length;
    await env.fleet.camera('tx2-ngo-8-2').setFaults({ tampered: 'covered' });
    const alarm = await lineWhere((l) => l.kind === 'tamper' && l.point === 'tx2-ngo-8-2' && l.active === true, 5000, from);
    expect(String(alarm.topic)).toMatch(/GlobalSceneChange|ImageTooDark/);
    const covered = await lineWhere(stateOf('tx2-ngo-8-2', 'covered'), 2 * INTERVAL_S * 1000, from);
    expect(covered.from).toBe('ok');
    const families = await scrape();
    expect(valueFor(families, 'camfleet_tamper_events_total', { point: 'tx2-ngo-8-2' })).toBeGreaterThanOrEqual(1);
    expect(valueFor(families, 'camfleet_camera_state', { point: 'tx2-ngo-8-2', state: 'covered' })).toBe(1);
    expect(valueFor(families, 'camfleet_view_score', { point: 'tx2-ngo-8-2' })).toBeLessThan(0.5);
  }, 30_000);

  it('looks at the view of a fixed camera whose scene-change alarms it follows every third interval; of one with motion alone, every interval', async () => {
    const subscribed = (point: string) =>
      lineWhere((l) => l.kind === 'subscription' && l.point === point && l.what === 'subscribed', 10_000);
    expect((await subscribed('tx2-nba-2')).detail).toMatch(/scene-change alarms followed: .* every 3 intervals/);
    expect((await subscribed(MOTION_ONLY)).detail).toBeNull();
    // A PTZ camera's analytics pause while its head moves.
    expect((await subscribed('tx2-nba-1')).detail).toBeNull();
    // Looks within the window: each a new value of the time the view was last compared.
    const last: Record<string, number | undefined> = {};
    const looks: Record<string, number> = { 'tx2-nba-2': 0, [MOTION_ONLY]: 0 };
    const until = Date.now() + 4 * INTERVAL_S * 1000 + 500;
    while (Date.now() < until) {
      const families = await scrape();
      for (const point of Object.keys(looks)) {
        const at = valueFor(families, 'camfleet_view_checked_timestamp_seconds', { point });
        if (last[point] !== undefined && at !== last[point]) looks[point]!++;
        last[point] = at;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    // 8.5 s: four intervals and a bit; a look every third interval (6 s) fits twice at most.
    expect(looks[MOTION_ONLY]).toBeGreaterThanOrEqual(3);
    expect(looks['tx2-nba-2']).toBeLessThanOrEqual(2);
    // Between looks, the state and the score stand on the last view.
    const families = await scrape();
    expect(valueFor(families, 'camfleet_camera_state', { point: 'tx2-nba-2', state: 'ok' })).toBe(1);
    expect(valueFor(families, 'camfleet_view_score', { point: 'tx2-nba-2' })).toBeGreaterThan(0.5);
  }, 30_000);

  it('reads a recording camera again only when its newest footage could be too old, not at every check', async () => {
    // By now the watch has run a dozen intervals; the sample asks for at most 15 minutes of silence.
    const of = (operation: string) => requests.filter((r) => r.camera === 'tx2-ngo-15-3' && r.operation === operation).length;
    expect(of('GetNetworkInterfaces')).toBeGreaterThanOrEqual(6);
    expect(of('FindRecordings')).toBe(1);
    const families = await scrape();
    expect(valueFor(families, 'camfleet_recording_retention_days', { point: 'tx2-ngo-15-3' })).toBeGreaterThan(7);
    expect(valueFor(families, 'camfleet_camera_state', { point: 'tx2-ngo-15-3', state: 'ok' })).toBe(1);
  });

  it('finds a lens covered on a camera with motion alone by its every-interval look, with no alarm', async () => {
    const from = lines.length;
    await env.fleet.camera(MOTION_ONLY).setFaults({ tampered: 'covered' });
    const covered = await lineWhere(stateOf(MOTION_ONLY, 'covered'), 2 * INTERVAL_S * 1000 + 1500, from);
    expect(covered.from).toBe('ok');
    expect(lines.slice(from).filter((l) => l.kind === 'tamper' && l.point === MOTION_ONLY)).toEqual([]);
    await env.fleet.camera(MOTION_ONLY).setFaults({ tampered: 'none' });
  }, 30_000);

  it('renews subscriptions past their termination time, one per camera', async () => {
    // Asked for 4 s; by now more than 4 s have passed since the first subscriptions.
    await new Promise((r) => setTimeout(r, 5000));
    expect(requests.filter((r) => r.operation === 'Renew').length).toBeGreaterThan(0);
    const cameras = env.fleet.cameras.length;
    for (let i = 0; i < cameras; i++) expect(env.fleet.openSubscriptions(i), env.fleet.cameras[i]!.name).toBe(1);
    expect(valueFor(await scrape(), 'camfleet_event_subscriptions', {})).toBe(cameras);
  }, 30_000);

  it('ends on SIGTERM within 5 s, exit 0, with no subscription left open', async () => {
    const started = Date.now();
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code, stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(env.fleet.openSubscriptions()).toBe(0);
    expect(requests.filter((r) => r.operation === 'Unsubscribe').length).toBeGreaterThanOrEqual(env.fleet.cameras.length);
    expect(stderr).toMatch(/Stopped: every event subscription ended/);
  }, 15_000);
});

describe('camfleet watch refuses what it cannot do', () => {
  let taken: Server;
  beforeAll(async () => {
    taken = createServer();
    taken.listen(0, '127.0.0.1');
    await once(taken, 'listening');
  });
  afterAll(() => new Promise<void>((r) => taken.close(() => r())));

  it('a bad flag: exit 2 with what is accepted', async () => {
    const interval = await runCli(['watch', '--inventory', env.site, '--interval', '0'], { env: env.env });
    expect(interval.code).toBe(2);
    expect(interval.stderr).toMatch(/--interval/);
    const listen = await runCli(['watch', '--inventory', env.site, '--listen', 'nowhere'], { env: env.env });
    expect(listen.code).toBe(2);
    expect(listen.stderr).toMatch(/--listen 'nowhere' is not HOST:PORT/);
  });

  it('a port already taken: exit 2, saying so', async () => {
    const port = (taken.address() as { port: number }).port;
    const run = await runCli(['watch', '--inventory', env.site, '--no-discovery', '--listen', `127.0.0.1:${port}`], { env: env.env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port} \\(the port is taken\\)`));
  });
});
