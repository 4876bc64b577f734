import { createHash } from 'node:crypto';
import type { CameraIdentity, CameraState, EncoderLimits, EncoderSettings, MediaProfileSpec } from './model.js';

/** Media profiles every simulated camera has: a main and a sub stream, as most IP cameras ship. */
export const DEFAULT_PROFILES: MediaProfileSpec[] = [
  { token: 'Profile_1', name: 'MainStream', encoderToken: 'VideoEncoder_1' },
  { token: 'Profile_2', name: 'SubStream', encoderToken: 'VideoEncoder_2' },
];

export const DEFAULT_ENCODERS: EncoderSettings[] = [
  {
    token: 'VideoEncoder_1',
    name: 'MainStream',
    codec: 'H264',
    width: 1920,
    height: 1080,
    fps: 25,
    bitrateKbps: 4096,
    gop: 50,
    quality: 4,
    codecProfile: 'High',
  },
  {
    token: 'VideoEncoder_2',
    name: 'SubStream',
    codec: 'H264',
    width: 640,
    height: 360,
    fps: 15,
    bitrateKbps: 512,
    gop: 30,
    quality: 3,
    codecProfile: 'Main',
  },
];

/** What each encoder accepts; the sub stream, like on real cameras, offers only small resolutions. */
export const ENCODER_LIMITS: Record<string, EncoderLimits> = {
  VideoEncoder_1: {
    codecs: ['H264', 'H265'],
    resolutions: [
      { width: 2560, height: 1440 },
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
      { width: 704, height: 576 },
      { width: 640, height: 360 },
    ],
    fps: { min: 1, max: 25 },
    bitrateKbps: { min: 256, max: 8192 },
    gop: { min: 1, max: 150 },
    quality: { min: 1, max: 6 },
  },
  VideoEncoder_2: {
    codecs: ['H264', 'H265'],
    resolutions: [
      { width: 704, height: 576 },
      { width: 640, height: 360 },
      { width: 352, height: 288 },
    ],
    fps: { min: 1, max: 25 },
    bitrateKbps: { min: 64, max: 2048 },
    gop: { min: 1, max: 150 },
    quality: { min: 1, max: 6 },
  },
};

export const DEFAULT_VIDEO_SOURCE = { token: 'VideoSource_1', configToken: 'VideoSourceConfig_1', width: 2560, height: 1440, fps: 25 };

function digest(seed: string): Buffer {
  return createHash('sha256').update(seed).digest();
}

/** A stable identity derived from the camera's name, so a restarted fleet keeps its serials and MACs. */
export function defaultIdentity(name: string, seed = 'camfleet-sim'): CameraIdentity {
  const hash = digest(`${seed}:${name}`);
  const hex = hash.toString('hex');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((hash[8]! & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
  // 02: a locally administered unicast MAC, so it can never collide with a real vendor's.
  const mac = ['02', 'cf', ...[0, 1, 2, 3].map((i) => hash[24 + i]!.toString(16).padStart(2, '0'))].join(':');
  return {
    manufacturer: 'Camfleet Sim',
    model: 'SIM-PTZ-2',
    firmwareVersion: '2.4.1 build 260301',
    serialNumber: `CFS${hex.slice(0, 10).toUpperCase()}`,
    hardwareId: 'SIM-HW-2',
    mac,
    endpointReference: `urn:uuid:${uuid}`,
  };
}

/** A fresh camera's settings at `address`. */
export function defaultState(name: string, address: string): CameraState {
  const octets = address.split('.');
  const gateway = octets.length === 4 ? [...octets.slice(0, 3), '254'].join('.') : address;
  return {
    network: {
      dhcp: false,
      address,
      prefixLength: 24,
      gateway: [gateway],
      dnsFromDhcp: false,
      dns: [gateway],
      searchDomain: [],
      ntpFromDhcp: false,
      ntp: [],
      hostname: name,
      hostnameFromDhcp: false,
      discoverable: true,
    },
    clockOffsetMs: 0,
    dateTimeType: 'Manual',
    timezone: 'UTC0',
    encoders: DEFAULT_ENCODERS.map((e) => ({ ...e })),
    presets: [],
    nextPresetNumber: 1,
    home: { pan: 0, tilt: 0, zoom: 0 },
    position: { pan: 0, tilt: 0, zoom: 0 },
  };
}
