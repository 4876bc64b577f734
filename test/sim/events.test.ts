import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../src/credentials/secret.js';
import { openSession } from '../../src/device/session.js';
import { parseDeviceAddress } from '../../src/net/endpoint.js';
import { announcesSceneChange, createPullPoint, eventTopics, renew, unsubscribe } from '../../src/onvif/events.js';
import { type Fleet, startFleet } from '../../src/sim/index.js';
import { renewAfterMs } from '../../src/watch/follow-events.js';
import { reserveBlock } from '../helpers/address-block.js';
import { call } from '../helpers/soap-client.js';
import { validateEnvelopes } from '../helpers/validate-soap.js';

const TEV = 'xmlns="http://www.onvif.org/ver10/events/wsdl"';
const WSNT = 'xmlns="http://docs.oasis-open.org/wsn/b-2"';
const CREDENTIALS = { username: 'admin', password: new Secret('camfleet'), source: 'test' };
const block = reserveBlock();
let fleet: Fleet;
const base = () => `http://${fleet.cameras[0]!.address}`;

beforeAll(async () => {
  fleet = await startFleet({ addressBase: block.address(1, 1), discovery: false, count: 1 });
});
afterAll(async () => {
  await fleet.stop();
  block.release();
});

const subscribe = async (termination = 'PT60S') => {
  const reply = await call(
    `${base()}/onvif/event_service`,
    `<CreatePullPointSubscription ${TEV}><InitialTerminationTime>${termination}</InitialTerminationTime></CreatePullPointSubscription>`,
  );
  expect(reply.status, reply.body).toBe(200);
  return { reply, address: /<wsa:Address>([^<]+)</.exec(reply.body)![1]! };
};
const pull = (address: string, timeout = 'PT0S') =>
  call(address, `<PullMessages ${TEV}><Timeout>${timeout}</Timeout><MessageLimit>10</MessageLimit></PullMessages>`);

describe('the lifetime a subscription is granted', () => {
  it('is capped at ten minutes, as cameras cap it, and the reply says so (CurrentTime, TerminationTime)', async () => {
    const { reply, address } = await subscribe('PT3600S');
    await call(address, `<Unsubscribe ${WSNT}/>`);
    const at = (name: string) => Date.parse(new RegExp(`<wsnt:${name}>([^<]+)<`).exec(reply.body)![1]!);
    expect((at('TerminationTime') - at('CurrentTime')) / 1000).toBe(600);
  });

  it('is what camfleet renews by: half the granted ten minutes, not half the hour it asked for', async () => {
    const session = await openSession(parseDeviceAddress(fleet.cameras[0]!.xaddr)!, CREDENTIALS, { timeoutMs: 5000 });
    const point = await createPullPoint(session.client, 3600);
    try {
      expect(point.grantedSeconds).toBe(600);
      expect(renewAfterMs(3600, point.grantedSeconds)).toBe(300_000);
      expect(await renew(session.client, point, 60)).toBe(60);
    } finally {
      await unsubscribe(session.client, point);
    }
    expect(renewAfterMs(60, null)).toBe(30_000);
    expect(renewAfterMs(60, 600)).toBe(30_000);
  });
});

describe('the simulator raises ONVIF events over a PullPoint subscription', () => {
  it('answers every events operation with a schema-valid envelope, tamper events included', async () => {
    const replies: Record<string, string> = {};
    replies.Capabilities = (await call(`${base()}/onvif/event_service`, `<GetServiceCapabilities ${TEV}/>`)).body;
    replies.Properties = (await call(`${base()}/onvif/event_service`, `<GetEventProperties ${TEV}/>`)).body;
    const { reply, address } = await subscribe();
    replies.Create = reply.body;
    await fleet.camera(0).setFaults({ tampered: 'covered' });
    const pulled = await pull(address);
    replies.Pull = pulled.body;
    expect(pulled.body).toContain('tns1:VideoSource/GlobalSceneChange/ImagingService');
    expect(pulled.body).toContain('tns1:VideoSource/ImageTooDark/ImagingService');
    expect(pulled.body).toContain('Name="State" Value="true"');
    replies.Renew = (await call(address, `<Renew ${WSNT}><TerminationTime>PT120S</TerminationTime></Renew>`)).body;
    replies.Unsubscribe = (await call(address, `<Unsubscribe ${WSNT}/>`)).body;
    const gone = await pull(address);
    expect(gone.status).toBe(400);
    expect(gone.body).toContain('ter:ResourceUnknown');
    replies.Gone = gone.body;
    await fleet.camera(0).setFaults({ tampered: 'none' });
    const result = await validateEnvelopes(replies);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('PullMessages waits for an event up to its Timeout, and returns as soon as one comes', async () => {
    const { address } = await subscribe();
    const started = Date.now();
    const waiting = pull(address, 'PT5S');
    setTimeout(() => void fleet.camera(0).setFaults({ tampered: 'defocused' }), 300);
    const reply = await waiting;
    expect(reply.body).toContain('ImageTooBlurry');
    expect(Date.now() - started).toBeLessThan(4000);
    await fleet.camera(0).setFaults({ tampered: 'none' });
    await call(address, `<Unsubscribe ${WSNT}/>`);
  });

  it('a subscription lapses at its termination time unless renewed; a power cut ends all of them', async () => {
    const { address } = await subscribe('PT1S');
    const renewed = await subscribe('PT1S');
    await call(renewed.address, `<Renew ${WSNT}><TerminationTime>PT30S</TerminationTime></Renew>`);
    expect(fleet.openSubscriptions(0)).toBe(2);
    await new Promise((r) => setTimeout(r, 1300));
    expect((await pull(address)).body).toContain('ter:ResourceUnknown');
    expect((await pull(renewed.address)).status).toBe(200);
    await fleet.camera(0).setFaults({ offline: true });
    expect(fleet.openSubscriptions(0)).toBe(0);
    await fleet.camera(0).setFaults({ offline: false });
  });
});

describe('what a camera says it can raise (GetEventProperties), as the watch reads it', () => {
  it('a camera with tamper analytics lists the scene change among its topics; one with motion alone lists motion, and raises nothing when covered', async () => {
    const motionOnly = await startFleet({
      addressBase: block.address(1, 2),
      discovery: false,
      cameras: [{ persona: 'motion-only-events' }],
    });
    try {
      const topicsOf = async (xaddr: string) => {
        const session = await openSession(parseDeviceAddress(xaddr)!, CREDENTIALS, { timeoutMs: 5000 });
        return eventTopics(session.client);
      };
      const full = await topicsOf(fleet.cameras[0]!.xaddr);
      expect(full).toEqual(expect.arrayContaining(['VideoSource/GlobalSceneChange/ImagingService', 'VideoSource/MotionAlarm']));
      expect(announcesSceneChange(full)).toBe(true);
      const motion = await topicsOf(motionOnly.cameras[0]!.xaddr);
      expect(motion).toEqual(['VideoSource/MotionAlarm']);
      expect(announcesSceneChange(motion)).toBe(false);

      const camera = `http://${motionOnly.cameras[0]!.address}/onvif/event_service`;
      const properties = (await call(camera, `<GetEventProperties ${TEV}/>`)).body;
      const created = await call(
        camera,
        `<CreatePullPointSubscription ${TEV}><InitialTerminationTime>PT60S</InitialTerminationTime></CreatePullPointSubscription>`,
      );
      const address = /<wsa:Address>([^<]+)</.exec(created.body)![1]!;
      await motionOnly.camera(0).setFaults({ tampered: 'covered' });
      const pulled = await pull(address, 'PT1S');
      expect(pulled.status).toBe(200);
      expect(pulled.body).not.toMatch(/GlobalSceneChange|ImageTooDark/);
      await call(address, `<Unsubscribe ${WSNT}/>`);
      const result = await validateEnvelopes({ Properties: properties, Pull: pulled.body });
      expect(result.output).toBe('');
      expect(result.ok).toBe(true);
    } finally {
      await motionOnly.stop();
    }
  });
});
