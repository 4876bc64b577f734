import { describe, expect, it } from 'vitest';
import { allocateAddresses } from '../../src/sim/addresses.js';
import { parseDurationMs } from '../../src/sim/duration.js';
import { parseFaultSpec, targetsCamera } from '../../src/sim/fault-spec.js';
import { sampleMotion } from '../../src/sim/ptz-motion.js';
import { posixTzOffsetMs } from '../../src/sim/timezone.js';
import { h264Sps, h265Sps } from '../../src/media/sps-write.js';
import { readH264Sps, readH265Sps } from '../../src/media/sps-read.js';
import { parseProbe, probeMatches } from '../../src/sim/discovery/probe.js';
import { probeMessage } from '../helpers/raw-probe.js';
import { DEVICE_TYPES } from '../../src/sim/discovery/messages.js';

describe('fault specs', () => {
  it('parses flags, values and targets', () => {
    expect(parseFaultSpec('offline@3')).toEqual({ changes: { offline: true }, targets: ['3'] });
    expect(parseFaultSpec('latency=200@1-3,cam-010')).toEqual({ changes: { latencyMs: 200 }, targets: ['1', '2', '3', 'cam-010'] });
    expect(parseFaultSpec('skew=-3600').changes).toEqual({ clockSkewSeconds: -3600 });
    expect(parseFaultSpec('tampered=turned').changes).toEqual({ tampered: { kind: 'turned' } });
    expect(parseFaultSpec('tampered=panned=30@2').changes).toEqual({ tampered: { kind: 'panned', degrees: 30 } });
    expect(parseFaultSpec('time=22:30').changes).toEqual({ timeOfDay: 22.5 });
    expect(targetsCamera(parseFaultSpec('offline@2'), 1, 'cam-002')).toBe(true);
    expect(targetsCamera(parseFaultSpec('offline@2'), 0, 'cam-001')).toBe(false);
  });

  it('refuses what it does not know, saying what it accepts', () => {
    expect(() => parseFaultSpec('drop=2')).toThrow(/from 0 to 1/);
    expect(() => parseFaultSpec('offline=1')).toThrow(/takes no value/);
    expect(() => parseFaultSpec('nope')).toThrow(/known faults: offline/);
    expect(() => parseFaultSpec('offline@')).toThrow(/nothing after @/);
  });
});

describe('addresses', () => {
  it('skips .0 and .255', () => {
    expect(allocateAddresses('127.0.1.253', 4)).toEqual(['127.0.1.253', '127.0.1.254', '127.0.2.1', '127.0.2.2']);
    expect(() => allocateAddresses('not-an-ip', 1)).toThrow(/not an IPv4/);
  });
});

describe('PTZ motion', () => {
  it('moves pan and tilt together at the given speed and settles', () => {
    const motion = {
      kind: 'toward' as const,
      from: { pan: 0, tilt: 0, zoom: 0 },
      to: { pan: 1, tilt: 0.5, zoom: 0 },
      startedAt: 0,
      panTiltSpeed: 1,
      zoomSpeed: 1,
    };
    expect(sampleMotion(motion, 500)).toEqual({ position: { pan: 0.5, tilt: 0.25, zoom: 0 }, panTiltMoving: true, zoomMoving: false });
    expect(sampleMotion(motion, 1000).panTiltMoving).toBe(false);
  });

  it('stops a velocity move at its timeout and at the end of the range', () => {
    const motion = {
      kind: 'velocity' as const,
      from: { pan: 0.9, tilt: 0, zoom: 0 },
      velocity: { pan: 1, tilt: 0, zoom: 0 },
      startedAt: 0,
      until: 5000,
      panTiltSpeed: 1,
      zoomSpeed: 1,
    };
    expect(sampleMotion(motion, 50).position.pan).toBeCloseTo(0.95);
    expect(sampleMotion(motion, 200)).toMatchObject({ position: { pan: 1 }, panTiltMoving: false });
  });
});

describe('small parsers', () => {
  it('reads xs:duration and POSIX time zones', () => {
    expect(parseDurationMs('PT5S')).toBe(5000);
    expect(parseDurationMs('PT0.5S')).toBe(500);
    expect(parseDurationMs('PT1M30S')).toBe(90_000);
    expect(parseDurationMs('5 seconds')).toBeUndefined();
    expect(posixTzOffsetMs('ICT-7')).toBe(7 * 3600_000);
    expect(posixTzOffsetMs('EST5EDT')).toBe(-5 * 3600_000);
    expect(posixTzOffsetMs('??', NaN)).toBeNaN();
  });
});

describe('H.264/H.265 parameter sets', () => {
  it('round-trips sizes, including cropped ones', () => {
    for (const [w, h] of [
      [1920, 1080],
      [704, 576],
      [640, 360],
      [2560, 1440],
      [352, 288],
    ] as const) {
      expect(readH264Sps(h264Sps(w, h, 25, 'High'))).toEqual({ width: w, height: h, fps: 25 });
      expect(readH264Sps(h264Sps(w, h, 15, 'Main'))).toEqual({ width: w, height: h, fps: 15 });
      expect(readH265Sps(h265Sps(w, h))).toEqual({ width: w, height: h });
    }
  });
});

describe('probe matching', () => {
  it('matches types by namespace, not by prefix', () => {
    const probe = parseProbe(
      probeMessage(undefined, 'x:NetworkVideoTransmitter').replace(
        '<d:Types>',
        '<d:Types xmlns:x="http://www.onvif.org/ver10/network/wsdl">',
      ),
    )!;
    expect(probeMatches(probe, DEVICE_TYPES, [])).toBe(true);
    const wrong = parseProbe(probeMessage(undefined, 'dn:Thing'))!;
    expect(probeMatches(wrong, DEVICE_TYPES, [])).toBe(false);
  });

  it('matches scopes by RFC 3986 path segments', () => {
    const probe = parseProbe(probeMessage().replace('</d:Types>', '</d:Types><d:Scopes>onvif://www.onvif.org/location/ward</d:Scopes>'))!;
    expect(probeMatches(probe, DEVICE_TYPES, ['onvif://www.onvif.org/location/ward/gate'])).toBe(true);
    expect(probeMatches(probe, DEVICE_TYPES, ['onvif://www.onvif.org/location/wardens'])).toBe(false);
  });
});
