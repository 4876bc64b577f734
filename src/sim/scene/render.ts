import sharp from 'sharp';
import type { PtzPosition, Tamper } from '../model.js';
import { hashUnit } from './hash.js';
import { lightAt } from './lighting.js';
import { streetSvg, textureGround, wallSvg } from './street-scene.js';

export interface SnapshotRequest {
  /** The profile's resolution: snapshots come at it, as real cameras send them. */
  width: number;
  height: number;
  position: PtzPosition;
  tamper: Tamper;
  /** Varies the street between cameras. */
  seed: number;
  /** The camera's clock, seconds: the people and vehicles move with it. */
  time: number;
  /** The camera's local time of day, hours. */
  hour: number;
  /** Whether the camera switches to infrared at night. */
  infrared: boolean;
  /** Sensor noise source, so that two snapshots of a still scene still differ. */
  random: () => number;
}

/** Horizontal field of view in degrees at zoom 0 and zoom 1. */
const WIDE_FOV = 62;
const TELE_FOV = 6;
/** The scene is drawn at most this wide, then scaled to the profile's resolution. */
const DRAW_WIDTH = 480;

/** Paint over about 85% of the picture: only a corner stays visible. */
function paint(width: number, height: number): string {
  const points: string[] = [];
  for (let i = 0; i <= 24; i++) {
    const t = i / 24;
    // An irregular edge from the top (70% across) to the right (40% down), then the rest of the frame.
    const wobble = 0.04 * Math.sin(i * 2.3) * width;
    points.push(`${(0.7 + 0.3 * t) * width + wobble * (1 - t)},${0.4 * t * height + wobble * t}`);
  }
  points.push(`${width},${height}`, `0,${height}`, '0,0');
  return `<polygon points="${points.join(' ')}" fill="rgb(22,24,20)"/>`;
}

/** Unit-variance noise (sum of two uniforms), drawn once: a snapshot reads it from a random place. */
const NOISE = Float32Array.from({ length: 65_536 }, () => (Math.random() + Math.random() - 1) * 2.45);

/** Adds sensor noise to an RGB raster, in place: a few milliseconds, where drawing each value costs many. */
function addNoise(raster: Buffer, sigma: number, random: () => number): void {
  let at = Math.floor(random() * NOISE.length);
  const step = 1 + 2 * Math.floor(random() * 4);
  for (let i = 0; i < raster.length; i++) {
    at = (at + step) & 0xffff;
    const v = raster[i]! + NOISE[at]! * sigma;
    raster[i] = v < 0 ? 0 : Math.min(v, 255);
  }
}

/** What the camera sees now, as its JPEG snapshot. */
export async function renderSnapshot(req: SnapshotRequest): Promise<Buffer> {
  const light = lightAt(req.hour, req.infrared);
  const drawWidth = Math.min(req.width, DRAW_WIDTH);
  const drawHeight = Math.max(1, Math.round((drawWidth * req.height) / req.width));
  const fov = WIDE_FOV - (WIDE_FOV - TELE_FOV) * req.position.zoom;
  const turnedBy = req.tamper.kind === 'panned' ? req.tamper.degrees : req.tamper.kind === 'nudged' ? 0.02 * fov : 0;
  const view = {
    width: drawWidth,
    height: drawHeight,
    azimuth: req.position.pan * 180 + turnedBy,
    elevation: req.position.tilt * 45 - 10,
    fov,
    seed: req.seed,
    time: req.time,
    light,
  };
  let svg = req.tamper.kind === 'turned' ? wallSvg(drawWidth, drawHeight, light) : streetSvg(view);
  if (req.tamper.kind === 'sprayed') svg = svg.replace(/<\/svg>$/, `${paint(drawWidth, drawHeight)}</svg>`);
  const raster = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
  // Under paint or facing a wall there is no ground to see.
  if (req.tamper.kind !== 'turned' && req.tamper.kind !== 'sprayed') textureGround(raster, view);
  if (req.tamper.kind === 'covered') {
    // A bag or paint over the lens: dark and nearly uniform, with a faint shading.
    for (let i = 0; i < raster.length; i++) raster[i] = 20 + 6 * hashUnit(Math.floor(i / (drawWidth * 3 * 20)));
  }
  const raw = { raw: { width: drawWidth, height: drawHeight, channels: 3 as const } };
  // Tampering is drawn at the drawing size (cheap), in proportion to the picture: defocus blurs; a
  // translucent bag blurs more and washes the picture out to a bright, featureless grey.
  let drawn = sharp(raster, raw);
  if (req.tamper.kind === 'defocused') drawn = drawn.blur(drawWidth * 0.012);
  if (req.tamper.kind === 'bagged') drawn = drawn.blur(drawWidth * 0.04).linear(0.25, 175);
  if (req.tamper.kind === 'upside-down') drawn = drawn.rotate(180);
  // Sensor noise comes after the optics: a defocused or covered lens still shows it.
  const sensed = await drawn.raw().toBuffer();
  addNoise(sensed, light.noise, req.random);
  let image = sharp(sensed, raw);
  // Scaling up by nearest neighbour costs a third of interpolating: at full size the picture looks blocky,
  // which nothing that compares or shows pictures at thumbnail size can tell.
  if (drawWidth !== req.width || drawHeight !== req.height) {
    image = image.resize(req.width, req.height, { fit: 'fill', kernel: req.width >= drawWidth * 2 ? 'nearest' : 'linear' });
  }
  if (light.ir) image = image.greyscale();
  return image.jpeg({ quality: 78, optimiseCoding: false }).toBuffer();
}
