import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { THRESHOLDS, verdictOf } from '../../src/view/compare.js';
import {
  correlation,
  type Grey,
  grey,
  ranks,
  rowProfile,
  sharpness,
  shiftedCorrelation,
  withoutRowMeans,
} from '../../src/view/features.js';
import { lumaOf } from '../../src/view/luma.js';

/** The two series a shifted comparison correlates, built out: what shiftedCorrelation must agree with. */
function overlap(a: Grey, b: Grey, dx: number, dy: number): [Float32Array, Float32Array] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = Math.max(0, dy); y < Math.min(a.height, a.height + dy); y++) {
    for (let x = Math.max(0, dx); x < Math.min(a.width, a.width + dx); x++) {
      xs.push(a.data[y * a.width + x]!);
      ys.push(b.data[(y - dy) * b.width + (x - dx)]!);
    }
  }
  return [Float32Array.from(xs), Float32Array.from(ys)];
}
import type { ViewScores } from '../../src/view/model.js';

const same: ViewScores = { structure: 0.9, pattern: 0.9, edges: 0.9, layout: 0.95, detail: 1, blocked: 0, brightness: 110 };

describe('the verdict of view scores', () => {
  it.each<[string, Partial<ViewScores>, string, RegExp]>([
    ['the same view', {}, 'ok', /the same view/],
    ['dark and flat', { blocked: 0.95, structure: 0.1, brightness: 22 }, 'covered', /dark and featureless .*covered/],
    ['bright and flat', { blocked: 0.9, structure: 0.4, brightness: 200 }, 'covered', /bright and featureless .*bag/],
    [
      'bright and flat, layout inverted: the sky',
      { blocked: 0.9, structure: 0.1, brightness: 185, layout: -0.6 },
      'turned',
      /faces the sky/,
    ],
    ['mostly flat, mid brightness', { blocked: 0.85, structure: 0.2, brightness: 90 }, 'covered', /mostly blocked/],
    ['flat cells but the structure holds (a dark night)', { blocked: 0.7, structure: 0.75 }, 'ok', /same/],
    ['inverted layout', { layout: -0.5, structure: 0.1 }, 'turned', /upside down/],
    ['layout gone', { layout: 0.2 }, 'turned', /faces something else/],
    ['structure lost', { structure: 0.3 }, 'turned', /no longer matches/],
    ['soft', { detail: 0.5 }, 'blurred', /50% of the reference's detail/],
  ])('%s', (_name, change, verdict, reason) => {
    const v = verdictOf({ ...same, ...change });
    expect(v.verdict).toBe(verdict);
    expect(v.reason).toMatch(reason);
  });

  it('decides at the thresholds', () => {
    expect(verdictOf({ ...same, structure: THRESHOLDS.structure }).verdict).toBe('ok');
    expect(verdictOf({ ...same, structure: THRESHOLDS.structure - 0.001 }).verdict).toBe('turned');
    expect(verdictOf({ ...same, detail: THRESHOLDS.detail - 0.001 }).verdict).toBe('blurred');
  });
});

describe('the measures', () => {
  const ramp = grey(
    8,
    4,
    Array.from({ length: 32 }, (_, i) => (i % 8) * 10 + Math.floor(i / 8)),
  );

  it('ranks ignore any monotonic change of brightness', () => {
    const brighter = ramp.data.map((v) => 20 + 1.7 * v);
    const gamma = ramp.data.map((v) => 255 * (v / 80) ** 0.5);
    expect(correlation(ranks(ramp.data), ranks(brighter))).toBeCloseTo(1, 6);
    expect(correlation(ranks(ramp.data), ranks(gamma))).toBeCloseTo(1, 6);
  });

  it.each([
    { values: [3, 1, 2, 2], expected: [1, -1, 0, 0] },
    { values: [5, 5, 5], expected: [0, 0, 0] },
    { values: [-0.5, 0, -0, 2, -7], expected: [-0.5, 0.25, 0.25, 1, -1] },
    { values: [42], expected: [-1] },
  ])('ranks $values as $expected: from -1 to 1, ties sharing the middle of their run', ({ values, expected }) => {
    expect([...ranks(Float32Array.from(values))]).toEqual(expected);
  });

  it('correlation is 0 for a flat series, -1 for an inverted one', () => {
    expect(correlation([1, 1, 1], [1, 2, 3])).toBe(0);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 6);
  });

  it('row means removed leave what varies across', () => {
    const rows = withoutRowMeans(ramp);
    for (let y = 0; y < 4; y++) expect(rows.data.slice(y * 8, y * 8 + 8).reduce((a, b) => a + b, 0)).toBeCloseTo(0, 4);
    expect(Array.from(rowProfile(ramp))).toEqual([35, 36, 37, 38]);
  });

  it('overlap pairs what two shifted views share', () => {
    const [a, b] = overlap(ramp, ramp, 1, 0);
    expect(a.length).toBe(7 * 4);
    expect(Array.from(a.slice(0, 3))).toEqual([10, 20, 30]);
    expect(Array.from(b.slice(0, 3))).toEqual([0, 10, 20]);
  });

  it('the shifted correlation is the correlation of the overlap, to the last bit, at every shift', () => {
    let seed = 7;
    const noise = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 255;
    const a = grey(32, 18, Array.from({ length: 576 }, noise));
    const b = grey(
      32,
      18,
      Array.from({ length: 576 }, (_, i) => a.data[i]! * 0.5 + noise() * 0.5),
    );
    for (const dy of [-2, -1, 0, 1, 2])
      for (const dx of [-3, -2, -1, 0, 1, 2, 3]) expect(shiftedCorrelation(a, b, dx, dy)).toBe(correlation(...overlap(a, b, dx, dy)));
    expect(shiftedCorrelation(a, b, 32, 0)).toBe(0);
    expect(shiftedCorrelation(ramp, ramp, 0, 0)).toBeCloseTo(1, 6);
  });

  it('luma is what libvips gives for grey, to within one level (white, black, the primaries, random colours)', async () => {
    let seed = 11;
    const byte = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    const pixels = Buffer.from([255, 255, 255, 0, 0, 0, 0, 255, 0, 255, 0, 0, 0, 0, 255, ...Array.from({ length: 3 * 251 }, byte)]);
    const libvips = await sharp(pixels, { raw: { width: 256, height: 1, channels: 3 } })
      .greyscale()
      .raw()
      .toBuffer();
    const ours = lumaOf(pixels, 3);
    expect(Array.from(ours.slice(0, 5))).toEqual([255, 0, 220, 127, 76]);
    for (let i = 0; i < 256; i++) expect(Math.abs(ours[i]! - libvips[i]!), `pixel ${i}`).toBeLessThanOrEqual(1);
  });

  it('sharpness does not change with exposure, and drops with blur', () => {
    const checker = grey(
      16,
      16,
      Array.from({ length: 256 }, (_, i) => (((Math.floor(i / 16) >> 1) + ((i % 16) >> 1)) % 2 ? 200 : 50)),
    );
    const darker = grey(
      16,
      16,
      checker.data.map((v) => v * 0.4),
    );
    expect(sharpness(darker)).toBeCloseTo(sharpness(checker), 6);
    // A 3×3 box blur.
    const at = (x: number, y: number) => checker.data[Math.min(15, Math.max(0, y)) * 16 + Math.min(15, Math.max(0, x))]!;
    const blurred = grey(
      16,
      16,
      Array.from({ length: 256 }, (_, i) => {
        const [x, y] = [i % 16, Math.floor(i / 16)];
        let sum = 0;
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) sum += at(x + dx, y + dy);
        return sum / 9;
      }),
    );
    expect(sharpness(blurred)).toBeLessThan(sharpness(checker) * 0.8);
  });
});
