/**
 * Luminance of an sRGB raster, as libvips turns colour into grey (Rec. 709 weights in linear light, encoded
 * back with the sRGB curve), computed here on the small analysis raster: libvips does it at the decoded size,
 * in floating point, which was two fifths of a view check's decoding.
 */

const toLinear = Float32Array.from({ length: 256 }, (_, v) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});

// Linear light in 1/4095 steps back to 8-bit sRGB: finer than 8 bits in the shadows, where the curve is steep.
const ENCODE_STEPS = 4095;
const toSrgb = Uint8Array.from({ length: ENCODE_STEPS + 1 }, (_, i) => {
  const l = i / ENCODE_STEPS;
  const c = l <= 0.0031308 ? l * 12.92 : 1.055 * l ** (1 / 2.4) - 0.055;
  return Math.round(c * 255);
});

// Each channel's share of the luminance, in encoding steps: three look-ups and two additions per pixel.
const weighted = (weight: number): Float64Array => Float64Array.from(toLinear, (l) => weight * l * ENCODE_STEPS);
const RED = weighted(0.2126);
const GREEN = weighted(0.7152);
const BLUE = weighted(0.0722);

/**
 * The grey values (0–255) of an sRGB raster of `channels` bytes per pixel (the first three R, G, B), written
 * into `into` when it has the right length (a caller's scratch raster), else into a new array.
 */
export function lumaOf(rgb: Uint8Array, channels: number, into?: Float32Array): Float32Array {
  const pixels = Math.floor(rgb.length / channels);
  const out = into?.length === pixels ? into : new Float32Array(pixels);
  for (let i = 0, p = 0; i < out.length; i++, p += channels) {
    out[i] = toSrgb[Math.round(RED[rgb[p]!]! + GREEN[rgb[p + 1]!]! + BLUE[rgb[p + 2]!]!)]!;
  }
  return out;
}
