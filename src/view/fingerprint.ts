import { imageSize } from 'image-size';
import sharp from 'sharp';
import {
  ANALYSIS_HEIGHT,
  ANALYSIS_WIDTH,
  cellContrast,
  gradientMagnitude,
  type Grey,
  meanOf,
  ranks,
  rowProfile,
  sharpness,
  shrink,
  stdOf,
  withoutRowMeans,
} from './features.js';
import { lumaOf } from './luma.js';
import type { ViewFingerprint } from './model.js';

/** A picture camfleet cannot read: not an image, a broken one, or one too large to decode safely. */
export class ImageError extends Error {
  override name = 'ImageError';
}

// Pictures here are small and many are decoded at once, one per libuv thread: libvips' own threads per
// picture only add hand-offs, and its operation cache holds memory for pictures never seen twice (a watch
// decodes a thousand different snapshots a minute).
sharp.concurrency(1);
sharp.cache(false);

/** Pictures larger than this (in pixels) are refused before decoding: a 12-megapixel camera is well inside. */
const MAX_PIXELS = 40_000_000;

/**
 * The grey analysis raster, reused: a watch fingerprints a thousand snapshots a minute, and two new 147 KB
 * rasters each (the grey values, then a copy) were the larger part of what a view check allocated.
 * fingerprintOf keeps nothing of the raster it is given, only what it computes from it.
 */
const SCRATCH = new Float32Array(ANALYSIS_WIDTH * ANALYSIS_HEIGHT);

/**
 * Decodes a picture (JPEG, PNG…) straight to the small analysis raster (libvips scales a JPEG down while
 * decoding it, so a 1080p snapshot costs a few milliseconds), makes it grey (luma.ts) and measures it.
 * The picture's own size is read from its header (image-size) rather than by a second libvips pipeline,
 * which cost 0.45 ms of the 4.8 a 640×360 snapshot took (a watch decodes a thousand a minute).
 */
export async function fingerprintImage(image: Buffer): Promise<ViewFingerprint> {
  let rgb: { data: Buffer; info: { channels: number } };
  try {
    rgb = await sharp(image, { limitInputPixels: MAX_PIXELS, failOn: 'truncated', sequentialRead: true })
      .resize(ANALYSIS_WIDTH, ANALYSIS_HEIGHT, { fit: 'fill' })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw new ImageError(`not a readable image (${(err as Error).message.replace(/^Input buffer /, '').slice(0, 120)})`);
  }
  const { width, height } = await sizeOf(image);
  if (!width || !height) throw new ImageError('not a readable image (no size)');
  // From here to the fingerprint nothing awaits, so one scratch raster serves every check in turn.
  const analysis = { width: ANALYSIS_WIDTH, height: ANALYSIS_HEIGHT, data: lumaOf(rgb.data, rgb.info.channels, SCRATCH) };
  return fingerprintOf(analysis, width, height);
}

/** A decoded picture's size: from its header, or from libvips for a format image-size does not know. */
async function sizeOf(image: Buffer): Promise<{ width?: number; height?: number }> {
  try {
    return imageSize(image);
  } catch {
    return sharp(image).metadata();
  }
}

/** The fingerprint of an analysis raster (256×144 greyscale). */
export function fingerprintOf(analysis: Grey, width: number, height: number): ViewFingerprint {
  const small = shrink(analysis, 4);
  const half = shrink(analysis, 2);
  const mean = meanOf(analysis.data);
  const grid = shrink(analysis, 8);
  const edgeMap = shrink(gradientMagnitude(half), 4).data;
  return {
    width,
    height,
    grid: grid.data,
    edgeMap,
    // Row means removed: the bands every street view shares (sky above, road below) would match anything.
    patternRanks: ranks(withoutRowMeans(grid).data),
    edgeRanks: ranks(edgeMap),
    layoutRanks: ranks(rowProfile(grid)),
    cells: cellContrast(small, 16, 9),
    sharpness: sharpness(half),
    mean,
    std: stdOf(analysis.data, mean),
  };
}
