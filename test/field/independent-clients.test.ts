import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../src/sim/index.js';
import { reserveBlock } from '../helpers/address-block.js';
import { canUseNetns, createNetnsPair, netnsSpawn, type NetnsPair } from '../helpers/netns.js';

// Clients nobody here wrote, installed from Debian by .ci/run, against the simulator: each test fails
// when the client rejects the simulator. A missing client fails the test (CI installs them all).
const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const SCHEMAS = resolve(root, '../shared/onvif-schemas');
const ZEEP_CLIENT = resolve(root, 'test/helpers/zeep-client.py');
// Debian's python3-zeep is in the system interpreter, whatever python3 comes first on PATH.
const PYTHON = '/usr/bin/python3';

async function installed(path: string, what: string): Promise<void> {
  await access(path).catch(() => {
    throw new Error(`${what} is not installed (${path}); .ci/run installs it with apt-get`);
  });
}

const block = reserveBlock();
let fleet: Fleet;
const cam = (i: number) => fleet.cameras[i]!;

beforeAll(async () => {
  fleet = await startFleet({
    addressBase: block.address(1, 1),
    standardPorts: false,
    port: 0,
    rtspPort: 0,
    discovery: false,
    ptzSpeed: 50,
    cameras: [{ persona: 'strict' }, { persona: 'close-after-reply' }, { persona: 'digest-md5-only' }],
  });
});
afterAll(async () => {
  await fleet.stop();
  block.release();
});

describe('python3-zeep with the official WSDLs', () => {
  type Results = Record<string, { ok: boolean; value?: unknown; error?: string }>;
  const zeep = async (i: number, password = 'camfleet'): Promise<Results> => {
    await installed(PYTHON, 'python3');
    const { stdout } = await run(PYTHON, [ZEEP_CLIENT, SCHEMAS, `${cam(i).address}:${cam(i).port}`, 'admin', password], {
      timeout: 60_000,
    }).catch((err: { stderr?: string }) => {
      throw new Error(`zeep could not start: ${err.stderr}`);
    });
    return JSON.parse(stdout) as Results;
  };

  for (const [i, persona] of [
    [0, 'strict'],
    [1, 'close-after-reply'],
  ] as const) {
    it(`reads and parses device, media, media2 and PTZ replies with UsernameToken digest (${persona})`, async () => {
      const results = await zeep(i);
      const failed = Object.entries(results).filter(([, r]) => !r.ok);
      expect(failed, JSON.stringify(failed, null, 1)).toEqual([]);
      expect(results.GetDeviceInformation!.value).toMatchObject({ SerialNumber: cam(i).serialNumber });
      expect(results['Media.GetProfiles']!.value).toEqual(['Profile_1', 'Profile_2']);
      expect(results['Media2.GetStreamUri']!.value).toMatch(/^rtsp:\/\//);
      expect(results['PTZ.GetPresets']!.value).toContain('zeep-road');
      expect(Object.keys(results)).toHaveLength(17);
    }, 60_000);
  }

  it('gets the fault of a wrong password (the control: a refusal shows here)', async () => {
    const results = await zeep(0, 'wrong');
    expect(results.GetDeviceInformation!.ok).toBe(false);
    expect(results.GetDeviceInformation!.error).toMatch(/Fault/);
    expect(results.GetSystemDateAndTime!.ok).toBe(true);
  }, 60_000);
});

describe('ffprobe (FFmpeg) over RTSP', () => {
  const ffprobe = async (i: number, password: string) => {
    await installed('/usr/bin/ffprobe', 'ffprobe (Debian ffmpeg)');
    const url = `rtsp://admin:${password}@${cam(i).address}:${cam(i).rtspPort}/stream/Profile_1`;
    // The simulator describes streams and sends no media: SETUP gets 501, so ffprobe exits non-zero
    // after DESCRIBE; what it logged of the exchange and the SDP is the evidence.
    const result = await run('/usr/bin/ffprobe', ['-v', 'trace', '-rtsp_transport', 'tcp', '-timeout', '5000000', url], {
      timeout: 30_000,
    }).catch((err: { stderr: string; code: number }) => err);
    return result.stderr;
  };

  for (const [i, persona] of [
    [0, 'strict'],
    [2, 'digest-md5-only'],
  ] as const) {
    it(`answers DESCRIBE with Digest and an SDP that FFmpeg parses into H.264 with its parameter sets (${persona})`, async () => {
      const log = await ffprobe(i, 'camfleet');
      expect(log).toMatch(/WWW-Authenticate: Digest realm=/);
      expect(log).toMatch(/^Authorization: Digest username="admin"/m);
      expect(log).toMatch(/line='RTSP\/1\.0 200 OK'[\s\S]*a=rtpmap:96 H264\/90000/);
      expect(log).toContain('video codec set to: h264');
      expect(log).toMatch(/RTP Profile IDC: 64 Profile IOP: 0 Level: 28/);
      expect(log).toMatch(/Extradata set to 0x[0-9a-f]+ \(size: \d+\)/);
      expect(log).toContain('method SETUP failed: 501 Not Implemented');
    }, 60_000);
  }

  it('is refused with a wrong password, and gets no SDP (the control)', async () => {
    const log = await ffprobe(0, 'wrong');
    expect(log).toMatch(/401 Unauthorized/);
    expect(log).not.toContain('video codec set to');
  }, 60_000);
});

describe('onvif-util (libonvif, Debian onvif-tools) in a network namespace', () => {
  // onvif-util finds a camera by multicast WS-Discovery even when given its address, so it runs in
  // namespaces made for the test: its multicast never leaves them.
  let pair: NetnsPair | undefined;
  const sims: Awaited<ReturnType<typeof netnsSpawn>>[] = [];
  beforeAll(async () => {
    if (!(await canUseNetns())) return;
    pair = await createNetnsPair('ou', '10.77.3');
  });
  afterAll(async () => {
    for (const sim of sims) sim.child.kill('SIGTERM');
    await pair?.destroy();
  });

  const startSim = async (persona: string) => {
    const { a } = pair!;
    for (const s of sims.splice(0)) s.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    const sim = await netnsSpawn(a.ns, [
      process.execPath,
      resolve(root, 'bin/camfleet.js'),
      'sim',
      '--json',
      '--count',
      '1',
      '--address-base',
      a.address,
      '--interface',
      a.address,
      '--no-ssdp',
      '--persona',
      persona,
    ]);
    sims.push(sim);
    return JSON.parse(sim.firstLine).cameras[0] as { address: string; serialNumber: string };
  };
  const onvifUtil = async (args: string[], input = '') => {
    await installed('/usr/bin/onvif-util', 'onvif-util (Debian onvif-tools)');
    return new Promise<{ code: number | null; out: string }>((done) => {
      const child = execFile(
        'ip',
        ['netns', 'exec', pair!.b.ns, '/usr/bin/onvif-util', ...args],
        { timeout: 20_000 },
        (err, stdout, stderr) => done({ code: err ? ((err as { code?: number }).code ?? null) : 0, out: stdout + stderr }),
      );
      child.stdin!.end(input);
    });
  };

  it('needs root and iproute2 to make the namespaces (CI has both)', async () => {
    expect(await canUseNetns(), 'run the tests as root with iproute2 installed').toBe(true);
  });

  it('discovers the camera, then reads device info, profiles and the stream URI with authentication', async () => {
    const camera = await startSim('replay-tolerant');
    const found = await onvifUtil(['-a']);
    expect(found.out).toContain(`${camera.address} (cam-001 SIM-PTZ-2)`);
    // libonvif seeds its probe MessageIDs with the second, and the simulator answers a repeated
    // MessageID once (SOAP-over-UDP retransmission): a second onvif-util in the same second is unanswered.
    await new Promise((r) => setTimeout(r, 1100));
    const session = await onvifUtil(['-u', 'admin', '-p', 'camfleet', camera.address], 'get profiles\nget rtsp\nquit\n');
    expect(session.out, `exit ${session.code}: ${session.out}`).toContain('successfully connected to host');
    expect(session.out).toContain(`serial: ${camera.serialNumber}`);
    expect(session.out).toMatch(/Token 0: Profile_1\s+Token 1: Profile_2/);
    expect(session.out).toContain(`rtsp://${camera.address}/stream/Profile_1`);
    expect(session.code).toBe(0);
  }, 60_000);

  it("a strict camera refuses libonvif's reused nonce, as the field's strict devices do", async () => {
    const camera = await startSim('strict');
    const session = await onvifUtil(['-u', 'admin', '-p', 'camfleet', camera.address], 'get profiles\nquit\n');
    expect(session.out).toContain('ter:NotAuthorized');
  }, 60_000);
});
