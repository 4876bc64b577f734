import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubAnnotations } from '../../src/cli/views/reporters/annotations.js';
import { junitXml } from '../../src/cli/views/reporters/junit.js';
import { markdownSummary } from '../../src/cli/views/reporters/markdown.js';
import { buildPlan } from '../../src/reconcile/build-plan.js';
import { checkReport } from '../../src/reconcile/check-report.js';
import type { DesiredPoint } from '../../src/reconcile/desired.js';
import type { Observation } from '../../src/reconcile/model.js';
import { reserveBlock } from '../helpers/address-block.js';
import { COVERED_VIEW, observeSample } from '../helpers/sample-observations.js';
import { reconcileEnv, type ReconcileEnv } from '../helpers/reconcile-env.js';

// Each reporter, table-driven: the same plans (built from real observations of the sample site, with
// chosen changes) rendered as JUnit, markdown and GitHub annotations, and each checked against the plan.
const block = reserveBlock();
let env: ReconcileEnv;
let dir: string;
let points: DesiredPoint[];
let observed: Map<string, Observation>;

beforeAll(async () => {
  env = await reconcileEnv(block.octet);
  dir = await mkdtemp(join(tmpdir(), 'camfleet-reporters-'));
  ({ points, observed } = await observeSample(env, { street: 'ngo-8' }));
}, 60_000);
afterAll(async () => {
  await env?.stop();
  await rm(dir, { recursive: true, force: true });
  block.release();
});

type Change = Record<string, (o: Observation) => Observation>;
const offline: Change[string] = (o) => ({ ...o, state: 'unreachable', errors: ['connect ECONNREFUSED'] });
const skewed: Change[string] = (o) => ({ ...o, clock: { ...o.clock!, skewSeconds: 600 } });
const covered: Change[string] = (o) => ({ ...o, view: COVERED_VIEW });

const reportOf = (changes: Change) => {
  const observations = new Map([...observed].map(([id, o]) => [id, (changes[id] ?? ((x) => x))(structuredClone(o))]));
  const plan = buildPlan({
    inventory: env.site,
    inventoryDigest: 'test',
    createdAt: '2026-12-05T08:00:00Z',
    points,
    observations,
    devices: [],
    prune: false,
  });
  return checkReport(env.site, null, [], plan);
};

const xmllint = async (xml: string): Promise<void> => {
  const file = join(dir, 'junit.xml');
  await writeFile(file, xml);
  await promisify(execFile)('xmllint', ['--noout', file]);
};

describe('the reporters, table-driven', () => {
  it.each<[string, Change, { failing: string[] }]>([
    ['all well', {}, { failing: [] }],
    ['one camera off', { 'tx2-ngo-8-1': offline }, { failing: ['tx2-ngo-8-1'] }],
    ['a clock off and a view covered', { 'tx2-ngo-8-3': skewed, 'tx2-ngo-8-2': covered }, { failing: ['tx2-ngo-8-2 view', 'tx2-ngo-8-3'] }],
  ])('%s', async (_, changes, expected) => {
    const report = reportOf(changes);
    expect(report.healthy).toBe(expected.failing.length === 0);

    // JUnit: well-formed; its counts add up; exactly the expected cases fail, each saying why and what to do.
    const xml = junitXml(report);
    await xmllint(xml);
    const cases = [...xml.matchAll(/<testcase classname="[^"]*" name="([^"]+)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)];
    const failed = cases.filter((c) => c[3]?.includes('<failure')).map((c) => c[1]);
    expect(failed.sort()).toEqual([...expected.failing].sort());
    expect(xml).toMatch(new RegExp(`<testsuites name="camfleet check" tests="${cases.length}" failures="${failed.length}">`));
    for (const c of cases.filter((c) => c[3]?.includes('<failure'))) expect(c[0]).toMatch(/file="[^"]+\.json" line="\d+"/);

    // Markdown: the verdict, the counts, and one table row per problem of each failing point.
    const md = markdownSummary(report);
    expect(md).toMatch(expected.failing.length ? /❌ problems found/ : /✅ healthy/);
    expect(md).toContain(`${report.summary.points} points: ${report.summary.passed} healthy, ${report.summary.failed} with problems`);
    const problems = report.points.flatMap((p) => p.findings.filter((f) => f.kind !== 'warning'));
    for (const f of problems) expect(md).toContain(`| ${f.pointId} |`);

    // Annotations: one error per problem, on the line the point is written at.
    const errors = githubAnnotations(report).filter((a) => a.startsWith('::error'));
    expect(errors).toHaveLength(problems.length);
    for (const [i, f] of problems.entries()) expect(errors[i]).toContain(`line=${f.line},`);
  });
});
