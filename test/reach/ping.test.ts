import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../src/credentials/secret.js';
import { parseDeviceAddress } from '../../src/net/endpoint.js';
import { healthOf } from '../../src/reach/health.js';
import { IcmpProber } from '../../src/reach/icmp.js';
import { pingAll, type PingResult } from '../../src/reach/ping.js';
import { startFleet, type Fleet } from '../../src/sim/index.js';
import { reserveBlock } from '../helpers/address-block.js';

const block = reserveBlock();

const credentials = { username: 'admin', password: new Secret('camfleet'), source: 'test' };
let fleet: Fleet;
let results: PingResult[];

beforeAll(async () => {
  fleet = await startFleet({
    count: 8,
    addressBase: `127.${block.octet}.50.1`,
    discovery: false,
    cameras: [
      {},
      { faults: { offline: true } },
      { faults: { wrongPassword: true } },
      { faults: { httpDown: true } },
      { faults: { clockSkewSeconds: 3600 } },
      { faults: { latencyMs: 400 } },
      { faults: { rtspDown: true } },
      { auth: 'digest' },
    ],
  });
  // The camera with added latency is pinged with a threshold below it (always slow); the others with one no
  // busy machine reaches, so a healthy camera is never 'slow' because the suite shares the cores with a benchmark.
  const icmp = new IcmpProber();
  const ping = (names: (name: string) => boolean, slowMs: number) =>
    pingAll(
      fleet.cameras.filter((c) => names(c.name)).map((c) => ({ target: c.name, endpoint: parseDeviceAddress(c.xaddr)!, credentials })),
      { timeoutMs: 3000, concurrency: 8, rtspPort: fleet.cameras[0]!.rtspPort, maxSkewSeconds: 5, slowMs, icmp },
    );
  try {
    const [others, slow] = await Promise.all([ping((n) => n !== 'cam-006', 60_000), ping((n) => n === 'cam-006', 300)]);
    results = [...others, ...slow];
  } finally {
    icmp.close();
  }
});
afterAll(() => fleet.stop());

const result = (name: string) => results.find((r) => r.target === name)!;

describe('camfleet ping: each health state and warning from the matching simulator fault', () => {
  it('a healthy camera: ok, WS-Security, its main stream described', () => {
    expect(result('cam-001')).toMatchObject({ state: 'ok', warnings: [], auth: 'ws-security', tcp: { onvif: true, rtsp: true } });
    expect(result('cam-001').stream).toMatchObject({ codec: 'H264', width: 1920, height: 1080 });
    expect(Math.abs(result('cam-001').clockSkewSeconds!)).toBeLessThan(1.5);
  });

  it('offline → unreachable (on loopback the kernel answers ICMP for every address, so ICMP does not count)', () => {
    expect(result('cam-002')).toMatchObject({ state: 'unreachable', tcp: { onvif: false, rtsp: false } });
  });

  it('wrong password → auth-failed', () => {
    expect(result('cam-003')).toMatchObject({ state: 'auth-failed', auth: 'failed' });
  });

  it('no HTTP (RTSP still up) → onvif-down', () => {
    expect(result('cam-004')).toMatchObject({ state: 'onvif-down', tcp: { onvif: false, rtsp: true } });
  });

  it('a clock an hour off → ok with a clock-skew warning, still authenticated', () => {
    expect(result('cam-005')).toMatchObject({ state: 'ok', warnings: ['clock-skew'], auth: 'ws-security' });
    expect(result('cam-005').clockSkewSeconds).toBeGreaterThan(3590);
  });

  it('latency → slow', () => {
    expect(result('cam-006')).toMatchObject({ state: 'ok', warnings: ['slow'] });
  });

  it('RTSP down → stream-down', () => {
    expect(result('cam-007')).toMatchObject({ state: 'ok', warnings: ['stream-down'] });
  });

  it('a digest-only camera reports the auth mode that worked', () => {
    expect(result('cam-008')).toMatchObject({ state: 'ok', auth: 'digest' });
  });

  it('a timeout returns within the configured limit', async () => {
    const dropping = await startFleet({ count: 1, addressBase: `127.${block.octet}.51.1`, discovery: false, faults: { dropRate: 1 } });
    try {
      const started = Date.now();
      const icmp = new IcmpProber();
      const [r] = await pingAll([{ target: 'x', endpoint: parseDeviceAddress(dropping.cameras[0]!.xaddr)!, credentials }], {
        timeoutMs: 500,
        concurrency: 1,
        rtspPort: 554,
        maxSkewSeconds: 5,
        slowMs: 1000,
        icmp,
      }).finally(() => icmp.close());
      expect(r!.state).toBe('onvif-down');
      expect(r!.errors.join(' ')).toMatch(/no answer within 500 ms/);
      // Each step is bounded; the whole check of a silent camera ends a little after the limit, not at 120 s.
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await dropping.stop();
    }
  });
});

describe('ICMP only when the ONVIF port is closed (what reconciliation asks for)', () => {
  class RecordingProber extends IcmpProber {
    readonly asked: string[] = [];
    override probe(ip: string, timeoutMs: number) {
      this.asked.push(ip);
      return super.probe(ip, timeoutMs);
    }
  }

  it('probes the offline camera and the one without HTTP, not the ones whose port answered; the states are those of ping', async () => {
    const prober = new RecordingProber();
    const picked = ['cam-001', 'cam-002', 'cam-004', 'cam-005'].map((name) => fleet.cameras.find((c) => c.name === name)!);
    const r = await pingAll(
      picked.map((c) => ({ target: c.name, endpoint: parseDeviceAddress(c.xaddr)!, credentials })),
      {
        timeoutMs: 3000,
        concurrency: 4,
        rtspPort: fleet.cameras[0]!.rtspPort,
        maxSkewSeconds: 5,
        slowMs: 60_000,
        icmp: prober,
        icmpWhen: 'port-closed',
      },
    );
    prober.close();
    expect(prober.asked.sort()).toEqual([picked[1]!, picked[2]!].map((c) => parseDeviceAddress(c.xaddr)!.host).sort());
    expect(r.map((x) => [x.target, x.state])).toEqual([
      ['cam-001', 'ok'],
      ['cam-002', 'unreachable'],
      ['cam-004', 'onvif-down'],
      ['cam-005', 'ok'],
    ]);
  });
});

describe('health decision (pure)', () => {
  const base = {
    icmp: 'reply' as const,
    onvifPortOpen: true,
    rtspPortOpen: true,
    onvifAnswered: true,
    onvifMs: 10,
    auth: 'ok' as const,
    stream: 'ok' as const,
    clockSkewSeconds: 0,
  };
  const t = { maxSkewSeconds: 5, slowMs: 1000 };
  it('follows the rules', () => {
    expect(healthOf(base, t)).toEqual({ state: 'ok', warnings: [] });
    expect(healthOf({ ...base, onvifAnswered: false, onvifPortOpen: false, rtspPortOpen: false }, t).state).toBe('onvif-down');
    expect(healthOf({ ...base, icmp: 'no-reply', onvifAnswered: false, onvifPortOpen: false, rtspPortOpen: false }, t).state).toBe(
      'unreachable',
    );
    expect(healthOf({ ...base, icmp: 'uninformative', onvifAnswered: false, onvifPortOpen: false, rtspPortOpen: false }, t).state).toBe(
      'unreachable',
    );
    expect(healthOf({ ...base, auth: 'no-credentials' }, t)).toEqual({ state: 'ok', warnings: ['no-credentials'] });
    expect(healthOf({ ...base, icmp: 'unavailable', clockSkewSeconds: -9 }, t).warnings).toEqual(['clock-skew', 'icmp-unavailable']);
  });
});
