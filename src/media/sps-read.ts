import { BitReader, removeEmulationPrevention } from './bits.js';

export interface StreamGeometry {
  width: number;
  height: number;
  fps?: number;
}

const HIGH_PROFILES = new Set([100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135]);

/** Reads width, height and (when the VUI has timing) frame rate from an H.264 SPS NAL unit. */
export function readH264Sps(nal: Buffer): StreamGeometry {
  const r = new BitReader(removeEmulationPrevention(nal.subarray(1)));
  const profileIdc = r.u(8);
  r.skip(16);
  r.ue();
  let chromaFormat = 1;
  if (HIGH_PROFILES.has(profileIdc)) {
    chromaFormat = r.ue();
    if (chromaFormat === 3) r.skip(1);
    r.ue();
    r.ue();
    r.skip(1);
    if (r.u(1)) throw new RangeError('scaling matrices are not supported');
  }
  r.ue();
  const pocType = r.ue();
  if (pocType === 0) r.ue();
  else if (pocType === 1) {
    r.skip(1);
    r.ue();
    r.ue();
    const cycle = r.ue();
    for (let i = 0; i < cycle; i++) r.ue();
  }
  r.ue();
  r.skip(1);
  const mbWidth = r.ue() + 1;
  const mapHeight = r.ue() + 1;
  const frameMbsOnly = r.u(1);
  if (!frameMbsOnly) r.skip(1);
  r.skip(1);
  let crop = [0, 0, 0, 0];
  if (r.u(1)) crop = [r.ue(), r.ue(), r.ue(), r.ue()];
  const cropUnitX = chromaFormat === 0 || chromaFormat === 3 ? 1 : 2;
  const cropUnitY = (chromaFormat === 1 ? 2 : 1) * (2 - frameMbsOnly);
  const width = mbWidth * 16 - cropUnitX * (crop[0]! + crop[1]!);
  const height = mapHeight * 16 * (2 - frameMbsOnly) - cropUnitY * (crop[2]! + crop[3]!);
  let fps: number | undefined;
  try {
    if (r.u(1)) {
      if (r.u(1) && r.u(8) === 255) r.skip(32);
      if (r.u(1)) r.skip(1);
      if (r.u(1)) {
        r.skip(4);
        if (r.u(1)) r.skip(24);
      }
      if (r.u(1)) {
        r.ue();
        r.ue();
      }
      if (r.u(1)) {
        const unitsInTick = r.u(32);
        const timeScale = r.u(32);
        if (unitsInTick > 0) fps = timeScale / (2 * unitsInTick);
      }
    }
  } catch {
    // A VUI we cannot read: the size is still good.
  }
  return { width, height, ...(fps !== undefined ? { fps } : {}) };
}

/** Reads width and height from an H.265 SPS NAL unit. */
export function readH265Sps(nal: Buffer): StreamGeometry {
  const r = new BitReader(removeEmulationPrevention(nal.subarray(2)));
  r.skip(4);
  const maxSubLayersMinus1 = r.u(3);
  r.skip(1);
  r.skip(2 + 1 + 5 + 32 + 4 + 43 + 1 + 8);
  const subLayerProfile: boolean[] = [];
  const subLayerLevel: boolean[] = [];
  for (let i = 0; i < maxSubLayersMinus1; i++) {
    subLayerProfile.push(r.u(1) === 1);
    subLayerLevel.push(r.u(1) === 1);
  }
  if (maxSubLayersMinus1 > 0) for (let i = maxSubLayersMinus1; i < 8; i++) r.skip(2);
  for (let i = 0; i < maxSubLayersMinus1; i++) {
    if (subLayerProfile[i]) r.skip(88);
    if (subLayerLevel[i]) r.skip(8);
  }
  r.ue();
  const chromaFormat = r.ue();
  if (chromaFormat === 3) r.skip(1);
  let width = r.ue();
  let height = r.ue();
  if (r.u(1)) {
    const subWidth = chromaFormat === 1 || chromaFormat === 2 ? 2 : 1;
    const subHeight = chromaFormat === 1 ? 2 : 1;
    const [left, right, top, bottom] = [r.ue(), r.ue(), r.ue(), r.ue()];
    width -= subWidth * (left + right);
    height -= subHeight * (top + bottom);
  }
  return { width, height };
}
