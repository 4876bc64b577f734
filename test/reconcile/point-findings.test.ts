import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointFindings } from '../../src/reconcile/build-plan.js';
import type { DesiredPoint } from '../../src/reconcile/desired.js';
import type { Finding, Observation } from '../../src/reconcile/model.js';
import { reserveBlock } from '../helpers/address-block.js';
import { COVERED_VIEW, observeSample } from '../helpers/sample-observations.js';
import { reconcileEnv, type ReconcileEnv } from '../helpers/reconcile-env.js';

// pointFindings, topic by topic: one real observation of a PTZ camera and of a fixed one (the sample site on
// the simulator, where every point matches its inventory), then each row changes one thing in a copy of it
// and names the one finding that change must bring. The diff is pure: no camera is called after beforeAll.
const block = reserveBlock();
let env: ReconcileEnv;
const points = new Map<string, { d: DesiredPoint; o: Observation }>();

beforeAll(async () => {
  env = await reconcileEnv(block.octet);
  const sample = await observeSample(env, { points: ['tx2-gate-in', 'tx2-ngo-8-3'] });
  for (const d of sample.points) points.set(d.point.id, { d, o: sample.observed.get(d.point.id)! });
}, 60_000);
afterAll(async () => {
  await env?.stop();
  block.release();
});

const findingsOf = (id: string, change: (o: Observation) => Observation = (o) => o): Finding[] => {
  const { d, o } = points.get(id)!;
  return pointFindings(d, change(structuredClone(o)), { devices: [], prune: false });
};
const problems = (fs: Finding[]) => fs.filter((f) => f.kind !== 'warning');

type Expected = Partial<Omit<Finding, 'message'>> & { message?: RegExp };
type Row = [string, string, (o: Observation) => Observation, Expected];

const rows: Row[] = [
  [
    'unreachable',
    'tx2-ngo-8-3',
    (o) => ({ ...o, state: 'unreachable', errors: ['connect ECONNREFUSED'] }),
    { kind: 'missing', topic: 'unreachable' },
  ],
  ['credentials refused', 'tx2-ngo-8-3', (o) => ({ ...o, state: 'auth-failed' }), { kind: 'attention', topic: 'auth' }],
  [
    'another camera at the address',
    'tx2-ngo-8-3',
    (o) => ({ ...o, identity: { ...o.identity!, serialNumber: 'SOMEONE-ELSE' } }),
    { topic: 'identity' },
  ],
  [
    'a read that failed',
    'tx2-ngo-8-3',
    (o) => ({ ...o, failedReads: [{ operation: 'GetNTP', reason: 'HTTP 500' }] }),
    { kind: 'attention', topic: 'read-failed', message: /GetNTP/ },
  ],
  [
    'keeps too few days',
    'tx2-ngo-8-3',
    (o) => ({
      ...o,
      recording:
        o.recording?.available === true
          ? { ...o.recording, recordings: o.recording.recordings.map((r) => ({ ...r, daysKept: 2.1 })) }
          : o.recording,
    }),
    { kind: 'attention', topic: 'recording', message: /2\.1 days/ },
  ],
  [
    'no recording service',
    'tx2-ngo-8-3',
    (o) => ({ ...o, recording: { available: false, reason: 'no-recording-service', detail: 'not in GetServices' } }),
    { kind: 'attention', topic: 'recording', message: /no-recording-service/ },
  ],
  [
    'the stream does not answer',
    'tx2-ngo-8-3',
    (o) => ({ ...o, stream: { ...o.stream!, ok: false, error: 'RTSP 454' } }),
    { topic: 'stream' },
  ],
  [
    'the encoder drifted',
    'tx2-ngo-8-3',
    (o) => ({ ...o, profiles: o.profiles!.map((p, i) => (i === 0 ? { ...p, encoder: { ...p.encoder!, fps: 5 } } : p)) }),
    { kind: 'fix', topic: 'encoder', message: /fps/ },
  ],
  ['the clock is off', 'tx2-ngo-8-3', (o) => ({ ...o, clock: { ...o.clock!, skewSeconds: 3600 } }), { kind: 'fix', topic: 'time' }],
  [
    'the NTP server is wrong',
    'tx2-ngo-8-3',
    (o) => ({ ...o, network: { ...o.network!, ntp: ['10.9.9.9'] } }),
    { kind: 'fix', topic: 'network', message: /NTP|ntp/ },
  ],
  ['the view is covered', 'tx2-ngo-8-3', (o) => ({ ...o, view: COVERED_VIEW }), { kind: 'attention', topic: 'view', message: /covered/ }],
  [
    'no snapshot for the view',
    'tx2-ngo-8-3',
    (o) => ({ ...o, view: { status: 'snapshot-failed', reason: 'HTTP 404' } }),
    { kind: 'attention', topic: 'view' },
  ],
  [
    'recording stopped',
    'tx2-ngo-8-3',
    (o) => ({
      ...o,
      recording:
        o.recording?.available === true
          ? { ...o.recording, recordings: o.recording.recordings.map((r) => ({ ...r, lastDataMinutesAgo: 360 })) }
          : o.recording,
    }),
    { kind: 'attention', topic: 'recording', message: /not recording/ },
  ],
  [
    'a preset moved',
    'tx2-gate-in',
    (o) => ({
      ...o,
      presets: o.presets!.map((p) => (p.name === 'road' ? { ...p, position: { ...p.position!, pan: p.position!.pan + 0.5 } } : p)),
    }),
    { kind: 'fix', topic: 'preset', message: /road/ },
  ],
  [
    'a preset gone',
    'tx2-gate-in',
    (o) => ({ ...o, presets: o.presets!.filter((p) => p.name !== 'gate') }),
    { kind: 'fix', topic: 'preset', message: /'gate' is missing/ },
  ],
  [
    'a preset with a non-finite position',
    'tx2-gate-in',
    (o) => ({ ...o, presets: o.presets!.map((p) => (p.name === 'road' ? { ...p, position: { ...p.position!, pan: Number.NaN } } : p)) }),
    { topic: 'preset' },
  ],
];

describe('pointFindings, topic by topic', () => {
  it('the observations of matching cameras give no problem (the baseline every row changes)', () => {
    for (const id of points.keys()) expect(problems(findingsOf(id)), id).toEqual([]);
  });

  it.each(rows)('%s (%s) → one finding', (_, id, change, expected) => {
    const found = problems(findingsOf(id, change));
    expect(found, JSON.stringify(found.map((f) => [f.kind, f.topic, f.message]))).toHaveLength(1);
    const { message, ...rest } = expected;
    expect(found[0]).toMatchObject(rest);
    if (message) expect(found[0]!.message).toMatch(message);
    // Every finding says where the point is written and what to do.
    expect(found[0]!.file).toMatch(/\.json$/);
    expect(found[0]!.hint.length).toBeGreaterThan(10);
  });
});
