/** How the scene is lit: colours and levels for the SVG, and what the sensor then does. */
export interface Light {
  skyTop: string;
  skyHorizon: string;
  /** Multipliers of the ground's and the facades' colours. */
  ground: number;
  facade: number;
  /** Lit windows and lamps at night. */
  window: string;
  night: boolean;
  /** The camera switched to its infrared night mode: greyscale, the scene lit by its own illuminator. */
  ir: boolean;
  /** Standard deviation of the sensor noise, in grey levels (more in the dark, as sensors raise their gain). */
  noise: number;
}

const mix = (a: number, b: number, t: number): number => a + (b - a) * t;
const hex = (r: number, g: number, b: number): string => `rgb(${Math.round(r)},${Math.round(g)},${Math.round(b)})`;

/**
 * The light at a local time of day (hours, 0–24): full day from 8 to 16, dusk and dawn in between, night
 * from 19 to 5. At night a camera with infrared (most street cameras) switches to greyscale, and its
 * illuminator lights what is near (road, facades) while the sky goes black.
 */
export function lightAt(hour: number, infrared = true): Light {
  const h = ((hour % 24) + 24) % 24;
  // 1 by day, 0 at night, smooth through dawn (5–8) and dusk (16–19).
  const day = h >= 8 && h <= 16 ? 1 : h <= 5 || h >= 19 ? 0 : h < 8 ? (h - 5) / 3 : (19 - h) / 3;
  const night = day < 0.25;
  if (night && infrared) {
    return {
      skyTop: hex(8, 8, 8),
      skyHorizon: hex(30, 30, 30),
      ground: 0.75,
      facade: 0.6,
      window: hex(235, 235, 235),
      night,
      ir: true,
      noise: 7,
    };
  }
  const dusk = 1 - Math.abs(day - 0.5) * 2;
  return {
    skyTop: hex(mix(12, 110, day), mix(16, 160, day), mix(36, 216, day)),
    skyHorizon: hex(mix(40, 200, day) + 40 * dusk, mix(42, 220, day), mix(60, 240, day) - 30 * dusk),
    ground: mix(0.25, 1, day),
    facade: mix(0.25, 1, day),
    window: hex(255, 214, 122),
    night,
    ir: false,
    noise: mix(8, 2.5, day),
  };
}
