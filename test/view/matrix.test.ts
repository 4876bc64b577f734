import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderSnapshot, type SnapshotRequest } from '../../src/sim/scene/render.js';
import { scoreViews, verdictOf } from '../../src/view/compare.js';
import { fingerprintImage } from '../../src/view/fingerprint.js';
import type { ViewVerdictKind } from '../../src/view/model.js';

// A labelled matrix of picture pairs: a reference, and what the camera might show later. Pictures come
// from the simulator's renderer and from image transforms of it; each case asserts the verdict computed.
const WIDTH = 1280;
const HEIGHT = 720;

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

type Case = [label: string, expected: ViewVerdictKind, make: (base: Partial<SnapshotRequest>) => Promise<Buffer>];

const transforms = {
  exposure: (k: number) => (b: Buffer) => sharp(b).linear(k, 0).jpeg().toBuffer(),
  quality: (q: number) => (b: Buffer) => sharp(b).jpeg({ quality: q }).toBuffer(),
  size: (w: number, h: number) => (b: Buffer) => sharp(b).resize(w, h).jpeg().toBuffer(),
  shift: (share: number) => (b: Buffer) =>
    sharp(b)
      .extract({ left: Math.round(WIDTH * share), top: 0, width: WIDTH - Math.round(WIDTH * share), height: HEIGHT })
      .resize(WIDTH, HEIGHT, { fit: 'fill' })
      .jpeg()
      .toBuffer(),
  crop: (share: number) => (b: Buffer) =>
    sharp(b)
      .extract({
        left: Math.round(WIDTH * share),
        top: Math.round(HEIGHT * share),
        width: Math.round(WIDTH * (1 - 2 * share)),
        height: Math.round(HEIGHT * (1 - 2 * share)),
      })
      .resize(WIDTH, HEIGHT, { fit: 'fill' })
      .jpeg()
      .toBuffer(),
  greyscale: (b: Buffer) => sharp(b).greyscale().jpeg().toBuffer(),
  noise: (b: Buffer) => {
    const noise = Buffer.from(Array.from({ length: 64 * 64 * 3 }, (_, i) => (i * 2654435761) % 256));
    return sharp(b)
      .composite([{ input: noise, raw: { width: 64, height: 64, channels: 3 }, tile: true, blend: 'soft-light' }])
      .jpeg()
      .toBuffer();
  },
  rotate: (b: Buffer) => sharp(b).rotate(180).jpeg().toBuffer(),
  fog: (b: Buffer) =>
    sharp(b)
      .blur(WIDTH * 0.015)
      .linear(0.5, 120)
      .jpeg()
      .toBuffer(),
  occlude: (share: number) => (b: Buffer) => {
    const w = Math.round(WIDTH * Math.sqrt(share));
    const h = Math.round(HEIGHT * Math.sqrt(share));
    return sharp(b)
      .composite([{ input: { create: { width: w, height: h, channels: 3, background: '#222' } }, left: 0, top: HEIGHT - h }])
      .jpeg()
      .toBuffer();
  },
};

describe.each([
  { seed: 12345, pan: 0, zoom: 0 },
  { seed: 4242, pan: 0.3, zoom: 0.5 },
])('view verification, seed $seed at pan $pan zoom $zoom', ({ seed, pan, zoom }) => {
  const position = { pan, tilt: 0, zoom };
  const shot = (o: Partial<SnapshotRequest> = {}) =>
    renderSnapshot({
      width: WIDTH,
      height: HEIGHT,
      position,
      tamper: { kind: 'none' },
      seed,
      time: 1000,
      hour: 11,
      infrared: true,
      random: seeded(seed),
      ...o,
    });
  const cases: Case[] = [
    // The same view: must not be flagged.
    ['people and vehicles moved on', 'ok', () => shot({ time: 1007 })],
    ['dusk', 'ok', () => shot({ hour: 18 })],
    ['dawn', 'ok', () => shot({ hour: 6.5 })],
    ['night, infrared (greyscale)', 'ok', () => shot({ hour: 23 })],
    ['night, colour', 'ok', () => shot({ hour: 23, infrared: false })],
    ['nudged by wind (2% of the width)', 'ok', () => shot({ tamper: { kind: 'nudged' } })],
    ['shifted 2% (transform)', 'ok', () => shot().then(transforms.shift(0.02))],
    ['cropped 3% all round', 'ok', () => shot().then(transforms.crop(0.03))],
    ['heavy JPEG compression (quality 10)', 'ok', () => shot().then(transforms.quality(10))],
    ['another resolution (640x360)', 'ok', () => shot().then(transforms.size(640, 360))],
    ['another resolution (1920x1080)', 'ok', () => shot({ width: 1920, height: 1080 })],
    ['brighter exposure (x1.5)', 'ok', () => shot().then(transforms.exposure(1.5))],
    ['darker exposure (x0.5)', 'ok', () => shot().then(transforms.exposure(0.5))],
    ['greyscale', 'ok', () => shot().then(transforms.greyscale)],
    ['more noise', 'ok', () => shot().then(transforms.noise)],
    // A changed view: must be flagged.
    ['panned by a third of the view (21°)', 'turned', () => shot({ tamper: { kind: 'panned', degrees: 21 } })],
    ['panned the other way (-21°)', 'turned', () => shot({ tamper: { kind: 'panned', degrees: -21 } })],
    ['panned 45°', 'turned', () => shot({ tamper: { kind: 'panned', degrees: 45 } })],
    ['turned to a wall', 'turned', () => shot({ tamper: { kind: 'turned' } })],
    ['turned to the sky', 'turned', () => shot({ position: { pan, tilt: 0.9, zoom } })],
    ['another scene', 'turned', () => shot({ seed: seed + 1, position: { pan: pan + 0.5, tilt: 0, zoom } })],
    ['re-mounted upside down', 'turned', () => shot({ tamper: { kind: 'upside-down' } })],
    ['rotated 180° (transform)', 'turned', () => shot().then(transforms.rotate)],
    ['covered by something dark', 'covered', () => shot({ tamper: { kind: 'covered' } })],
    ['in a translucent bag', 'covered', () => shot({ tamper: { kind: 'bagged' } })],
    ['85% sprayed', 'covered', () => shot({ tamper: { kind: 'sprayed' } })],
    ['85% blocked (transform)', 'covered', () => shot().then(transforms.occlude(0.85))],
    ['defocused', 'blurred', () => shot({ tamper: { kind: 'defocused' } })],
    ['defocused, at night', 'blurred', () => shot({ tamper: { kind: 'defocused' }, hour: 23 })],
    ['fogged lens (transform)', 'blurred', () => shot().then(transforms.fog)],
  ];

  it.each(cases)('%s: %s', async (_label, expected, make) => {
    const [reference, now] = await Promise.all([shot().then(fingerprintImage), make({}).then(fingerprintImage)]);
    const verdict = verdictOf(scoreViews(reference, now));
    expect(verdict.verdict, JSON.stringify(verdict.scores)).toBe(expected);
  });
});

describe('fingerprints of many pictures at once', () => {
  it('are what each picture gives alone (the analysis raster is shared between checks)', async () => {
    const pictures = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((seed) =>
        renderSnapshot({
          width: 640,
          height: 360,
          position: { pan: seed / 10, tilt: 0, zoom: 0 },
          tamper: { kind: seed === 3 ? 'covered' : 'none' },
          seed,
          time: 1000,
          hour: 11,
          infrared: true,
          random: seeded(seed),
        }),
      ),
    );
    const alone = [];
    for (const picture of pictures) alone.push(await fingerprintImage(picture));
    const atOnce = await Promise.all([...pictures, ...pictures].map((picture) => fingerprintImage(picture)));
    expect(atOnce).toEqual([...alone, ...alone]);
  });
});
