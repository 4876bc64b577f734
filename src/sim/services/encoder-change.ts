import type { Codec, EncoderSettings } from '../model.js';
import { invalidArgVal } from '../soap/fault.js';
import type { ServiceCamera } from './context.js';
import { encoderOf, limitsOf } from './lookup.js';

const CODEC_PROFILES: Record<Codec, string[]> = { H264: ['Baseline', 'Main', 'High'], H265: ['Main'], JPEG: [] };

export const codecProfilesOf = (codec: Codec): string[] => CODEC_PROFILES[codec];

/**
 * Checks a requested encoder configuration against the encoder's options and applies it,
 * unless the camera has the "accepts but ignores" fault. Out-of-range values get ter:ConfigModify,
 * the fault a camera sends.
 */
export function applyEncoderChange(camera: ServiceCamera, token: string | undefined, wanted: EncoderSettings): void {
  const current = encoderOf(camera, token);
  const limits = limitsOf(current.token);
  const refuse = (what: string): never => {
    throw invalidArgVal('ConfigModify', `The configuration parameters are not possible to set: ${what}`);
  };
  if (!limits.codecs.includes(wanted.codec)) refuse(`encoding ${wanted.codec} is not supported`);
  if (!limits.resolutions.some((r) => r.width === wanted.width && r.height === wanted.height)) {
    refuse(`resolution ${wanted.width}x${wanted.height} is not available`);
  }
  const inRange = (v: number, r: { min: number; max: number }): boolean => Number.isFinite(v) && v >= r.min && v <= r.max;
  if (!inRange(wanted.fps, limits.fps)) refuse(`frame rate ${wanted.fps} is outside ${limits.fps.min}-${limits.fps.max}`);
  if (!inRange(wanted.bitrateKbps, limits.bitrateKbps))
    refuse(`bitrate ${wanted.bitrateKbps} is outside ${limits.bitrateKbps.min}-${limits.bitrateKbps.max}`);
  if (!inRange(wanted.gop, limits.gop)) refuse(`GOP length ${wanted.gop} is outside ${limits.gop.min}-${limits.gop.max}`);
  if (!inRange(wanted.quality, limits.quality)) refuse(`quality ${wanted.quality} is outside ${limits.quality.min}-${limits.quality.max}`);
  if (!CODEC_PROFILES[wanted.codec].includes(wanted.codecProfile))
    refuse(`profile ${wanted.codecProfile} is not supported for ${wanted.codec}`);
  if (camera.faults.ignoreEncoderChanges) return;
  Object.assign(current, { ...wanted, token: current.token });
  camera.changed();
}
