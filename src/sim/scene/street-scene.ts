import { hashUnit } from './hash.js';
import type { Light } from './lighting.js';

/**
 * The street around a simulated camera, as SVG: a cylinder of azimuths (0° is the road the camera should
 * watch) with a sky, a skyline of houses with windows, coloured poles every 30°, trees, a pavement, the
 * road with its lane markings, and people and vehicles that move along them with time. Pure: the same
 * view, seed and time give the same picture.
 */
export interface SceneView {
  /** Pixels of the raster the SVG describes. */
  width: number;
  height: number;
  /** Azimuth at the centre of the view, degrees. */
  azimuth: number;
  /** Elevation at the centre of the view, degrees (negative looks down). */
  elevation: number;
  /** Horizontal field of view, degrees. */
  fov: number;
  /** Varies the street between cameras. */
  seed: number;
  /** Seconds, for the moving people and vehicles. */
  time: number;
  light: Light;
}

const rgb = (r: number, g: number, b: number, k = 1): string => `rgb(${Math.round(r * k)},${Math.round(g * k)},${Math.round(b * k)})`;

/** Moving things: each camera's street has its own few, at their own speeds (degrees of azimuth per second). */
function movers(seed: number): { kind: 'car' | 'bike' | 'person'; phase: number; speed: number; lane: number; hue: number }[] {
  const out = [];
  for (let i = 0; i < 9; i++) {
    const r = hashUnit(seed * 131 + i * 17);
    const kind = i < 3 ? 'car' : i < 5 ? 'bike' : 'person';
    const direction = hashUnit(seed + i * 7) < 0.5 ? -1 : 1;
    const speed = (kind === 'car' ? 6 : kind === 'bike' ? 3.5 : 0.7) * (0.6 + r) * direction;
    out.push({
      kind: kind as 'car' | 'bike' | 'person',
      phase: hashUnit(seed * 3 + i) * 360,
      speed,
      lane: i % 2,
      hue: hashUnit(seed + i * 29),
    });
  }
  return out;
}

/** The scene of one view as an SVG document. */
export function streetSvg(v: SceneView): string {
  const ppd = v.width / v.fov;
  const left = v.azimuth - v.fov / 2;
  const x = (az: number): number => {
    let d = (((az - left) % 360) + 360) % 360;
    if (d > 300) d -= 360;
    return d * ppd;
  };
  const y = (elevation: number): number => v.height / 2 - (elevation - v.elevation) * ppd;
  const L = v.light;
  const parts: string[] = [];
  const horizon = y(0);

  // Sky and ground.
  parts.push(
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${L.skyTop}"/><stop offset="1" stop-color="${L.skyHorizon}"/></linearGradient></defs>`,
    `<rect width="${v.width}" height="${v.height}" fill="url(#sky)"/>`,
    `<rect y="${horizon}" width="${v.width}" height="${Math.max(0, v.height - horizon)}" fill="${rgb(96, 104, 92, L.ground)}"/>`,
  );

  // The skyline: a house per 8° block, its height and colour from the seed, with windows.
  const firstBlock = Math.floor(left / 8) - 1;
  for (let b = firstBlock; b <= firstBlock + Math.ceil(v.fov / 8) + 2; b++) {
    const block = ((b % 45) + 45) % 45;
    const h = 4 + hashUnit(block * 31 + v.seed) * 18;
    const tone = 90 + 100 * hashUnit(block * 17 + v.seed);
    const bx = x(b * 8);
    const top = y(h);
    const base = y(-2);
    parts.push(
      `<rect x="${bx}" y="${top}" width="${8 * ppd - 1}" height="${base - top}" fill="${rgb(tone, tone * 0.8, tone * 0.7, L.facade)}"/>`,
    );
    for (let row = 1; row * 3 < h - 1; row++) {
      for (const col of [1.5, 4.5]) {
        const lit = L.night && hashUnit(block * 7 + row * 13 + col) < 0.45;
        const fill = lit ? L.window : rgb(60, 70, 85, L.facade);
        parts.push(`<rect x="${x(b * 8 + col)}" y="${y(h - row * 3 + 0.6)}" width="${1.8 * ppd}" height="${1.6 * ppd}" fill="${fill}"/>`);
      }
    }
    if (hashUnit(block * 5 + v.seed * 11) < 0.3) {
      const tx = x(b * 8 + 4);
      parts.push(
        `<rect x="${tx - 0.3 * ppd}" y="${y(1)}" width="${0.6 * ppd}" height="${y(-3) - y(1)}" fill="${rgb(80, 60, 40, L.facade)}"/>`,
      );
      parts.push(`<circle cx="${tx}" cy="${y(3)}" r="${2.4 * ppd}" fill="${rgb(50, 110, 50, L.facade)}"/>`);
    }
  }

  // Pavement, then the road across the view around azimuth 0 (± 40°), with its lane dashes.
  parts.push(`<rect y="${y(-2)}" width="${v.width}" height="${y(-6) - y(-2)}" fill="${rgb(150, 145, 135, L.ground)}"/>`);
  for (const [from, to] of [
    [-40, 40],
    [320, 400],
  ] as const) {
    const x0 = x(from);
    if (x0 > v.width || x(to) < 0) continue;
    parts.push(
      `<rect x="${x0}" y="${y(-6)}" width="${(to - from) * ppd}" height="${y(-24) - y(-6)}" fill="${rgb(70, 72, 76, L.ground)}"/>`,
    );
    for (let az = from; az < to; az += 6)
      parts.push(`<rect x="${x(az)}" y="${y(-14.3)}" width="${3 * ppd}" height="${0.6 * ppd}" fill="${rgb(240, 240, 240, L.ground)}"/>`);
    // A zebra crossing and a manhole near where the camera should look.
    for (let k = 0; k < 6; k++)
      parts.push(
        `<rect x="${x(from + 36 + k * 1.4)}" y="${y(-6.5)}" width="${0.8 * ppd}" height="${y(-23.5) - y(-6.5)}" fill="${rgb(225, 225, 225, L.ground)}"/>`,
      );
    parts.push(`<ellipse cx="${x(from + 52)}" cy="${y(-20)}" rx="${1.6 * ppd}" ry="${0.7 * ppd}" fill="${rgb(40, 40, 42, L.ground)}"/>`);
  }

  // Shop signs and awnings over the ground floors, and motorbikes parked on the pavement.
  for (let b = firstBlock; b <= firstBlock + Math.ceil(v.fov / 8) + 2; b++) {
    const block = ((b % 45) + 45) % 45;
    const h = hashUnit(block * 13 + v.seed * 5);
    if (h < 0.6) {
      const sign = rgb(200 * hashUnit(block + 1), 160 * hashUnit(block + 2) + 60, 200 * hashUnit(block + 3), L.facade);
      parts.push(`<rect x="${x(b * 8 + 1)}" y="${y(2.4)}" width="${6 * ppd}" height="${1.1 * ppd}" fill="${sign}"/>`);
      parts.push(
        `<polygon points="${x(b * 8 + 0.5)},${y(1)} ${x(b * 8 + 7.5)},${y(1)} ${x(b * 8 + 7)},${y(0)} ${x(b * 8 + 1)},${y(0)}" fill="${rgb(180, 60, 50, L.facade)}"/>`,
      );
    }
    for (let k = 0; k < 3; k++) {
      if (hashUnit(block * 41 + k * 3 + v.seed) < 0.5) continue;
      const bx = x(b * 8 + 1 + k * 2.4);
      parts.push(
        `<rect x="${bx}" y="${y(-3.2)}" width="${1.6 * ppd}" height="${0.9 * ppd}" rx="${0.3 * ppd}" fill="${rgb(30 + 150 * hashUnit(block + k), 30, 40, L.ground)}"/>`,
      );
    }
  }

  // A pole every 30°, each with its own colour: whatever the pan, something distinct is in view.
  for (let p = Math.floor(left / 30); p <= Math.ceil((left + v.fov) / 30); p++) {
    const index = ((p % 12) + 12) % 12;
    const hue = hashUnit(index * 7 + v.seed);
    parts.push(
      `<rect x="${x(p * 30) - 0.4 * ppd}" y="${y(22)}" width="${0.8 * ppd}" height="${y(-6) - y(22)}" fill="${rgb(80 + 175 * hue, 60 + 150 * (1 - hue), 200 * hashUnit(index + v.seed * 3), L.facade)}"/>`,
    );
    if (L.night) parts.push(`<circle cx="${x(p * 30)}" cy="${y(22)}" r="${1.2 * ppd}" fill="${L.window}"/>`);
  }

  // People on the pavement, bikes and cars on the road.
  for (const m of movers(v.seed)) {
    const az = m.phase + m.speed * v.time;
    const mx = x(az);
    if (mx < -10 * ppd || mx > v.width + 10 * ppd) continue;
    const body = rgb(60 + 190 * m.hue, 50 + 120 * (1 - m.hue), 70 + 100 * hashUnit(m.hue * 1000), L.facade);
    if (m.kind === 'person') {
      parts.push(`<rect x="${mx}" y="${y(-0.5)}" width="${0.7 * ppd}" height="${y(-4.5) - y(-0.5)}" rx="${0.3 * ppd}" fill="${body}"/>`);
      parts.push(`<circle cx="${mx + 0.35 * ppd}" cy="${y(0)}" r="${0.5 * ppd}" fill="${rgb(190, 150, 120, L.facade)}"/>`);
    } else {
      const lane = m.lane === 0 ? -9 : -18;
      const length = (m.kind === 'car' ? 7 : 2.5) * ppd;
      const height = (m.kind === 'car' ? 3.2 : 2.4) * ppd;
      parts.push(`<rect x="${mx}" y="${y(lane) - height}" width="${length}" height="${height}" rx="${0.5 * ppd}" fill="${body}"/>`);
      if (m.kind === 'car')
        parts.push(
          `<rect x="${mx + 1.2 * ppd}" y="${y(lane) - height * 0.9}" width="${length * 0.55}" height="${height * 0.35}" fill="${rgb(40, 50, 60, L.facade)}"/>`,
        );
      for (const wx of [0.2, 0.8]) parts.push(`<circle cx="${mx + wx * length}" cy="${y(lane)}" r="${0.6 * ppd}" fill="#111"/>`);
      if (L.night)
        parts.push(`<circle cx="${m.speed > 0 ? mx + length : mx}" cy="${y(lane) - height * 0.4}" r="${0.6 * ppd}" fill="${L.window}"/>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${v.width}" height="${v.height}" viewBox="0 0 ${v.width} ${v.height}">${parts.join('')}</svg>`;
}

/** What a camera turned to face the wall it is mounted on sees: brick, close up. */
export function wallSvg(width: number, height: number, light: Light): string {
  const rows: string[] = [];
  const brick = height / 14;
  for (let r = 0; r < 15; r++) {
    for (let c = -1; c < width / (brick * 2.2) + 1; c++) {
      const bx = c * brick * 2.2 + (r % 2) * brick * 1.1;
      const tone = 130 + 40 * hashUnit(r * 101 + c);
      rows.push(
        `<rect x="${bx}" y="${r * brick}" width="${brick * 2.1}" height="${brick * 0.9}" fill="${rgb(tone, tone * 0.48, tone * 0.35, light.facade)}"/>`,
      );
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="${rgb(200, 195, 185, light.facade)}"/>${rows.join('')}</svg>`;
}

/**
 * The ground's own texture, fixed to the place (a pan moves it): patches of worn paving, stains and grass,
 * as lighter or darker cells of 1.5°. Applied to the drawn raster in place, below the horizon, which costs
 * a millisecond where as many SVG shapes would cost ten.
 */
export function textureGround(raster: Buffer, v: SceneView): void {
  const ppd = v.width / v.fov;
  const left = v.azimuth - v.fov / 2;
  const step = 1.5;
  const columns = Int32Array.from({ length: v.width }, (_, x) => Math.floor((left + x / ppd) / step));
  const horizon = Math.max(0, Math.ceil(v.height / 2 + (v.elevation + 2) * ppd));
  for (let y = horizon; y < v.height; y++) {
    const elevation = v.elevation - (y - v.height / 2) / ppd;
    const row = Math.floor(elevation / step);
    // Each cell is a patch covering part of its area: its left share and top share, from its hash.
    const inRow = (elevation / step - row) % 1;
    for (let x = 0; x < v.width; x++) {
      const h = hashUnit(columns[x]! * 7919 + row * 104729 + v.seed);
      if (h > 0.55) continue;
      const inColumn = ((left + x / ppd) / step - columns[x]!) % 1;
      if (inColumn > 0.5 + h || inRow > 0.6) continue;
      const k = (h < 0.27 ? -1 : 1) * (0.06 + 0.14 * h) * v.light.ground;
      const i = (y * v.width + x) * 3;
      for (let c = 0; c < 3; c++) {
        const value = raster[i + c]!;
        raster[i + c] = k < 0 ? value * (1 + k) : value + (255 - value) * k;
      }
    }
  }
}
