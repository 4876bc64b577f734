import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readH264Sps, readH265Sps } from '../../src/media/sps-read.js';
import { startFleet, type Fleet } from '../../src/sim/index.js';
import { answerChallenge } from '../helpers/digest.js';
import { rawProbe, endpointOf } from '../helpers/raw-probe.js';
import { rtspRequest } from '../helpers/rtsp-client.js';
import { call, post, envelope } from '../helpers/soap-client.js';
import { reserveBlock } from '../helpers/address-block.js';

const block = reserveBlock();

const INFO = '<GetDeviceInformation xmlns="http://www.onvif.org/ver10/device/wsdl"/>';
const TT = 'xmlns:tt="http://www.onvif.org/ver10/schema"';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let fleet: Fleet;

beforeAll(async () => {
  fleet = await startFleet({
    count: 8,
    addressBase: `127.${block.octet}.16.1`,
    cameras: [
      {},
      { faults: { latencyMs: 300 } },
      { faults: { dropRate: 1 } },
      { faults: { malformedXml: true } },
      { faults: { httpDown: true } },
      { faults: { rtspDown: true } },
      { encoders: { VideoEncoder_1: { codec: 'H265', codecProfile: 'Main', width: 2560, height: 1440 } } },
      {},
    ],
  });
});
afterAll(() => fleet.stop());

describe('RTSP', () => {
  async function describeStream(uri: string) {
    const first = await rtspRequest(uri, 'DESCRIBE', { Accept: 'application/sdp' });
    expect(first.status).toBe(401);
    const challenge = first.headers['www-authenticate']![0]!;
    return rtspRequest(uri, 'DESCRIBE', {
      Accept: 'application/sdp',
      Authorization: answerChallenge(challenge, 'DESCRIBE', uri, 'admin', 'camfleet'),
    });
  }

  it('answers OPTIONS, and DESCRIBE with Digest and an SDP whose SPS matches the encoder', async () => {
    const uri = fleet.cameras[0]!.streamUri;
    const options = await rtspRequest(uri, 'OPTIONS');
    expect(options.status).toBe(200);
    expect(options.headers.public![0]).toContain('DESCRIBE');
    const reply = await describeStream(uri);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']![0]).toBe('application/sdp');
    expect(reply.body).toContain('a=rtpmap:96 H264/90000');
    const sps = /sprop-parameter-sets=([^,;\r]+)/.exec(reply.body)![1]!;
    expect(readH264Sps(Buffer.from(sps, 'base64'))).toEqual({ width: 1920, height: 1080, fps: 25 });
  });

  it('describes an H.265 stream with its VPS/SPS/PPS', async () => {
    const reply = await describeStream(fleet.cameras[6]!.streamUri);
    expect(reply.body).toContain('a=rtpmap:96 H265/90000');
    const sps = /sprop-sps=([^;\r]+)/.exec(reply.body)![1]!;
    expect(readH265Sps(Buffer.from(sps, 'base64'))).toEqual({ width: 2560, height: 1440 });
  });

  it('refuses connections when the RTSP service is down, while ONVIF still answers', async () => {
    await expect(rtspRequest(fleet.cameras[5]!.streamUri, 'OPTIONS')).rejects.toThrow(/ECONNREFUSED/);
    expect((await call(fleet.cameras[5]!.xaddr, INFO)).status).toBe(200);
  });
});

describe('faults', () => {
  it('adds latency to every answer', async () => {
    const started = Date.now();
    expect((await call(fleet.cameras[1]!.xaddr, INFO)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('leaves requests unanswered at a drop rate of 1', async () => {
    await expect(post(fleet.cameras[2]!.xaddr, envelope(INFO), {}, 400)).rejects.toThrow(/timeout/);
  });

  it('sends XML that is not well-formed', async () => {
    const reply = await call(fleet.cameras[3]!.xaddr, INFO);
    expect(reply.status).toBe(200);
    expect(reply.body).not.toContain('</env:Envelope>');
  });

  it('answers discovery but not HTTP when its web server is down', async () => {
    const camera = fleet.cameras[4]!;
    const replies = await rawProbe([camera.address], 300);
    expect(endpointOf(replies[0]!.xml)).toBe(camera.endpointReference);
    await expect(call(camera.xaddr, INFO)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('goes offline and comes back at run time', async () => {
    const camera = fleet.camera(0);
    await camera.setFaults({ offline: true });
    await expect(call(camera.info().xaddr, INFO)).rejects.toThrow(/ECONNREFUSED/);
    await camera.setFaults({ offline: false });
    expect((await call(camera.info().xaddr, INFO)).status).toBe(200);
  });
});

describe('network settings', () => {
  it('moves a camera to the address SetNetworkInterfaces gives it', async () => {
    const before = fleet.cameras[7]!;
    const reply = await call(
      before.xaddr,
      `<SetNetworkInterfaces xmlns="http://www.onvif.org/ver10/device/wsdl"><InterfaceToken>eth0</InterfaceToken><NetworkInterface><tt:IPv4 ${TT}><tt:Enabled>true</tt:Enabled><tt:Manual><tt:Address>127.${block.octet}.16.200</tt:Address><tt:PrefixLength>24</tt:PrefixLength></tt:Manual><tt:DHCP>false</tt:DHCP></tt:IPv4></NetworkInterface></SetNetworkInterfaces>`,
    );
    expect(reply.body).toContain('<tds:RebootNeeded>true</tds:RebootNeeded>');
    await sleep(300);
    expect(fleet.cameras[7]!.xaddr).toBe(`http://127.${block.octet}.16.200/onvif/device_service`);
    await expect(call(before.xaddr, INFO)).rejects.toThrow(/ECONNREFUSED/);
    const moved = await call(`http://127.${block.octet}.16.200/onvif/device_service`, INFO);
    expect(moved.body).toContain(before.serialNumber);
    const probe = await rawProbe([`127.${block.octet}.16.200`], 300);
    expect(probe[0]!.xml).toContain(`http://127.${block.octet}.16.200/onvif/device_service`);
  });
});

describe('state file and single-address mode', () => {
  it('keeps presets and settings across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'camfleet-state-'));
    const statePath = join(dir, 'sim-state.json');
    try {
      const first = await startFleet({ count: 1, addressBase: `127.${block.octet}.17.1`, discovery: false, statePath });
      await call(
        first.cameras[0]!.xaddr.replace('device', 'ptz'),
        '<SetPreset xmlns="http://www.onvif.org/ver20/ptz/wsdl"><ProfileToken>Profile_1</ProfileToken><PresetName>gate</PresetName></SetPreset>',
      );
      await call(
        first.cameras[0]!.xaddr,
        '<SetHostname xmlns="http://www.onvif.org/ver10/device/wsdl"><Name>gate-cam</Name></SetHostname>',
      );
      await first.stop();
      expect(JSON.parse(await readFile(statePath, 'utf8')).cameras['cam-001'].network.hostname).toBe('gate-cam');
      const second = await startFleet({ count: 1, addressBase: `127.${block.octet}.17.1`, discovery: false, statePath });
      const presets = await call(
        second.cameras[0]!.xaddr.replace('device', 'ptz'),
        '<GetPresets xmlns="http://www.onvif.org/ver20/ptz/wsdl"><ProfileToken>Profile_1</ProfileToken></GetPresets>',
      );
      expect(presets.body).toContain('<tt:Name>gate</tt:Name>');
      await second.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('puts every camera on one address with consecutive ports', async () => {
    const single = await startFleet({ count: 3, singleAddress: `127.${block.octet}.17.50`, port: 0, rtspPort: 0, discovery: false });
    try {
      const ports = single.cameras.map((c) => c.port);
      expect(new Set(single.cameras.map((c) => c.address))).toEqual(new Set([`127.${block.octet}.17.50`]));
      expect(new Set(ports).size).toBe(3);
      for (const camera of single.cameras) expect((await call(camera.xaddr, INFO)).body).toContain(camera.serialNumber);
    } finally {
      await single.stop();
    }
  });
});
