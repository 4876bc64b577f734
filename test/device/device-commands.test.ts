import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileOutputSchema } from '../../src/inventory/schemas.js';
import { startFleet, type Fleet } from '../../src/sim/index.js';
import { camfleet } from '../helpers/cli-in-process.js';
import { reserveBlock } from '../helpers/address-block.js';

const block = reserveBlock();

const PASSWORD = 'dev-Secret-42';
const env = { CAMFLEET_PASSWORD: PASSWORD };
let fleet: Fleet;
let dir: string;
const host = (i: number) => fleet.cameras[i]!.address;

/** Runs a command with --json and checks its output against its schema. */
async function json(def: string, args: string[]) {
  const run = await camfleet(['--json', ...args], env);
  expect(run.stderr + run.stdout).not.toContain(PASSWORD);
  if (run.code !== 0 && run.code !== 1) throw new Error(`exit ${run.code}: ${run.stderr}`);
  const value = JSON.parse(run.stdout);
  const validate = compileOutputSchema('device', def);
  expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  return { value, code: run.code };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'camfleet-dev-'));
  fleet = await startFleet({
    count: 8,
    addressBase: `127.${block.octet}.70.1`,
    password: PASSWORD,
    ptzSpeed: 4,
    discovery: false,
    cameras: [
      {},
      { auth: 'digest' },
      { faults: { clockSkewSeconds: 3600 } },
      { faults: { noPtz: true } },
      { faults: { noAbsoluteMove: true } },
      { faults: { ignoreEncoderChanges: true } },
      { media2: false },
      { faults: { dropRate: 1 } },
    ],
  });
});
afterAll(async () => {
  await fleet.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('info', () => {
  it('reads identity, services, capabilities, network and time, with WS-Security or Digest as the camera wants', async () => {
    const { value } = await json('info', ['info', host(0)]);
    expect(value).toMatchObject({
      auth: 'ws-security',
      device: { serialNumber: fleet.cameras[0]!.serialNumber },
      capabilities: { media2: true, ptz: true },
    });
    expect(value.network.interfaces[0].mac).toBe(fleet.cameras[0]!.mac);
    expect(value.scopes).toContain('onvif://www.onvif.org/name/cam-001');
    expect((await json('info', ['info', host(1)])).value.auth).toBe('digest');
  });

  it('works on a camera an hour off, and reports the skew', async () => {
    const { value } = await json('info', ['info', host(2)]);
    expect(value.time.clockSkewSeconds).toBeGreaterThan(3590);
  });

  it('a timeout returns within the configured limit, with a one-line error', async () => {
    const started = Date.now();
    const run = await camfleet(['info', host(7), '--timeout', '0.5'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no answer within 500 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('profiles', () => {
  it('lists profiles with encoder settings and URIs without credentials', async () => {
    const { value } = await json('profiles', ['profiles', host(0)]);
    expect(value.profiles.map((p: { token: string }) => p.token)).toEqual(['Profile_1', 'Profile_2']);
    expect(value.profiles[0].encoder).toMatchObject({ codec: 'H264', width: 1920, height: 1080, fps: 25, bitrateKbps: 4096, gop: 50 });
    expect(value.profiles[0].streamUri).toBe(fleet.cameras[0]!.streamUri);
  });

  it('sets H.265 through Media2 and reads it back', async () => {
    const { value, code } = await json('profileSet', [
      'profiles',
      'set',
      host(0),
      'MainStream',
      '--codec',
      'H265',
      '--resolution',
      '2560x1440',
      '--fps',
      '20',
      '--bitrate',
      '6000',
      '--gop',
      '40',
    ]);
    expect(code).toBe(0);
    expect(value).toMatchObject({
      applied: true,
      after: { codec: 'H265', width: 2560, height: 1440, fps: 20, bitrateKbps: 6000, gop: 40 },
    });
  });

  it('refuses an unsupported value locally, listing the allowed ones (exit 2)', async () => {
    const run = await camfleet(['profiles', 'set', host(0), 'SubStream', '--resolution', '1920x1080'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('resolution 1920x1080 is not offered for H264; offered: 704x576, 640x360, 352x288');
    const media1 = await camfleet(['profiles', 'set', host(6), 'MainStream', '--codec', 'H265'], env);
    expect(media1.code).toBe(2);
    expect(media1.stderr).toMatch(/codec H265 is not offered; the camera offers H264 \(H\.265 needs a Media2 camera\)/);
  });

  it('reports a camera that accepted a change but did not apply it (exit 1)', async () => {
    const { value, code } = await json('profileSet', ['profiles', 'set', host(5), 'SubStream', '--resolution', '704x576']);
    expect(code).toBe(1);
    expect(value).toMatchObject({ applied: false, differences: ['resolution is 640x360, not 704x576'] });
  });
});

describe('snapshot and stream', () => {
  it('downloads a real JPEG with Digest', async () => {
    const file = join(dir, 'gate.jpg');
    const { value } = await json('snapshot', ['snapshot', host(0), '-o', file, '--profile', 'SubStream']);
    expect(value).toMatchObject({ file, auth: 'digest', contentType: 'image/jpeg' });
    // Snapshots come at the profile's resolution, as real cameras send them.
    const image = await sharp(await readFile(file)).metadata();
    expect([image.width, image.height, image.format]).toEqual([640, 360, 'jpeg']);
  });

  it('prints the RTSP URI without credentials, and --probe reads codec and size from the SDP', async () => {
    const plain = await camfleet(['stream', host(0)], env);
    expect(plain.stdout.trim()).toBe(fleet.cameras[0]!.streamUri);
    const { value } = await json('stream', ['stream', host(1), '--profile', 'SubStream', '--probe']);
    expect(value.probe).toMatchObject({ ok: true, codec: 'H264', width: 640, height: 360 });
  });
});

describe('ptz', () => {
  it('moves absolutely with --wait and prints the final position; status, stop, relative and continuous', async () => {
    expect(
      (await json('ptzAction', ['ptz', 'move', host(0), '--pan', '0.5', '--tilt', '-0.25', '--zoom', '0.4', '--wait'])).value.position,
    ).toEqual({ pan: 0.5, tilt: -0.25, zoom: 0.4 });
    expect((await json('ptzStatus', ['ptz', 'status', host(0)])).value).toMatchObject({ moving: false, position: { pan: 0.5 } });
    expect(
      (await json('ptzAction', ['ptz', 'move', host(0), '--pan', '0.1', '--tilt', '0', '--relative', '--wait'])).value.position.pan,
    ).toBeCloseTo(0.6);
    const continuous = await json('ptzAction', ['ptz', 'move', host(0), '--pan', '-1', '--tilt', '0', '--continuous', '--duration', '0.2']);
    expect(continuous.value.position.pan).toBeLessThan(0.6);
    expect((await json('ptzAction', ['ptz', 'stop', host(0)])).value.action).toBe('stop');
  });

  it('a preset set twice by name leaves one preset; goto and remove by name', async () => {
    await json('presetSet', ['ptz', 'preset', 'set', host(0), 'road', '--pan', '0.2', '--tilt', '-0.1', '--zoom', '0.3']);
    const again = await json('presetSet', ['ptz', 'preset', 'set', host(0), 'road', '--pan', '-0.2', '--tilt', '-0.1', '--zoom', '0.3']);
    expect(again.value).toMatchObject({ outcome: 'updated', position: { pan: -0.2 } });
    const presets = (await json('presets', ['ptz', 'presets', host(0)])).value.presets;
    expect(presets.filter((p: { name: string }) => p.name === 'road')).toHaveLength(1);
    await json('ptzAction', ['ptz', 'move', host(0), '--pan', '0.9', '--tilt', '0', '--wait']);
    expect((await json('ptzAction', ['ptz', 'preset', 'goto', host(0), 'road', '--wait'])).value.position.pan).toBe(-0.2);
    await json('ptzAction', ['ptz', 'preset', 'remove', host(0), 'road']);
    expect((await json('presets', ['ptz', 'presets', host(0)])).value.presets).toEqual([]);
    const missing = await camfleet(['ptz', 'preset', 'goto', host(0), 'road'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no preset 'road' on this camera");
  });

  it('home: set here, go home', async () => {
    await json('ptzAction', ['ptz', 'move', host(0), '--pan', '0.3', '--tilt', '0.1', '--zoom', '0', '--wait']);
    await json('ptzAction', ['ptz', 'home', 'set', host(0)]);
    await json('ptzAction', ['ptz', 'move', host(0), '--pan', '-0.3', '--tilt', '0', '--wait']);
    expect((await json('ptzAction', ['ptz', 'home', host(0), '--wait'])).value.position).toEqual({ pan: 0.3, tilt: 0.1, zoom: 0 });
  });

  it('a camera without PTZ, and one without AbsoluteMove, get clear messages', async () => {
    const fixed = await camfleet(['ptz', 'status', host(3)], env);
    expect(fixed.code).toBe(1);
    expect(fixed.stderr).toContain('this camera has no PTZ service (a fixed camera)');
    const noAbsolute = await camfleet(['ptz', 'move', host(4), '--pan', '0.2', '--tilt', '0'], env);
    expect(noAbsolute.code).toBe(1);
    expect(noAbsolute.stderr).toContain('this camera does not support AbsoluteMove; it moves with --relative or --continuous --duration S');
    expect((await camfleet(['ptz', 'move', host(4), '--pan', '0.2', '--tilt', '0', '--relative'], env)).code).toBe(0);
  });
});

describe('network and time', () => {
  it('shows, then provisions a camera: gateway, DNS, NTP, host name, and a new address where it is found', async () => {
    const original = host(1);
    const shown = (await json('network', ['network', 'show', original])).value;
    expect(shown.interfaces[0].addresses[0].address).toBe(original);
    const refused = await camfleet(['network', 'set', host(1), '--address', `127.${block.octet}.70.201/24`], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/needs confirmation, and there is no terminal to confirm on — add --yes/);
    const { value } = await json('networkSet', [
      'network',
      'set',
      host(1),
      '--address',
      `127.${block.octet}.70.201/24`,
      '--gateway',
      `127.${block.octet}.70.254`,
      '--dns',
      `127.${block.octet}.70.53`,
      '--ntp',
      'ntp.example.org',
      '--hostname',
      'gate-2',
      '--yes',
      '--wait-seconds',
      '10',
    ]);
    expect(value).toMatchObject({
      changed: ['hostname', 'dns', 'ntp', 'gateway', 'address'],
      address: { from: original, to: `127.${block.octet}.70.201`, answered: true },
    });
    const moved = (await json('network', ['network', 'show', `127.${block.octet}.70.201`])).value;
    expect(moved).toMatchObject({
      hostname: 'gate-2',
      gateway: [`127.${block.octet}.70.254`],
      dns: [`127.${block.octet}.70.53`],
      ntp: ['ntp.example.org'],
    });
  });

  it('time sync sets the clock of a camera an hour off from this host', async () => {
    const { value } = await json('timeSync', ['time', 'sync', host(2)]);
    expect(value.skewBeforeSeconds).toBeGreaterThan(3590);
    expect(Math.abs(value.skewAfterSeconds)).toBeLessThan(2);
  });
});

describe('bad input', () => {
  it('a target that is not an address, a bad resolution, pan without tilt: exit 2, one line', async () => {
    for (const args of [
      ['info', '--', '-x'],
      ['profiles', 'set', host(0), 'Main', '--resolution', 'big'],
      ['ptz', 'move', host(0), '--pan', '0.1'],
    ]) {
      const run = await camfleet(args, env);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
