import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../src/sim/index.js';
import { reserveBlock } from '../helpers/address-block.js';
import { credentialsFile } from '../helpers/credentials-file.js';
import { type HostileCamera, hostileCamera } from '../helpers/hostile-camera.js';
import { makeSite, point, SITE } from '../helpers/inventory-fixture.js';
import { startCli } from '../helpers/run-cli.js';

// Two cameras: one answers, the other (a proxy in front of a simulated camera) takes every request and
// never answers. The hanging one must not hold the other's checks, nor the stop.
const block = reserveBlock();
let fleet: Fleet;
let hanging: HostileCamera;
let site: { dir: string; cleanup: () => Promise<void> };
let credentials: Awaited<ReturnType<typeof credentialsFile>>;

beforeAll(async () => {
  fleet = await startFleet({ addressBase: block.address(1, 1), standardPorts: false, port: 0, rtspPort: 0, discovery: false, count: 2 });
  hanging = await hostileCamera(fleet.cameras[1]!, { '*': { kind: 'hang' } });
  site = await makeSite({
    'site.json': { ...SITE, defaults: { credentialProfile: 'test' } },
    'streets/main.json': {
      schemaVersion: 1,
      id: 'main',
      name: 'Main',
      points: [point('answers', fleet.cameras[0]!.xaddr), point('hangs', hanging.url)],
    },
  });
  credentials = await credentialsFile();
  process.env.CAMFLEET_CREDENTIALS = credentials.path;
});
afterAll(async () => {
  await hanging.close();
  await fleet.stop();
  await site.cleanup();
  await credentials.remove();
  block.release();
});

describe('camfleet watch with a camera that never answers', () => {
  it('checks the other camera on time and stops within 5 s while the hanging calls are in flight', async () => {
    const run = startCli([
      '--json',
      'watch',
      '--inventory',
      site.dir,
      '--no-discovery',
      '--no-views',
      '--interval',
      '1',
      '--timeout',
      '20',
      '--events',
      '--listen',
      '127.0.0.1:0',
      '--rtsp-port',
      String(fleet.cameras[0]!.rtspPort),
    ]);
    await run.firstLine;
    await new Promise((r) => setTimeout(r, 2500));
    // Checks and the event subscription of the hanging camera are waiting on it now.
    expect(hanging.requests.length).toBeGreaterThan(0);
    expect(fleet.openSubscriptions(0)).toBe(1);
    const asked = Date.now();
    run.child.kill('SIGTERM');
    const [code] = (await once(run.child, 'exit')) as [number | null];
    expect(Date.now() - asked).toBeLessThan(5000);
    expect(code).toBe(0);
    expect(fleet.openSubscriptions()).toBe(0);
    const lines = (await run.exited).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    // The answering camera was checked (within the 2.5 s) while the hanging one's 20 s calls were pending.
    expect(lines.filter((l) => l.kind === 'state').map((l) => [l.point, l.to])).toEqual([['answers', 'ok']]);
    expect(lines).toContainEqual(expect.objectContaining({ kind: 'subscription', point: 'answers', what: 'subscribed' }));
  }, 30_000);
});
