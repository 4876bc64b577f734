import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../src/sim/index.js';
import { reserveBlock } from '../helpers/address-block.js';
import { type HostileCamera, type Hostility, hostileCamera } from '../helpers/hostile-camera.js';
import { makeSite, point, SITE } from '../helpers/inventory-fixture.js';
import { runCli } from '../helpers/run-cli.js';

// Every command that talks to cameras, against a device that closes every connection, one that answers
// garbage, and one that never answers: each ends with 0, 1 or 2 within its timeout (plus a margin), never
// with 13 (an unsettled promise at exit) or a hang.
const block = reserveBlock();
let fleet: Fleet;
let proxy: HostileCamera;
let site: { dir: string; cleanup: () => Promise<void> };
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  fleet = await startFleet({ count: 1, addressBase: block.address(1, 1), standardPorts: false, port: 0, rtspPort: 0, discovery: false });
  proxy = await hostileCamera(fleet.cameras[0]!);
  site = await makeSite({
    'site.json': { ...SITE, defaults: { credentialProfile: 'test', networkRanges: [`${block.address(1, 1)}/32`] } },
    'streets/main.json': {
      schemaVersion: 1,
      id: 'main',
      name: 'Main',
      points: [point('gate', proxy.url, { ptz: { presets: [{ name: 'road', pan: 0, tilt: 0, zoom: 0 }] } })],
    },
  });
  dir = await mkdtemp(join(tmpdir(), 'camfleet-guard-'));
  const credentials = join(dir, 'credentials.json');
  await writeFile(credentials, JSON.stringify({ profiles: { test: { username: 'admin', password: 'camfleet' } } }));
  await chmod(credentials, 0o600);
  env = { CAMFLEET_CREDENTIALS: credentials, CAMFLEET_PASSWORD: 'camfleet' };
});
afterAll(async () => {
  await proxy.close();
  await fleet.stop();
  await site.cleanup();
  await rm(dir, { recursive: true, force: true });
  block.release();
});

const TIMEOUT = ['--timeout', '1'];
const commands = (): string[][] => {
  const t = proxy.url;
  const inv = ['--inventory', site.dir, ...TIMEOUT];
  return [
    ['info', t, ...TIMEOUT],
    ['profiles', t, ...TIMEOUT],
    ['snapshot', t, '-o', join(dir, 'snap.jpg'), ...TIMEOUT],
    ['stream', t, '--probe', ...TIMEOUT],
    ['ptz', 'status', t, ...TIMEOUT],
    ['ptz', 'presets', t, ...TIMEOUT],
    ['ptz', 'move', t, '--pan', '0.1', '--wait', ...TIMEOUT],
    ['ptz', 'preset', 'set', t, 'road', ...TIMEOUT],
    ['ptz', 'preset', 'goto', t, 'road', ...TIMEOUT],
    ['ptz', 'home', t, ...TIMEOUT],
    ['network', 'show', t, ...TIMEOUT],
    ['time', 'sync', t, ...TIMEOUT],
    ['ping', t, ...TIMEOUT],
    ['discover', '--range', `${block.address(1, 1)}/32`, '--no-multicast', '--timeout', '1'],
    ['plan', ...inv],
    ['check', ...inv],
    ['apply', '--yes', ...inv],
    ['ptz', 'reaim', '--street', 'main', '--preset', 'road', '--yes', ...inv],
  ];
};

const MODES: [string, Hostility][] = [
  ['closes every connection', { kind: 'close' }],
  ['answers garbage', { kind: 'malformed' }],
  ['never answers', { kind: 'hang' }],
];

describe.each(MODES)('every command against a device that %s', (_name, hostility) => {
  it('ends with 0, 1 or 2, within its timeout plus a margin', async () => {
    proxy.rules.clear();
    proxy.rules.set('*', hostility);
    const list = commands();
    // Four at a time: each is a whole process.
    for (let i = 0; i < list.length; i += 4) {
      await Promise.all(
        list.slice(i, i + 4).map(async (args) => {
          const started = Date.now();
          const run = await runCli(args, { env, timeoutMs: 40_000 });
          const ms = Date.now() - started;
          expect([0, 1, 2], `${args.join(' ')}: exit ${run.code}\n${run.stderr}`).toContain(run.code);
          expect(run.stderr, args.join(' ')).not.toMatch(/internal error/);
          // A usage error would make this test say nothing about the device: the commands must be right.
          expect(run.stderr, args.join(' ')).not.toMatch(/--help'\)$/m);
          // Several calls in sequence may each take the timeout; none may hang.
          expect(ms, `${args.join(' ')} took ${ms} ms`).toBeLessThan(20_000);
        }),
      );
    }
  }, 240_000);
});
