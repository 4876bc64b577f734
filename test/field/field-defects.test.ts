import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../src/sim/index.js';
import { reserveBlock } from '../helpers/address-block.js';
import { camfleet } from '../helpers/cli-in-process.js';
import { type HostileCamera, hostileCamera } from '../helpers/hostile-camera.js';
import { makeSite, point, SITE } from '../helpers/inventory-fixture.js';

// The defects found when camfleet met ONVIF servers written by others, each on the simulator (a
// persona) or behind a proxy that answers as those devices did. Cameras on non-default ports.
const block = reserveBlock();
let fleet: Fleet;
let proxy: HostileCamera;
const env = { CAMFLEET_PASSWORD: 'camfleet' };
const cam = (i: number) => fleet.cameras[i]!;
const at = (i: number) => `${cam(i).address}:${cam(i).port}`;

beforeAll(async () => {
  fleet = await startFleet({
    addressBase: block.address(1, 1),
    standardPorts: false,
    port: 0,
    rtspPort: 0,
    discovery: false,
    ptzSpeed: 8,
    cameras: [{}, { persona: 'minimal' }, { persona: 'stateless-presets' }, {}],
  });
  proxy = await hostileCamera(cam(0));
});
afterAll(async () => {
  await proxy.close();
  await fleet.stop();
  block.release();
});
beforeEach(() => proxy.rules.clear());

const oneLine = (stderr: string) => {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/internal error|report it/i);
};

describe('PTZ listed only in GetCapabilities', () => {
  it('is found through the profiles and GetCapabilities when GetServices leaves it out', async () => {
    // As gSOAP-based devices answer: device and media in GetServices, PTZ only in GetCapabilities.
    proxy.rules.set('GetServices', {
      kind: 'rewrite',
      edit: (b) => b.replace(/<tds:Service>(?:(?!<\/tds:Service>).)*ver20\/ptz\/wsdl(?:(?!<\/tds:Service>).)*<\/tds:Service>/s, ''),
    });
    const presets = await camfleet(['--json', 'ptz', 'presets', proxy.url], env);
    expect(presets.code, presets.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(presets.stdout).presets)).toBe(true);
    const info = await camfleet(['--json', 'info', proxy.url], env);
    expect(JSON.parse(info.stdout).capabilities.ptz).toBe(true);
  });
});

describe('a missing optional call leaves its field not available', () => {
  it('info on a device with only the mandatory calls: identity and profiles read, the rest not available with the reason', async () => {
    const run = await camfleet(['--json', 'info', at(1)], env);
    expect(run.code, run.stderr).toBe(0);
    const value = JSON.parse(run.stdout);
    expect(value.device.serialNumber).toBe(cam(1).serialNumber);
    const missing = value.unavailable.map((u: { field: string }) => u.field);
    expect(missing).toContain('scopes');
    expect(value.unavailable.every((u: { reason: string }) => u.reason.length > 0)).toBe(true);
    const human = await camfleet(['info', at(1)], env);
    expect(human.stdout).toMatch(/not available \(/);
  });
});

describe('a refused snapshot connection', () => {
  it('is a camera error in one line (exit 1), not an internal one', async () => {
    proxy.rules.set('GetSnapshotUri', {
      kind: 'rewrite',
      edit: (b) => b.replace(/(<(?:\w+:)?Uri>)[^<]*/, `$1http://${cam(0).address}:9/snap.jpg`),
    });
    const run = await camfleet(['snapshot', proxy.url, '--output', join(tmpdir(), 'camfleet-never.jpg')], env);
    expect(run.code, run.stderr).toBe(1);
    oneLine(run.stderr);
    expect(run.stderr).toMatch(/connection refused/);
  });
});

describe('a head that accepts moves and never makes them', () => {
  it('ptz move --wait says the camera did not get there (exit 1); a camera that moves passes', async () => {
    const stuck = await camfleet(['ptz', 'move', at(2), '--pan', '0.4', '--tilt', '0.1', '--wait'], env);
    expect(stuck.code, stuck.stderr).toBe(1);
    oneLine(stuck.stderr);
    expect(stuck.stderr).toMatch(/accepted the move but stopped at pan 0 tilt 0/);
    const moves = await camfleet(['ptz', 'move', at(3), '--pan', '0.4', '--tilt', '0.1', '--wait'], env);
    expect(moves.code, moves.stderr).toBe(0);
  });

  it('a relative move is checked against where it started', async () => {
    const stuck = await camfleet(['ptz', 'move', at(2), '--pan', '0.2', '--tilt', '0', '--relative', '--wait'], env);
    expect(stuck.code, stuck.stderr).toBe(1);
    const moves = await camfleet(['ptz', 'move', at(3), '--pan', '-0.2', '--tilt', '0', '--relative', '--wait'], env);
    expect(moves.code, moves.stderr).toBe(0);
  });

  it('ptz preset set with a position checks the head got there, and that the camera keeps the preset', async () => {
    const moved = await camfleet(['ptz', 'preset', 'set', at(2), 'road', '--pan', '0.3', '--tilt', '-0.1'], env);
    expect(moved.code, moved.stderr).toBe(1);
    expect(moved.stderr).toMatch(/accepted the move but stopped/);
    const here = await camfleet(['ptz', 'preset', 'set', at(2), 'road'], env);
    expect(here.code, here.stderr).toBe(1);
    oneLine(here.stderr);
    expect(here.stderr).toMatch(/accepted preset 'road' but does not list it/);
    const works = await camfleet(['ptz', 'preset', 'set', at(3), 'road', '--pan', '0.3', '--tilt', '-0.1'], env);
    expect(works.code, works.stderr).toBe(0);
  });
});

describe('cosmetics', () => {
  it("profiles prints '-' for an empty snapshot URI", async () => {
    proxy.rules.set('GetSnapshotUri', { kind: 'rewrite', edit: (b) => b.replace(/(<(?:\w+:)?Uri>)[^<]*/g, '$1') });
    const run = await camfleet(['profiles', proxy.url], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/snapshot -$/m);
    expect(run.stdout).not.toMatch(/snapshot\s*$/m);
  });

  it('check --markdown names a camera on a non-default port with its port', async () => {
    const site = await makeSite({
      'site.json': SITE,
      'streets/main.json': {
        schemaVersion: 1,
        id: 'main',
        name: 'Main',
        points: [point('gate', at(3), { ptz: { presets: [{ name: 'not-there', pan: 0.5, tilt: 0, zoom: 0 }] } })],
      },
    });
    try {
      const md = join(site.dir, 'summary.md');
      const run = await camfleet(['check', '--inventory', site.dir, '--no-discovery', '--markdown', md], env);
      expect(run.code, run.stderr).toBe(1);
      expect(await readFile(md, 'utf8')).toContain(`| gate | main | ${at(3)} |`);
    } finally {
      await site.cleanup();
    }
  });
});
