/**
 * What view verification measures in a picture, from a small greyscale raster (the decoder scales the
 * JPEG down while decoding). Pure functions over plain arrays, so every one is tested with plain data.
 */

/** A greyscale raster, row by row. */
export interface Grey {
  width: number;
  height: number;
  data: Float32Array;
}

/** The analysis raster every picture is brought to, whatever its resolution: 16:9, 256 pixels wide. */
export const ANALYSIS_WIDTH = 256;
export const ANALYSIS_HEIGHT = 144;
/** The coarse grid the structure is compared on (each cell 8×8 analysis pixels). */
export const GRID_WIDTH = 32;
export const GRID_HEIGHT = 18;

export function grey(width: number, height: number, data: ArrayLike<number>): Grey {
  return { width, height, data: Float32Array.from(data) };
}

/** Block means: `factor`×`factor` pixels become one (noise and compression average out). */
export function shrink(g: Grey, factor: number): Grey {
  const width = Math.floor(g.width / factor);
  const height = Math.floor(g.height / factor);
  const data = new Float32Array(width * height);
  const n = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * g.width + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += g.data[row + dx]!;
      }
      data[y * width + x] = sum / n;
    }
  }
  return { width, height, data };
}

export function meanOf(data: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += data[i]!;
  return data.length ? sum / data.length : 0;
}

export function stdOf(data: ArrayLike<number>, mean = meanOf(data)): number {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += (data[i]! - mean) ** 2;
  return data.length ? Math.sqrt(sum / data.length) : 0;
}

/**
 * Ranks of the values scaled to [-1, 1]: invariant to any monotonic change of brightness (exposure,
 * gamma, the contrast curve of infrared night mode), so a comparison sees the layout, not the light.
 */
export function ranks(data: ArrayLike<number>): Float32Array {
  // A typed array sorts natively, without a comparator call (and a heap number) per comparison; each value's
  // rank is then the middle of its run of equal values in the sorted copy, so ties share one rank.
  const sorted = new Float64Array(data.length);
  for (let i = 0; i < data.length; i++) sorted[i] = data[i]!;
  sorted.sort();
  const scale = Math.max(1, sorted.length - 1);
  const out = new Float32Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const value = data[i]!;
    const first = countBelow(sorted, value, false);
    const last = countBelow(sorted, value, true) - 1;
    out[i] = ((first + last) / 2 / scale) * 2 - 1;
  }
  return out;
}

/** How many values of `sorted` are below `value` (or at most `value`, with `orEqual`): a binary search. */
function countBelow(sorted: Float64Array, value: number, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v < value || (orEqual && v === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Pearson correlation of two equally long series (0 when either is flat). */
export function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const ma = meanOf(a);
  const mb = meanOf(b);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]! - ma;
    const y = b[i]! - mb;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

/** The mean of each row: the vertical layout (sky above, road below) that an upside-down camera inverts. */
export function rowProfile(g: Grey): Float32Array {
  const out = new Float32Array(g.height);
  for (let y = 0; y < g.height; y++) out[y] = meanOf(g.data.subarray(y * g.width, (y + 1) * g.width));
  return out;
}

/** The raster with each row's mean removed: what varies across the view, which a pan or a turn changes. */
export function withoutRowMeans(g: Grey): Grey {
  const data = new Float32Array(g.data.length);
  for (let y = 0; y < g.height; y++) {
    const row = g.data.subarray(y * g.width, (y + 1) * g.width);
    const m = meanOf(row);
    for (let x = 0; x < g.width; x++) data[y * g.width + x] = row[x]! - m;
  }
  return { width: g.width, height: g.height, data };
}

/**
 * The correlation of what two views shifted by (dx, dy) cells share: `correlation(...overlap(a, b, dx, dy))`,
 * the same sums in the same order, without building the two series (a view check tries fifteen shifts for
 * two rasters, and the copies were most of its time).
 */
export function shiftedCorrelation(a: Grey, b: Grey, dx: number, dy: number): number {
  const y0 = Math.max(0, dy);
  const y1 = Math.min(a.height, a.height + dy);
  const x0 = Math.max(0, dx);
  const x1 = Math.min(a.width, a.width + dx);
  const n = Math.max(0, y1 - y0) * Math.max(0, x1 - x0);
  if (n === 0) return 0;
  let sa = 0;
  let sb = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      sa += a.data[y * a.width + x]!;
      sb += b.data[(y - dy) * b.width + (x - dx)]!;
    }
  }
  const ma = sa / n;
  const mb = sb / n;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const u = a.data[y * a.width + x]! - ma;
      const v = b.data[(y - dy) * b.width + (x - dx)]! - mb;
      ab += u * v;
      aa += u * u;
      bb += v * v;
    }
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

/**
 * Gradient energy relative to contrast at the analysis scale: how much fine detail the picture has for
 * its contrast. Defocus, fog and a dirty lens lower it; exposure does not (both parts scale together).
 */
export function sharpness(g: Grey): number {
  let energy = 0;
  let n = 0;
  for (let y = 1; y < g.height - 1; y++) {
    for (let x = 1; x < g.width - 1; x++) {
      const i = y * g.width + x;
      const gx = g.data[i + 1]! - g.data[i - 1]!;
      const gy = g.data[i + g.width]! - g.data[i - g.width]!;
      energy += gx * gx + gy * gy;
      n++;
    }
  }
  const std = stdOf(g.data);
  return std > 0 ? Math.sqrt(energy / Math.max(1, n)) / std : 0;
}

/** The standard deviation within each cell of a grid over the raster. */
export function cellContrast(g: Grey, columns: number, rows: number): Float32Array {
  const out = new Float32Array(columns * rows);
  const cw = g.width / columns;
  const ch = g.height / rows;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const values: number[] = [];
      for (let y = Math.floor(r * ch); y < Math.floor((r + 1) * ch); y++) {
        for (let x = Math.floor(c * cw); x < Math.floor((c + 1) * cw); x++) values.push(g.data[y * g.width + x]!);
      }
      out[r * columns + c] = stdOf(values);
    }
  }
  return out;
}

/** Gradient magnitude at each pixel (central differences; 0 on the border). */
export function gradientMagnitude(g: Grey): Grey {
  const data = new Float32Array(g.data.length);
  for (let y = 1; y < g.height - 1; y++) {
    for (let x = 1; x < g.width - 1; x++) {
      const i = y * g.width + x;
      const gx = g.data[i + 1]! - g.data[i - 1]!;
      const gy = g.data[i + g.width]! - g.data[i - g.width]!;
      data[i] = Math.sqrt(gx * gx + gy * gy);
    }
  }
  return { width: g.width, height: g.height, data };
}
