import { describe, expect, it } from 'vitest';
import type { EncoderConfig } from '../../src/onvif/media.js';
import type { FixAction, Observation } from '../../src/reconcile/model.js';
import { verifyAction } from '../../src/reconcile/verify.js';

// verifyAction, table-driven: whether a fix took effect, judged from what the camera reads back afterwards.
// A camera that answered OK and changed nothing ("accepted but not applied") must never pass.
const encoder: EncoderConfig = {
  token: 'enc1',
  name: 'Main',
  codec: 'H264',
  width: 1920,
  height: 1080,
  fps: 25,
  bitrateKbps: 4096,
  gop: 50,
  quality: 5,
  profile: undefined,
};
const after: Observation = {
  pointId: 'p',
  address: '127.0.0.1',
  state: 'ok',
  errors: [],
  identity: null,
  clock: { skewSeconds: 1, mode: 'NTP', timezone: 'ICT-7' },
  network: { dhcp: false, address: '10.0.0.5', prefixLength: 24, gateway: ['10.0.0.1'], dns: ['10.0.0.1'], ntp: ['pool.ntp.org'] },
  profiles: [{ token: 'Profile_1', name: 'MainStream', encoder, hasPtz: true }],
  encoderOptions: {},
  ptz: true,
  presets: [
    { token: '1', name: 'road', position: { pan: 0.2, tilt: -0.1, zoom: 0.3 } },
    { token: '2', name: 'gate', position: { pan: -0.5, tilt: 0, zoom: 0 } },
  ],
  position: { pan: 0.2, tilt: -0.1, zoom: 0.3 },
  stream: null,
  view: null,
  recording: null,
  failedReads: [],
};
const road = { pan: 0.2, tilt: -0.1, zoom: 0.3 };

type Row = [string, FixAction, Partial<Observation>, boolean | null, RegExp | null];
const rows: Row[] = [
  ['a preset saved where asked', { type: 'set-preset', name: 'road', position: road, tolerance: 0.02, token: null }, {}, true, null],
  [
    'a preset saved elsewhere',
    { type: 'set-preset', name: 'road', position: { ...road, pan: 0.6 }, tolerance: 0.02, token: null },
    {},
    false,
    /off by 0\.4/,
  ],
  [
    'a preset the camera forgot',
    { type: 'set-preset', name: 'alley', position: road, tolerance: 0.02, token: null },
    {},
    false,
    /no preset 'alley'/,
  ],
  [
    'a preset saved twice under one name',
    { type: 'set-preset', name: 'road', position: road, tolerance: 0.02, token: null },
    { presets: [...after.presets!, { token: '3', name: 'road', position: road }] },
    false,
    /2 presets named 'road'/,
  ],
  [
    'a preset with a non-finite position',
    { type: 'set-preset', name: 'road', position: road, tolerance: 0.02, token: null },
    { presets: [{ token: '1', name: 'road', position: { ...road, pan: Number.NaN } }] },
    false,
    /off by/,
  ],
  ['a preset removed', { type: 'remove-preset', name: 'old', token: '9' }, {}, true, null],
  ['a preset still there', { type: 'remove-preset', name: 'gate', token: '2' }, {}, false, /still there/],
  ['an encoder applied', { type: 'set-encoder', profile: 'Profile_1', encoder }, {}, true, null],
  [
    'an encoder accepted but not applied',
    { type: 'set-encoder', profile: 'Profile_1', encoder: { ...encoder, width: 1280, height: 720 } },
    {},
    false,
    /accepted but not applied/,
  ],
  ['an encoder not read back', { type: 'set-encoder', profile: 'Profile_9', encoder }, {}, false, /could not be read back/],
  ['a clock set', { type: 'sync-time', ntpServer: null, timezone: 'ICT-7' }, {}, true, null],
  [
    'a clock still off',
    { type: 'sync-time', ntpServer: null, timezone: null },
    { clock: { skewSeconds: 90, mode: 'Manual', timezone: 'UTC' } },
    false,
    /still 90 s off/,
  ],
  [
    'a time zone not taken',
    { type: 'sync-time', ntpServer: null, timezone: 'ICT-7' },
    { clock: { skewSeconds: 0, mode: 'Manual', timezone: 'UTC' } },
    false,
    /time zone is UTC/,
  ],
  ['NTP set', { type: 'set-network', ntp: ['pool.ntp.org'] }, {}, true, null],
  ['NTP accepted but not applied', { type: 'set-network', ntp: ['vn.pool.ntp.org'] }, {}, false, /NTP is pool\.ntp\.org/],
  [
    'a static address still from DHCP',
    { type: 'set-network', staticAddress: { address: '10.0.0.5', prefixLength: 24 } },
    { network: { ...after.network!, dhcp: true } },
    false,
    /DHCP/,
  ],
  ['a preset gone to, where the inventory says', { type: 'goto-preset', name: 'road', position: road, tolerance: 0.02 }, {}, true, null],
  [
    "a preset gone to faithfully, but the camera's preset was turned away",
    { type: 'goto-preset', name: 'road', position: { ...road, pan: 0.7 }, tolerance: 0.02 },
    {},
    false,
    /points at .*not where the inventory says.*reaim --save/,
  ],
  ['a move that never happened', { type: 'goto-preset', name: 'gate', position: null, tolerance: 0.02 }, {}, false, /stopped at pan 0\.2/],
  ['home, which cannot be read back', { type: 'set-home', position: road }, {}, null, null],
];

describe('verifyAction, table-driven', () => {
  it.each(rows)('%s', (_, action, change, ok, detail) => {
    const result = verifyAction(action, { ...after, ...change }, 5);
    expect(result.ok).toBe(ok);
    if (detail) expect(result.detail).toMatch(detail);
    else expect(result.detail).toBeNull();
  });
});
