import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileOutputSchema } from '../../src/inventory/schemas.js';
import type { CheckReport } from '../../src/reconcile/check-report.js';
import { type Fleet, startFleet } from '../../src/sim/index.js';
import type { FaultChanges } from '../../src/sim/model.js';
import { reserveBlock } from '../helpers/address-block.js';
import { camfleet } from '../helpers/cli-in-process.js';
import { makeSite, point, SITE } from '../helpers/inventory-fixture.js';
import { parseXml, type XmlElement } from '../../src/xml/parse.js';

const elements = (root: XmlElement, name: string): XmlElement[] => [
  ...(root.name === name ? [root] : []),
  ...root.children.flatMap((c) => elements(c, name)),
];

// One simulated camera per recording state, each a point of a site that requires 7 days and data
// within 15 minutes; `check` judges each end to end, on the camera's own clock.
const block = reserveBlock();
const CAMERAS: [string, FaultChanges, Record<string, unknown>?][] = [
  ['healthy', {}],
  ['no-service', { noRecording: true }],
  ['stopped', { recordingStoppedHours: 6 }],
  ['short', { retentionDays: 2.1 }],
  ['full', { sdFull: true }],
  // Its clock is 3 h behind: on the host's clock its newest footage would look 3 h old.
  ['behind', { clockSkewSeconds: -3 * 3600 }],
  // Its clock is 3 h ahead and it stopped 6 h ago (its time): 6 h, not 3 or 9.
  ['ahead-stopped', { clockSkewSeconds: 3 * 3600, recordingStoppedHours: 6 }],
  // Records to an NVR: nothing required, whatever it has.
  ['nvr', { noRecording: true }, { recording: false }],
  // A point of its own requirement: 2 days are enough here.
  ['short-ok', { retentionDays: 2.1 }, { recording: { minRetentionDays: 2 } }],
  // Its search results name the recording and nothing else: the span comes from GetRecordingInformation.
  ['sparse', {}],
];
let fleet: Fleet;
let site: { dir: string; cleanup: () => Promise<void> };
const env: Record<string, string> = { CAMFLEET_PASSWORD: 'camfleet' };

beforeAll(async () => {
  fleet = await startFleet({
    addressBase: block.address(1, 1),
    discovery: false,
    cameras: CAMERAS.map(([id, faults]) => ({ faults, ...(id === 'sparse' ? { persona: 'sparse-search' as const } : {}) })),
  });
  site = await makeSite({
    'site.json': { ...SITE, defaults: { ...SITE.defaults, recording: { minRetentionDays: 7, maxSilenceMinutes: 15 } } },
    'streets/main.json': {
      schemaVersion: 1,
      id: 'main',
      name: 'Main',
      points: CAMERAS.map(([id, , extra], i) => point(id, fleet.cameras[i]!.address, extra)),
    },
  });
  const credentials = join(site.dir, '..', `${site.dir.split('/').pop()}-credentials.json`);
  await writeFile(credentials, JSON.stringify({ profiles: { test: { username: 'admin', password: 'camfleet' } } }));
  await chmod(credentials, 0o600);
  env.CAMFLEET_CREDENTIALS = credentials;
});
afterAll(async () => {
  await fleet.stop();
  await site.cleanup();
  block.release();
});

describe('check judges recording per point', () => {
  let report: CheckReport;
  let junit: ReturnType<typeof parseXml>;
  let markdown: string;
  let code: number;
  beforeAll(async () => {
    const out = (name: string) => join(site.dir, name);
    const run = await camfleet(
      [
        'check',
        '--inventory',
        site.dir,
        '--no-discovery',
        '--no-views',
        '--json',
        out('report.json'),
        '--junit',
        out('junit.xml'),
        '--markdown',
        out('summary.md'),
      ],
      env,
    );
    code = run.code;
    report = JSON.parse(await readFile(out('report.json'), 'utf8'));
    junit = parseXml(await readFile(out('junit.xml'), 'utf8'));
    markdown = await readFile(out('summary.md'), 'utf8');
  }, 60_000);

  const pointOf = (id: string) => report.points.find((p) => p.pointId === id)!;
  const verdictOf = (id: string) => pointOf(id).recording?.verdict;

  it('gives each state its verdict, on the camera clock', () => {
    expect(verdictOf('healthy')).toMatchObject({ status: 'ok', message: 'recording ok (11.6 days kept)' });
    expect(verdictOf('no-service')?.status).toBe('no-recording-service');
    expect(verdictOf('stopped')).toMatchObject({ status: 'not-recording', message: 'not recording: last data 6 h ago' });
    expect(verdictOf('short')).toMatchObject({ status: 'short-retention', message: 'keeps 2.1 days, wants ≥ 7' });
    expect(verdictOf('full')).toMatchObject({ status: 'not-recording', message: 'not recording: last data 2 days ago' });
    expect(verdictOf('behind')?.status).toBe('ok');
    expect(verdictOf('ahead-stopped')).toMatchObject({ status: 'not-recording', message: 'not recording: last data 6 h ago' });
    expect(pointOf('nvr').recording).toBeNull();
    expect(verdictOf('short-ok')?.status).toBe('ok');
    expect(verdictOf('sparse')).toMatchObject({ status: 'ok', message: 'recording ok (11.6 days kept)' });
  });

  it('a problem is a needs-a-person finding: the check fails (exit 1), and the report matches its schema', () => {
    expect(code).toBe(1);
    const aspect = (id: string) => pointOf(id).checks.find((c) => c.aspect === 'recording')!;
    const failing = report.points.filter((p) => aspect(p.pointId).status === 'fail').map((p) => p.pointId);
    expect(failing.sort()).toEqual(['ahead-stopped', 'full', 'no-service', 'short', 'stopped']);
    for (const id of failing) {
      const findings = aspect(id).findings;
      expect(findings.map((f) => [f.kind, f.topic])).toEqual([['attention', 'recording']]);
      expect(findings[0]!.hint).toContain(`camfleet recordings ${fleet.cameras[CAMERAS.findIndex(([c]) => c === id)]!.address}`);
      expect(pointOf(id).status).toBe('fail');
    }
    // The cameras whose clocks are off fail for their clock (the device case), not their recording.
    expect(aspect('behind').status).toBe('pass');
    expect(pointOf('behind').findings.map((f) => f.topic)).toEqual(['time']);
    expect(aspect('nvr')).toMatchObject({ status: 'skip', note: 'not required by the inventory' });
    const validate = compileOutputSchema('report');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('one JUnit case per point for its recording: passed, failed with why, or skipped where none is required', () => {
    const cases = new Map(elements(junit, 'testcase').map((c) => [c.attrs.name, c]));
    expect(elements(cases.get('healthy recording')!, 'failure')).toHaveLength(0);
    expect(elements(cases.get('healthy recording')!, 'skipped')).toHaveLength(0);
    expect(elements(cases.get('stopped recording')!, 'failure')[0]!.attrs.message).toBe('! not recording: last data 6 h ago');
    expect(elements(cases.get('no-service recording')!, 'failure')[0]!.attrs.message).toMatch(/no-recording-service/);
    expect(elements(cases.get('nvr recording')!, 'skipped')[0]!.attrs.message).toBe('not required by the inventory');
    // The camera's own case stays green: its recording is the problem, not its settings.
    expect(elements(cases.get('stopped')!, 'failure')).toHaveLength(0);
  });

  it('the markdown summary says it in words', () => {
    expect(markdown).toContain('| stopped | main |');
    expect(markdown).toContain('not recording: last data 6 h ago');
    expect(markdown).toContain('keeps 2.1 days, wants ≥ 7');
  });
});

describe('camfleet recordings', () => {
  it('lists the recording with its span, days kept and replay URI; --json matches its schema', async () => {
    const run = await camfleet(['--json', 'recordings', fleet.cameras[0]!.address, '--user', 'admin'], env);
    expect(run.code, run.stderr).toBe(0);
    const value = JSON.parse(run.stdout);
    const validate = compileOutputSchema('device', 'recordings');
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    expect(value.recordings[0]).toMatchObject({ token: 'Recording_1', status: 'Recording', daysKept: 11.6, lastDataMinutesAgo: 0 });
    expect(value.recordings[0].replayUri).toBe(`rtsp://${fleet.cameras[0]!.address}/replay/Recording_1`);
    expect(value.recordings[0].tracks.map((t: { type: string }) => t.type)).toEqual(['Video', 'Metadata']);
  });

  it('judges against the point of the inventory, or the flags', async () => {
    const asPoint = await camfleet(['recordings', 'main/short-ok', '--inventory', site.dir], env);
    expect(asPoint.code, asPoint.stderr).toBe(0);
    expect(asPoint.stdout).toContain('recording ok (2.1 days kept)');
    const stricter = await camfleet(['recordings', 'main/short-ok', '--inventory', site.dir, '--min-days', '3'], env);
    expect(stricter.code).toBe(1);
    expect(stricter.stdout).toContain('keeps 2.1 days, wants ≥ 3');
  });

  it('says in one line that a camera has no recording service (exit 1)', async () => {
    const run = await camfleet(['recordings', fleet.cameras[1]!.address, '--user', 'admin'], env);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(/no-recording-service: the camera offers no recording search service/);
  });
});
