import sharp from 'sharp';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../src/sim/index.js';
import { answerChallenge, challengesOf } from '../helpers/digest.js';
import { call } from '../helpers/soap-client.js';
import { reserveBlock } from '../helpers/address-block.js';

const block = reserveBlock();

const PTZ = 'xmlns="http://www.onvif.org/ver20/ptz/wsdl"';
const TT = 'xmlns:tt="http://www.onvif.org/ver10/schema"';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let fleet: Fleet;
const ptzUrl = (i: number) => `http://${fleet.cameras[i]!.address}/onvif/ptz_service`;

async function status(i: number) {
  const body = (await call(ptzUrl(i), `<GetStatus ${PTZ}><ProfileToken>Profile_1</ProfileToken></GetStatus>`)).body;
  const pt = /<tt:PanTilt x="([^"]+)" y="([^"]+)"/.exec(body)!;
  const zoom = /<tt:Zoom x="([^"]+)"/.exec(body)!;
  const moving = /<tt:MoveStatus><tt:PanTilt>(\w+)<\/tt:PanTilt><tt:Zoom>(\w+)/.exec(body)!;
  return { pan: Number(pt[1]), tilt: Number(pt[2]), zoom: Number(zoom[1]), panTilt: moving[1], zoomStatus: moving[2] };
}

const absolute = (i: number, pan: number, tilt: number, zoom: number) =>
  call(
    ptzUrl(i),
    `<AbsoluteMove ${PTZ}><ProfileToken>Profile_1</ProfileToken><Position><tt:PanTilt ${TT} x="${pan}" y="${tilt}"/><tt:Zoom ${TT} x="${zoom}"/></Position></AbsoluteMove>`,
  );

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; rawHeaders: string[]; body: Buffer; type?: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          rawHeaders: res.rawHeaders,
          body: Buffer.concat(chunks),
          type: res.headers['content-type'],
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

async function snapshot(i: number): Promise<Buffer> {
  const url = fleet.cameras[i]!.snapshotUri;
  const first = await get(url);
  expect(first.status).toBe(401);
  const { pathname, search } = new URL(url);
  const reply = await get(url, {
    Authorization: answerChallenge(challengesOf(first.rawHeaders)[0]!, 'GET', pathname + search, 'admin', 'camfleet'),
  });
  expect(reply.status).toBe(200);
  expect(reply.type).toBe('image/jpeg');
  return reply.body;
}

/** Mean difference of two pictures at 64×36 grey: sensor noise averages out, a change of view does not. */
async function meanDifference(a: Buffer, b: Buffer): Promise<number> {
  const [ma, mb] = await Promise.all([sharp(a).metadata(), sharp(b).metadata()]);
  expect([ma.width, ma.height]).toEqual([mb.width, mb.height]);
  const small = (x: Buffer) => sharp(x).resize(64, 36, { fit: 'fill' }).greyscale().raw().toBuffer();
  const [x, y] = await Promise.all([small(a), small(b)]);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs(x[i]! - y[i]!);
  return sum / x.length;
}

beforeAll(async () => {
  fleet = await startFleet({
    count: 5,
    addressBase: `127.${block.octet}.15.1`,
    discovery: false,
    ptzSpeed: 2,
    cameras: [
      {},
      { faults: { noPtz: true } },
      { faults: { noAbsoluteMove: true } },
      { faults: { ignoreEncoderChanges: true } },
      { faults: { tampered: 'covered' } },
    ],
  });
});
afterAll(() => fleet.stop());

describe('PTZ', () => {
  it('refuses a position outside the generic spaces with ter:InvalidPosition, as the PTZ specification asks', async () => {
    const before = await status(0);
    const reply = await absolute(0, 2, -0.5, 0.5);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatch(/ter:InvalidArgVal.*ter:InvalidPosition/s);
    expect((await status(0)).pan).toBe(before.pan);
  });

  it('moves take time: MOVING, then IDLE at the target', async () => {
    await absolute(0, 1, -0.5, 0.5);
    const during = await status(0);
    expect(during.panTilt).toBe('MOVING');
    expect(during.pan).toBeGreaterThan(0);
    expect(during.pan).toBeLessThan(1);
    await sleep(700);
    const after = await status(0);
    expect(after).toMatchObject({ pan: 1, tilt: -0.5, zoom: 0.5, panTilt: 'IDLE', zoomStatus: 'IDLE' });
  });

  it('continuous moves advance with time, honour Timeout, and Stop freezes them', async () => {
    await absolute(0, 0, 0, 0);
    await sleep(600);
    await call(
      ptzUrl(0),
      `<ContinuousMove ${PTZ}><ProfileToken>Profile_1</ProfileToken><Velocity><tt:PanTilt ${TT} x="0.5" y="0"/></Velocity><Timeout>PT0.3S</Timeout></ContinuousMove>`,
    );
    await sleep(100);
    const early = await status(0);
    expect(early.panTilt).toBe('MOVING');
    await sleep(400);
    const done = await status(0);
    expect(done.panTilt).toBe('IDLE');
    expect(done.pan).toBeCloseTo(0.3, 1);
    await call(
      ptzUrl(0),
      `<ContinuousMove ${PTZ}><ProfileToken>Profile_1</ProfileToken><Velocity><tt:PanTilt ${TT} x="-1" y="0"/></Velocity></ContinuousMove>`,
    );
    await sleep(100);
    await call(ptzUrl(0), `<Stop ${PTZ}><ProfileToken>Profile_1</ProfileToken></Stop>`);
    const stopped = await status(0);
    await sleep(200);
    expect((await status(0)).pan).toBe(stopped.pan);
    expect(stopped.panTilt).toBe('IDLE');
  });

  it('SetPreset with a token updates in place; without one it creates, even a duplicate name', async () => {
    const set = async (extra: string) =>
      /<tptz:PresetToken>([^<]+)</.exec(
        (await call(ptzUrl(0), `<SetPreset ${PTZ}><ProfileToken>Profile_1</ProfileToken><PresetName>gate</PresetName>${extra}</SetPreset>`))
          .body,
      )![1];
    const token = await set('');
    expect(await set(`<PresetToken>${token}</PresetToken>`)).toBe(token);
    const presets = async () =>
      (await call(ptzUrl(0), `<GetPresets ${PTZ}><ProfileToken>Profile_1</ProfileToken></GetPresets>`)).body.match(/<tt:Name>gate</g)
        ?.length ?? 0;
    expect(await presets()).toBe(1);
    await set('');
    expect(await presets()).toBe(2);
    const bad = await call(ptzUrl(0), `<SetPreset ${PTZ}><ProfileToken>Profile_1</ProfileToken><PresetToken>999</PresetToken></SetPreset>`);
    expect(bad.body).toContain('ter:NoToken');
  });

  it('a camera without PTZ leaves it out of GetServices and refuses PTZ calls', async () => {
    const services = await call(
      fleet.cameras[1]!.xaddr,
      '<GetServices xmlns="http://www.onvif.org/ver10/device/wsdl"><IncludeCapability>false</IncludeCapability></GetServices>',
    );
    expect(services.body).not.toContain('<tds:Namespace>http://www.onvif.org/ver20/ptz/wsdl');
    expect(services.body).toContain('<tds:Namespace>http://www.onvif.org/ver20/media/wsdl');
    const refused = await call(ptzUrl(1), `<GetStatus ${PTZ}><ProfileToken>Profile_1</ProfileToken></GetStatus>`);
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('ter:ActionNotSupported');
  });

  it('a camera without AbsoluteMove refuses it but moves relatively', async () => {
    const refused = await absolute(2, 0.5, 0, 0);
    expect(refused.body).toContain('ter:ActionNotSupported');
    const nodes = await call(ptzUrl(2), `<GetNodes ${PTZ}/>`);
    expect(nodes.body).not.toContain('AbsolutePanTiltPositionSpace');
    expect(nodes.body).toContain('RelativePanTiltTranslationSpace');
    expect(
      (
        await call(
          ptzUrl(2),
          `<RelativeMove ${PTZ}><ProfileToken>Profile_1</ProfileToken><Translation><tt:PanTilt ${TT} x="0.1" y="0"/></Translation></RelativeMove>`,
        )
      ).status,
    ).toBe(200);
  });
});

describe('encoder settings', () => {
  const setSub = (i: number, width: number, height: number) =>
    call(
      `http://${fleet.cameras[i]!.address}/onvif/media2_service`,
      `<SetVideoEncoderConfiguration xmlns="http://www.onvif.org/ver20/media/wsdl"><Configuration token="VideoEncoder_2" GovLength="30" Profile="Main"><tt:Name ${TT}>SubStream</tt:Name><tt:UseCount ${TT}>1</tt:UseCount><tt:Encoding ${TT}>H264</tt:Encoding><tt:Resolution ${TT}><tt:Width>${width}</tt:Width><tt:Height>${height}</tt:Height></tt:Resolution><tt:RateControl ${TT}><tt:FrameRateLimit>15</tt:FrameRateLimit><tt:BitrateLimit>512</tt:BitrateLimit></tt:RateControl><tt:Quality ${TT}>3</tt:Quality></Configuration></SetVideoEncoderConfiguration>`,
    );
  const subResolution = async (i: number) =>
    /token="VideoEncoder_2".*?<tt:Width>(\d+)<\/tt:Width><tt:Height>(\d+)/
      .exec(
        (
          await call(
            `http://${fleet.cameras[i]!.address}/onvif/media2_service`,
            '<GetVideoEncoderConfigurations xmlns="http://www.onvif.org/ver20/media/wsdl"/>',
          )
        ).body,
      )!
      .slice(1)
      .join('x');

  it('applies a supported setting and refuses an unsupported one with ter:ConfigModify', async () => {
    expect((await setSub(0, 704, 576)).status).toBe(200);
    expect(await subResolution(0)).toBe('704x576');
    const refused = await setSub(0, 1920, 1080);
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('ter:ConfigModify');
    expect(await subResolution(0)).toBe('704x576');
  });

  it('a camera with the ignore-encoder fault says OK and changes nothing', async () => {
    expect((await setSub(3, 704, 576)).status).toBe(200);
    expect(await subResolution(3)).toBe('640x360');
  });
});

describe('snapshots', () => {
  it('are JPEGs of what the camera looks at: re-aiming changes the picture', async () => {
    await absolute(0, -0.6, 0, 0);
    await sleep(1200);
    const before = await snapshot(0);
    expect(before.subarray(0, 2).toString('hex')).toBe('ffd8');
    // The same aim: only sensor noise and what moves in the street differ.
    expect(await meanDifference(before, await snapshot(0))).toBeLessThan(3);
    await absolute(0, 0.4, -0.2, 0.6);
    await sleep(1200);
    expect(await meanDifference(before, await snapshot(0))).toBeGreaterThan(6);
  });

  it('show a covered lens on a tampered camera', async () => {
    const covered = await sharp(await snapshot(4))
      .greyscale()
      .raw()
      .toBuffer();
    let bright = 0;
    for (let i = 0; i < covered.length; i++) if (covered[i]! > 60) bright++;
    expect(bright / covered.length).toBeLessThan(0.01);
  });
});
