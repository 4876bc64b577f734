import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDocument } from '../../src/inventory/canonical.js';
import type { Plan } from '../../src/reconcile/model.js';
import { camfleet } from '../helpers/cli-in-process.js';
import { reconcileEnv, type ReconcileEnv } from '../helpers/reconcile-env.js';
import { reserveBlock } from '../helpers/address-block.js';

const block = reserveBlock();

// The sample Tân Xuân 2 on 127.<block>.2.x. After the cameras start, the inventory asks tx2-nba-2's main
// stream for 1280x1024, which its encoder does not offer.
let env: ReconcileEnv;
const requests: string[] = [];
beforeAll(async () => {
  env = await reconcileEnv(block.octet, (c) => c, {
    onRequest: (camera, body) => {
      const op = /<(?:\w+:)?Body[^>]*>\s*<(?:\w+:)?(\w+)/.exec(body)?.[1];
      if (camera === 'tx2-nba-2' && op) requests.push(op);
    },
  });
  const file = join(env.site, 'streets', 'duong-noi-bo-a.json');
  const doc = JSON.parse(await readFile(file, 'utf8'));
  doc.points.find((p: { id: string }) => p.id === 'tx2-nba-2').streams = [{ profile: 'MainStream', resolution: '1280x1024' }];
  await writeFile(file, formatDocument('street', doc));
});
afterAll(() => env.stop());

describe('what a plan reads from a camera', () => {
  let plan: Plan;
  beforeAll(async () => {
    const run = await camfleet(['--json', 'plan', '--inventory', env.site, '--point', 'tx2-nba-2', '--no-discovery'], env.env);
    plan = JSON.parse(run.stdout);
  });

  it('refuses locally a stream setting the camera does not offer, from its encoder options', () => {
    expect(plan.findings).toHaveLength(1);
    expect(plan.findings[0]).toMatchObject({ kind: 'attention', topic: 'unsupported' });
    expect(plan.findings[0]!.message).toMatch(/^MainStream cannot stream as the inventory asks: .*1280x1024/);
  });

  it('reads only what the inventory manages: options of the differing encoder, NTP, but no DNS or gateway', () => {
    const options = requests.filter((r) => r === 'GetVideoEncoderConfigurationOptions');
    expect(options).toHaveLength(1);
    expect(requests).toContain('GetNTP');
    expect(requests).not.toContain('GetDNS');
    expect(requests).not.toContain('GetNetworkDefaultGateway');
    expect(requests).toEqual(
      expect.arrayContaining([
        'GetSystemDateAndTime',
        'GetDeviceInformation',
        'GetServices',
        'GetProfiles',
        'GetStreamUri',
        'GetNetworkInterfaces',
      ]),
    );
  });
});

describe('a point written as a device service URL', () => {
  it('is read at that URL, path included: a path the camera does not serve is reported, not silently replaced', async () => {
    const file = join(env.site, 'streets', 'duong-noi-bo-a.json');
    const doc = JSON.parse(await readFile(file, 'utf8'));
    const point = doc.points.find((p: { id: string }) => p.id === 'tx2-nba-1');
    const ok = JSON.parse(
      (await camfleet(['--json', 'plan', '--inventory', env.site, '--point', 'tx2-nba-1', '--no-discovery'], env.env)).stdout,
    );
    expect(ok.findings).toEqual([]);
    point.device.address = `http://${point.device.address}/onvif/elsewhere`;
    await writeFile(file, formatDocument('street', doc));
    const run = await camfleet(['--json', 'plan', '--inventory', env.site, '--point', 'tx2-nba-1', '--no-discovery'], env.env);
    const plan = JSON.parse(run.stdout) as Plan;
    expect(plan.findings).toHaveLength(1);
    expect(plan.findings[0]).toMatchObject({ kind: 'missing', pointId: 'tx2-nba-1' });
    expect(plan.findings[0]!.message).toMatch(/^ONVIF does not answer at /);
  });
});
