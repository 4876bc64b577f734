import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import onvif from 'onvif';
import { startFleet, type Fleet, type SimCameraInfo } from '../../src/sim/index.js';
import { reserveBlock } from '../helpers/address-block.js';

const block = reserveBlock();

/** The third-party `onvif` client, promisified as its users write it. */
type Cam = InstanceType<typeof onvif.Cam>;

function connect(info: SimCameraInfo, password = info.password): Promise<Cam> {
  return new Promise((resolve, reject) => {
    const cam: Cam = new onvif.Cam(
      { hostname: info.address, port: info.port, username: info.username, password, timeout: 5000 },
      (err: Error | null) => (err ? reject(err) : resolve(cam)),
    );
  });
}

function call<T>(cam: Cam, method: string, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    (cam as unknown as Record<string, (...a: unknown[]) => void>)[method]!.call(cam, ...args, (err: Error | null, result: T) =>
      err ? reject(err) : resolve(result),
    );
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let fleet: Fleet;

beforeAll(async () => {
  fleet = await startFleet({
    count: 4,
    addressBase: `127.${block.octet}.12.1`,
    ptzSpeed: 4,
    cameras: [{}, { faults: { clockSkewSeconds: 3600 } }, { auth: 'digest' }, { media2: false }],
  });
});
afterAll(() => fleet.stop());

describe('the third-party onvif library accepts the simulator', () => {
  it('runs the everyday calls against a WS-Security camera', async () => {
    const cam = await connect(fleet.cameras[0]!);
    const info = await call<Record<string, string>>(cam, 'getDeviceInformation');
    expect(info.serialNumber).toBe(fleet.cameras[0]!.serialNumber);
    expect(info.manufacturer).toBe('Camfleet Sim');

    const caps = await call<Record<string, { XAddr: string }>>(cam, 'getCapabilities');
    expect(caps.PTZ!.XAddr).toContain('/onvif/ptz_service');

    const profiles = await call<{ name: string; videoEncoderConfiguration: { resolution: { width: number } } }[]>(cam, 'getProfiles');
    expect(profiles.map((p) => p.name)).toEqual(['MainStream', 'SubStream']);
    expect(profiles[0]!.videoEncoderConfiguration.resolution.width).toBe(1920);

    const stream = await call<{ uri: string }>(cam, 'getStreamUri', { protocol: 'RTSP' });
    expect(stream.uri).toBe(fleet.cameras[0]!.streamUri);
    expect(stream.uri).not.toContain(fleet.cameras[0]!.password);
    const snapshot = await call<{ uri: string }>(cam, 'getSnapshotUri', {});
    expect(snapshot.uri).toBe(fleet.cameras[0]!.snapshotUri);

    await call(cam, 'absoluteMove', { x: 0.5, y: -0.25, zoom: 0.4 });
    const moving = await call<{ moveStatus: { panTilt: string } }>(cam, 'getStatus', {});
    expect(moving.moveStatus.panTilt).toBe('MOVING');
    await sleep(400);
    const settled = await call<{ position: { x: number; y: number; zoom: number }; moveStatus: { panTilt: string } }>(cam, 'getStatus', {});
    expect(settled.moveStatus.panTilt).toBe('IDLE');
    expect(settled.position).toEqual({ x: 0.5, y: -0.25, zoom: 0.4 });

    await call(cam, 'setPreset', { presetName: 'road' });
    let presets = await call<Record<string, { $: { token: number } }>>(cam, 'getPresets', {});
    expect(Object.keys(presets)).toEqual(['road']);
    const token = presets.road!.$.token;

    await call(cam, 'absoluteMove', { x: -0.5, y: 0, zoom: 0 });
    await sleep(400);
    await call(cam, 'gotoPreset', { preset: token });
    await sleep(400);
    const back = await call<{ position: { x: number } }>(cam, 'getStatus', {});
    expect(back.position.x).toBe(0.5);

    await call(cam, 'removePreset', { presetToken: token });
    presets = await call(cam, 'getPresets', {});
    expect(Object.keys(presets)).toEqual([]);
  });

  it("reads the camera's recordings: GetRecordings, GetRecordingSummary and GetReplayUri (Profile G)", async () => {
    const cam = await connect(fleet.cameras[0]!);
    type Item = { recordingToken: string; configuration: { maximumRetentionTime: string } };
    // The library gives one item as an object, several as an array.
    const items = await call<Item | Item[]>(cam, 'getRecordings');
    const item = Array.isArray(items) ? items[0]! : items;
    expect(item.recordingToken).toBe('Recording_1');
    expect(item.configuration.maximumRetentionTime).toMatch(/^PT\d+S$/);
    const summary = await call<{ dataFrom: string; dataUntil: string; numberRecordings: number }>(cam, 'getRecordingSummary');
    expect(Number(summary.numberRecordings)).toBe(1);
    const days = (Date.parse(summary.dataUntil) - Date.parse(summary.dataFrom)) / 86_400_000;
    expect(days).toBeGreaterThan(11);
    const replay = await call<string>(cam, 'getReplayUri', { recordingToken: 'Recording_1' });
    expect(replay).toBe(`rtsp://${fleet.cameras[0]!.address}/replay/Recording_1`);
  });

  it('fails with an auth error on a wrong password', async () => {
    await expect(connect(fleet.cameras[0]!, 'not-the-password')).rejects.toThrow(/not authorized|authentication/i);
  });

  it('works with a camera whose clock is an hour off, through the library time-offset logic', async () => {
    const cam = await connect(fleet.cameras[1]!);
    const info = await call<Record<string, string>>(cam, 'getDeviceInformation');
    expect(info.serialNumber).toBe(fleet.cameras[1]!.serialNumber);
    const [, date] = await new Promise<[unknown, Date]>((resolve, reject) =>
      cam.getSystemDateAndTime((err: Error | null, d?: Date) => (err ? reject(err) : resolve([null, d!]))),
    );
    expect(Math.abs(date.getTime() - Date.now() - 3600_000)).toBeLessThan(5000);
  });

  it('falls back to HTTP Digest on a digest-only camera', async () => {
    const cam = await connect(fleet.cameras[2]!);
    const info = await call<Record<string, string>>(cam, 'getDeviceInformation');
    expect(info.serialNumber).toBe(fleet.cameras[2]!.serialNumber);
    await expect(connect(fleet.cameras[2]!, 'wrong')).rejects.toThrow(/Digest authentication failed/);
  });

  it('uses Media (ver10) on a camera without Media2', async () => {
    const cam = await connect(fleet.cameras[3]!);
    expect((cam as unknown as { media2Support: boolean }).media2Support).toBe(false);
    const stream = await call<{ uri: string }>(cam, 'getStreamUri', { protocol: 'RTSP' });
    expect(stream.uri).toBe(fleet.cameras[3]!.streamUri);
  });
});
