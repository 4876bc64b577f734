import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../src/sim/index.js';
import { answerChallenge, challengesOf } from '../helpers/digest.js';
import { envelope, post, wsseHeader } from '../helpers/soap-client.js';
import { reserveBlock } from '../helpers/address-block.js';

const block = reserveBlock();

const INFO = '<GetDeviceInformation xmlns="http://www.onvif.org/ver10/device/wsdl"/>';
const CLOCK = '<GetSystemDateAndTime xmlns="http://www.onvif.org/ver10/device/wsdl"/>';

let fleet: Fleet;
const url = (i: number) => fleet.cameras[i]!.xaddr;
const path = '/onvif/device_service';

beforeAll(async () => {
  fleet = await startFleet({
    count: 5,
    addressBase: `127.${block.octet}.14.1`,
    discovery: false,
    cameras: [
      { auth: 'ws-security' },
      { auth: 'digest' },
      { auth: 'both' },
      { auth: 'none' },
      { auth: 'both', faults: { wrongPassword: true } },
    ],
  });
});
afterAll(() => fleet.stop());

describe('WS-Security UsernameToken', () => {
  it('accepts a correct digest and refuses a wrong password with 400 ter:NotAuthorized', async () => {
    expect((await post(url(0), envelope(INFO, wsseHeader('admin', 'camfleet')))).status).toBe(200);
    const wrong = await post(url(0), envelope(INFO, wsseHeader('admin', 'nope')));
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain('ter:NotAuthorized');
  });

  it('refuses a replayed nonce', async () => {
    const nonce = randomBytes(16);
    const created = new Date();
    expect((await post(url(0), envelope(INFO, wsseHeader('admin', 'camfleet', created, nonce)))).status).toBe(200);
    const replay = await post(url(0), envelope(INFO, wsseHeader('admin', 'camfleet', created, nonce)));
    expect(replay.status).toBe(400);
    expect(replay.body).toContain('ter:NotAuthorized');
  });

  it('checks Created against the camera clock, within five minutes', async () => {
    const early = new Date(Date.now() - 6 * 60_000);
    expect((await post(url(0), envelope(INFO, wsseHeader('admin', 'camfleet', early)))).status).toBe(400);
    const slightlyOff = new Date(Date.now() - 4 * 60_000);
    expect((await post(url(0), envelope(INFO, wsseHeader('admin', 'camfleet', slightlyOff)))).status).toBe(200);
  });

  it('answers GetSystemDateAndTime without credentials, as real cameras do', async () => {
    const reply = await post(url(0), envelope(CLOCK));
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('UTCDateTime');
  });

  it('refuses a request without credentials on a WS-Security-only camera', async () => {
    const reply = await post(url(0), envelope(INFO));
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('ter:NotAuthorized');
  });
});

describe('HTTP Digest', () => {
  async function digestCall(i: number, algorithm: 'MD5' | 'SHA-256', password = 'camfleet') {
    const first = await post(url(i), envelope(INFO));
    expect(first.status).toBe(401);
    const challenges = challengesOf(first.rawHeaders);
    expect(challenges.map((c) => /algorithm=([\w-]+)/.exec(c)?.[1]).sort()).toEqual(['MD5', 'SHA-256']);
    const challenge = challenges.find((c) => c.includes(`algorithm=${algorithm}`))!;
    return post(url(i), envelope(INFO), { Authorization: answerChallenge(challenge, 'POST', path, 'admin', password) });
  }

  it('accepts MD5 and SHA-256 answers (RFC 7616)', async () => {
    expect((await digestCall(1, 'MD5')).status).toBe(200);
    expect((await digestCall(1, 'SHA-256')).status).toBe(200);
  });

  it('answers a wrong password with a new 401 challenge', async () => {
    const reply = await digestCall(1, 'MD5', 'wrong');
    expect(reply.status).toBe(401);
    expect(challengesOf(reply.rawHeaders)).toHaveLength(2);
  });

  it('ignores a WS-Security header on a digest-only camera and asks for Digest', async () => {
    expect((await post(url(1), envelope(INFO, wsseHeader('admin', 'camfleet')))).status).toBe(401);
  });

  it('takes either scheme on a camera configured for both', async () => {
    expect((await post(url(2), envelope(INFO, wsseHeader('admin', 'camfleet')))).status).toBe(200);
    expect((await digestCall(2, 'SHA-256')).status).toBe(200);
  });
});

describe('other modes', () => {
  it('needs nothing on a camera without authentication', async () => {
    expect((await post(url(3), envelope(INFO))).status).toBe(200);
  });

  it('refuses the fleet password on a re-keyed camera (wrong-password fault)', async () => {
    const reply = await post(url(4), envelope(INFO, wsseHeader('admin', fleet.cameras[4]!.password)));
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('ter:NotAuthorized');
  });
});
