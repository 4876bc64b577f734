import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDocument } from '../../src/inventory/canonical.js';
import { compileOutputSchema } from '../../src/inventory/schemas.js';
import type { CheckReport } from '../../src/reconcile/check-report.js';
import { startFleet } from '../../src/sim/index.js';
import { parseXml, type XmlElement } from '../../src/xml/parse.js';
import { camfleet } from '../helpers/cli-in-process.js';
import { reconcileEnv, type ReconcileEnv } from '../helpers/reconcile-env.js';
import { copySample } from '../helpers/sample-copy.js';
import { reserveBlock } from '../helpers/address-block.js';

const block = reserveBlock();

// The sample Tân Xuân 2 on 127.<block>.2.x: one camera offline, one turned away from its road preset,
// and a device no point claims.
let env: ReconcileEnv;
let ids: string[];
beforeAll(async () => {
  env = await reconcileEnv(block.octet, (c) => {
    if (c.name === 'tx2-gate-parking') return { ...c, faults: { offline: true } };
    if (c.name === 'tx2-gate-out') return { ...c, presets: c.presets?.map((p) => ({ ...p, pan: -0.5 })) };
    return c;
  });
  env.extra.push(await startFleet({ count: 1, addressBase: `127.${block.octet}.2.60`, seed: 'stranger' }));
  ids = env.fleet.cameras.map((c) => c.name).sort();
});
afterAll(() => env.stop());

const elements = (root: XmlElement, name: string): XmlElement[] => [
  ...(root.name === name ? [root] : []),
  ...root.children.flatMap((c) => elements(c, name)),
];
const out = (name: string) => join(env.site, '..', name);

describe('camfleet check: the CI reports', () => {
  let run: Awaited<ReturnType<typeof camfleet>>;
  beforeAll(async () => {
    run = await camfleet(
      ['check', '--inventory', env.site, '--junit', out('junit.xml'), '--json', out('report.json'), '--markdown', out('summary.md')],
      { ...env.env, GITHUB_ACTIONS: 'true' },
    );
  });

  it('exits 1 when a camera is unhealthy or drifted', () => {
    expect(run.code, run.stderr).toBe(1);
  });

  it('JUnit XML parses, with one test case per point, and failures that say why and what to do', async () => {
    const junit = parseXml(await readFile(out('junit.xml'), 'utf8'));
    // One case for each point's camera and settings, one for its view, one for its recordings.
    const cases = elements(junit, 'testcase').filter((c) => c.attrs.classname !== 'unknown');
    expect(cases.map((c) => c.attrs.name).sort()).toEqual(
      [...ids, ...ids.map((id) => `${id} view`), ...ids.map((id) => `${id} recording`)].sort(),
    );
    // The view of a camera that does not answer is not looked at: skipped, not passed.
    const parkingView = cases.find((c) => c.attrs.name === 'tx2-gate-parking view')!;
    expect(elements(parkingView, 'skipped')[0]?.attrs.message, JSON.stringify(parkingView.children.map((c) => [c.name, c.attrs]))).toMatch(
      /not looked at/,
    );
    const failing = Object.fromEntries(
      cases.filter((c) => elements(c, 'failure').length).map((c) => [c.attrs.name, elements(c, 'failure')[0]!]),
    );
    expect(Object.keys(failing).sort()).toEqual(['tx2-gate-out', 'tx2-gate-parking']);
    expect(failing['tx2-gate-parking']!.attrs.message).toMatch(new RegExp(String.raw`^- unreachable at 127\.${block.octet}\.2\.13`));
    expect(failing['tx2-gate-out']!.text).toMatch(/preset 'road' .*apply/s);
    const unknown = elements(junit, 'testcase').filter((c) => c.attrs.classname === 'unknown');
    expect(unknown.map((c) => c.attrs.name)).toEqual([`127.${block.octet}.2.60`]);
    expect(junit.attrs.tests).toBe(String(ids.length * 3 + 1));
    expect(junit.attrs.failures).toBe('3');
  });

  it('the JSON report matches schemas/report.schema.json', async () => {
    const report = JSON.parse(await readFile(out('report.json'), 'utf8')) as CheckReport;
    const validate = compileOutputSchema('report');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report).toMatchObject({
      valid: true,
      healthy: false,
      summary: { points: ids.length, failed: 2, passed: ids.length - 2, fix: 1, missing: 1, unknown: 1 },
    });
  });

  it('the markdown summary lists each problem with what to do', async () => {
    const md = await readFile(out('summary.md'), 'utf8');
    expect(md).toMatch(/^## camfleet check: ❌ problems found/);
    expect(md).toMatch(new RegExp(String.raw`\| tx2-gate-parking \| cong-chinh \| 127\.${block.octet}\.2\.13 \| - unreachable`));
    expect(md).toMatch(new RegExp(String.raw`\| – \| – \| 127\.${block.octet}\.2\.60 \| \+ `));
  });

  it('on GitHub Actions, annotations point at the inventory line of each failing point', async () => {
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(3);
    for (const id of ['tx2-gate-out', 'tx2-gate-parking']) {
      const a = annotations.find((l) => l.includes(`title=${id}%3A`));
      const m = /^::error file=([^,]+),line=(\d+),/.exec(a ?? '');
      expect(m, a).not.toBeNull();
      const lines = (await readFile(m![1]!, 'utf8')).split('\n');
      // The line is where the point's object begins: its id is the first one after it.
      expect(/"id": "([^"]+)"/.exec(lines.slice(Number(m![2]) - 1).join('\n'))?.[1]).toBe(id);
    }
    expect(annotations.some((l) => l.startsWith(`::warning title=unknown device 127.${block.octet}.2.60::`))).toBe(true);
  });
});

describe('camfleet check --shard', () => {
  it('I/N for I = 1..3 covers every point exactly once, deterministically', async () => {
    const shards: string[][] = [];
    for (const i of [1, 2, 3]) {
      const run = await camfleet(['--json', 'check', '--inventory', env.site, '--shard', `${i}/3`, '--no-discovery'], env.env);
      expect([0, 1]).toContain(run.code);
      const report = JSON.parse(run.stdout) as CheckReport;
      expect(report.shard).toBe(`${i}/3`);
      shards.push(report.points.map((p) => p.pointId));
    }
    expect(shards.flat().sort()).toEqual(ids);
    for (const s of shards) expect(s.length).toBe(4);
    const again = JSON.parse(
      (await camfleet(['--json', 'check', '--inventory', env.site, '--shard', '2/3', '--no-discovery'], env.env)).stdout,
    ) as CheckReport;
    expect(again.points.map((p) => p.pointId)).toEqual(shards[1]);
  });

  it('refuses a shard that is not I/N', async () => {
    const run = await camfleet(['check', '--inventory', env.site, '--shard', '4/3'], env.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--shard '4\/3' is not I\/N/);
  });
});

describe('camfleet check on an invalid inventory', () => {
  it('exits 2 and names file, line and JSON path, in the reports too', async () => {
    const broken = await copySample('tan-xuan-2', 66);
    try {
      const file = join(broken.dir, 'streets', 'ngo-8.json');
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace('"owner": "household"', '"owner": "neighbour"'));
      const line = text.split('\n').findIndex((l) => l.includes('"owner": "household"')) + 1;
      const junitFile = join(broken.dir, '..', 'junit.xml');
      const run = await camfleet(['check', '--inventory', broken.dir, '--junit', junitFile], { GITHUB_ACTIONS: 'true' });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`streets/ngo-8\\.json:${line}:\\d+: .*\\(at /points/\\d+/owner\\)`));
      expect(run.stdout).toMatch(new RegExp(`^::error file=[^,]*streets/ngo-8\\.json,line=${line},`, 'm'));
      const junit = parseXml(await readFile(junitFile, 'utf8'));
      expect(elements(junit, 'testcase').map((c) => c.attrs.name)).toEqual(['the inventory is valid']);
      expect(elements(junit, 'failure')[0]!.text).toMatch(/\/points\/\d+\/owner/);
    } finally {
      await broken.cleanup();
    }
  });
});

describe('devices found on the network', () => {
  it('a street or a shard alone: the other streets’ cameras are not unknown devices', async () => {
    for (const selector of [
      ['--street', 'ngo-8'],
      ['--shard', '1/3'],
    ]) {
      const run = await camfleet(['--json', 'check', '--inventory', env.site, ...selector], env.env);
      const report = JSON.parse(run.stdout) as CheckReport;
      expect(
        report.unknownDevices.map((f) => f.address),
        selector.join(' '),
      ).toEqual([`127.${block.octet}.2.60`]);
    }
  });

  it('a device the site lists in ignoredDevices is not reported', async () => {
    const file = join(env.site, 'site.json');
    const before = await readFile(file, 'utf8');
    const stranger = env.extra[0]!.cameras[0]!;
    const site = JSON.parse(before);
    site.ignoredDevices = [
      {
        identity: { serialNumber: stranger.serialNumber },
        address: stranger.address,
        note: 'the shop opposite: its own camera',
        date: '2026-11-23',
      },
    ];
    await writeFile(file, formatDocument('site', site));
    try {
      const validation = await camfleet(['inventory', 'validate', env.site]);
      expect(validation.code, validation.stdout + validation.stderr).toBe(0);
      const report = JSON.parse(
        (await camfleet(['--json', 'check', '--inventory', env.site, '--street', 'ngo-8'], env.env)).stdout,
      ) as CheckReport;
      expect(report.unknownDevices).toEqual([]);
    } finally {
      await writeFile(file, before);
    }
  });
});
