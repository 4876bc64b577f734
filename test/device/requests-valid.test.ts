import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../src/credentials/secret.js';
import { openSession } from '../../src/device/session.js';
import { readDeviceReport } from '../../src/device/info.js';
import { listProfiles, changeEncoder } from '../../src/device/profiles.js';
import { setPresetByName, ptzProfile, move, waitIdle } from '../../src/device/ptz-ops.js';
import { changeNetwork } from '../../src/device/network-ops.js';
import { syncTime } from '../../src/device/time-ops.js';
import * as ptz from '../../src/onvif/ptz.js';
import { parseDeviceAddress } from '../../src/net/endpoint.js';
import { readRecordings } from '../../src/recording/read.js';
import { getRecordingInformation, getRecordingTokens } from '../../src/onvif/recording.js';
import { startFleet, type Fleet } from '../../src/sim/index.js';
import { validateEnvelopes } from '../helpers/validate-soap.js';
import { reserveBlock } from '../helpers/address-block.js';

const block = reserveBlock();

const requests: { camera: string; body: string }[] = [];
let fleet: Fleet;
beforeAll(async () => {
  fleet = await startFleet({
    count: 2,
    addressBase: `127.${block.octet}.71.1`,
    discovery: false,
    ptzSpeed: 8,
    cameras: [{}, { media2: false }],
    onRequest: (camera, body) => requests.push({ camera, body }),
  });
});
afterAll(() => fleet.stop());

// Each camera's operations are a test of their own, and the validation another: under a benchmark on the
// same two cores, the whole walk once took more than the 30 s one test gets (it takes about 10 s alone).
// The PTZ moves wait for the head, so each walk still gets a minute; so does the validation, which loads every
// ONVIF schema (it passed 30 s once beside a benchmark).
const WALK_MS = 60_000;

describe('what camfleet sends validates against the official ONVIF schemas', () => {
  it.each([
    ['Media2', 0],
    ['Media (ver10) only', 1],
  ])('every request of the device operations, over %s', { timeout: WALK_MS }, async (_, index) => {
    const credentials = { username: 'admin', password: new Secret('camfleet'), source: 'test' };
    const camera = fleet.cameras[index]!;
    const session = await openSession(parseDeviceAddress(camera.xaddr)!, credentials, { timeoutMs: 3000 });
    await readDeviceReport(session);
    await listProfiles(session);
    await changeEncoder(session, 'SubStream', { width: 704, height: 576, fps: 12, gop: 24 });
    const profile = await ptzProfile(session, 'test');
    await setPresetByName(session, profile, 'road', { pan: 0.2, tilt: -0.1, zoom: 0.3 });
    await move(session, profile, { kind: 'relative', by: { pan: 0.1, tilt: 0 } });
    await move(session, profile, { kind: 'continuous', velocity: { pan: 0.2, tilt: 0 }, durationMs: 200 });
    await waitIdle(session, profile);
    await ptz.stop(session.client, profile);
    await ptz.setHome(session.client, profile);
    await ptz.gotoHome(session.client, profile);
    const preset = (await ptz.getPresets(session.client, profile))[0]!;
    await ptz.gotoPreset(session.client, profile, preset.token);
    await ptz.removePreset(session.client, profile, preset.token);
    await ptz.getNodes(session.client);
    await syncTime(session, undefined);
    await syncTime(session, 'ntp.example.org');
    const recordings = await readRecordings(session.client, session.services, Date.now() + session.clockOffsetMs, { replay: true });
    expect(recordings.available).toBe(true);
    await getRecordingTokens(session.client);
    // The search results carry what the recordings' health needs; the single read is the fallback.
    await getRecordingInformation(session.client, recordings.available ? recordings.recordings[0]!.token : '');
    await changeNetwork(session, { hostname: 'cam', dns: [`127.${block.octet}.71.53`], gateway: `127.${block.octet}.71.254` }, 1000);
  });

  it('each of them, in both walks, against the schemas', { timeout: WALK_MS }, async () => {
    expect(new Set(requests.map((r) => r.camera)).size, 'both walks ran').toBe(2);
    const operations = new Set(requests.map((r) => /<s:Body[^>]*>\s*<(\w+)/.exec(r.body)?.[1]));
    expect(operations.size).toBeGreaterThan(25);
    for (const op of [
      'FindRecordings',
      'GetRecordingSearchResults',
      'EndSearch',
      'GetRecordingInformation',
      'GetReplayUri',
      'GetRecordings',
    ])
      expect(operations, op).toContain(op);
    const envelopes = Object.fromEntries(requests.map((r, i) => [`${i}-${r.camera}`, r.body]));
    const result = await validateEnvelopes(envelopes);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });
});
