import jpeg from 'jpeg-js';
import type { CameraFaults, PtzPosition } from './model.js';

/** Horizontal field of view in degrees at zoom 0 and zoom 1. */
const WIDE_FOV = 62;
const TELE_FOV = 6;

export interface SnapshotRequest {
  width: number;
  height: number;
  position: PtzPosition;
  tampered: CameraFaults['tampered'];
  /** Varies the scene between cameras, so two cameras never show the same street. */
  seed: number;
}

type Rgb = [number, number, number];

function hash(n: number): number {
  let h = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 0xffffffff;
}

/** The street around the camera as a cylinder: sky, a skyline of houses, coloured poles every 30°, a road. */
function scene(azimuth: number, elevation: number, seed: number): Rgb {
  const az = ((azimuth % 360) + 360) % 360;
  const block = Math.floor(az / 8);
  const houseTop = 4 + hash(block * 31 + seed) * 18;
  // A pole every 30°, each with its own colour: whatever the pan, the view shows something distinct.
  const poleIndex = Math.round(az / 30) % 12;
  const poleDistance = Math.abs(az - Math.round(az / 30) * 30);
  if (poleDistance < 0.8 && elevation < 26 && elevation > -12) {
    const hue = hash(poleIndex * 7 + seed);
    return [Math.round(80 + 175 * hue), Math.round(60 + 150 * (1 - hue)), Math.round(200 * hash(poleIndex + seed * 3))];
  }
  if (elevation > houseTop) {
    const t = Math.min(1, (elevation - houseTop) / 50);
    return [Math.round(150 - 80 * t), Math.round(190 - 60 * t), Math.round(235 - 20 * t)];
  }
  if (elevation >= -2) {
    const base = 90 + Math.round(100 * hash(block * 17 + seed));
    const window = Math.floor(az * 2) % 3 === 0 && Math.floor((elevation + 2) * 1.5) % 3 === 1;
    return window ? [235, 215, 120] : [base, Math.round(base * 0.8), Math.round(base * 0.7)];
  }
  // The road the camera should watch runs across the view around azimuth 0 ± 40°.
  const onRoad = az < 40 || az > 320;
  if (onRoad) {
    const lane = Math.abs(elevation + 14) < 0.6 && Math.floor(az / 3) % 2 === 0;
    return lane ? [240, 240, 240] : [70, 72, 76];
  }
  return [60, 120, 55];
}

function render(req: SnapshotRequest, pixel: (x: number, y: number) => Rgb): Buffer {
  const data = Buffer.alloc(req.width * req.height * 4);
  for (let y = 0; y < req.height; y++) {
    for (let x = 0; x < req.width; x++) {
      const [r, g, b] = pixel(x, y);
      const i = (y * req.width + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = 255;
    }
  }
  return data;
}

/** Renders what the camera sees at its current pan/tilt/zoom, as a JPEG. */
export function renderSnapshot(req: SnapshotRequest): Buffer {
  const { width, height, position } = req;
  const fov = WIDE_FOV - (WIDE_FOV - TELE_FOV) * position.zoom;
  const pan = position.pan * 180;
  const tilt = position.tilt * 45 - 10;
  let pixel: (x: number, y: number) => Rgb;
  if (req.tampered === 'covered') {
    // A bag or paint over the lens: dark, nearly uniform, a little noise.
    pixel = (x, y) => {
      const n = Math.round(18 + 10 * hash(x * 7919 + y));
      return [n, n, n + 2];
    };
  } else if (req.tampered === 'turned') {
    // Turned to face the wall it is mounted on: brick, whatever the PTZ says.
    pixel = (x, y) => {
      const row = Math.floor(y / 12);
      const mortar = y % 12 === 0 || (x + (row % 2) * 16) % 32 === 0;
      return mortar ? [200, 195, 185] : [150 + ((x * y) % 17), 70, 50];
    };
  } else {
    pixel = (x, y) => scene(pan + (x / width - 0.5) * fov, tilt - (y / height - 0.5) * fov * (height / width), req.seed);
  }
  return jpeg.encode({ data: render(req, pixel), width, height }, 75).data;
}
