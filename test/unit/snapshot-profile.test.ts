import { describe, expect, it } from 'vitest';
import type { MediaProfile } from '../../src/onvif/media.js';
import { snapshotProfile } from '../../src/reconcile/view-read.js';

const profile = (token: string, width: number, height: number): MediaProfile => ({
  token,
  name: token,
  hasPtz: false,
  encoder: {
    token: `enc-${token}`,
    name: token,
    codec: 'H264',
    width,
    height,
    fps: 25,
    bitrateKbps: 2048,
    gop: 50,
    quality: 5,
    profile: undefined,
  },
});

describe('the profile a view check takes its snapshot from', () => {
  it('is the smallest of the main profile shape at least as wide as a reference view', () => {
    const main = profile('main', 1920, 1080);
    expect(snapshotProfile([main, profile('sub', 640, 360), profile('third', 1280, 720)])?.token).toBe('sub');
  });
  it('is the main profile when the others are too small or of another shape', () => {
    const main = profile('main', 1920, 1080);
    expect(snapshotProfile([main, profile('tiny', 352, 198)])?.token).toBe('main');
    expect(snapshotProfile([main, profile('four-three', 640, 480)])?.token).toBe('main');
    expect(snapshotProfile([main])?.token).toBe('main');
    expect(snapshotProfile([{ ...main, encoder: undefined }, profile('sub', 640, 360)])?.token).toBe('main');
    expect(snapshotProfile([])).toBeUndefined();
  });
});
