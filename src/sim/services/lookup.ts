import { textAt, type XmlElement } from '../../xml/parse.js';
import { DEFAULT_PROFILES, ENCODER_LIMITS } from '../defaults.js';
import type { EncoderLimits, EncoderSettings, MediaProfileSpec } from '../model.js';
import { invalidArgVal } from '../soap/fault.js';
import type { ServiceCamera } from './context.js';

/** The profile named by the request's ProfileToken, or the ter:NoProfile fault a camera sends. */
export function requireProfile(request: XmlElement, element = 'ProfileToken'): MediaProfileSpec {
  const token = textAt(request, element);
  const profile = DEFAULT_PROFILES.find((p) => p.token === token);
  if (!profile) throw invalidArgVal('NoProfile', `The requested profile token '${token ?? ''}' does not exist`);
  return profile;
}

export function encoderOf(camera: ServiceCamera, token: string | undefined): EncoderSettings {
  const encoder = camera.state.encoders.find((e) => e.token === token);
  if (!encoder) throw invalidArgVal('NoConfig', `The requested configuration '${token ?? ''}' does not exist`);
  return encoder;
}

export function limitsOf(token: string): EncoderLimits {
  return ENCODER_LIMITS[token] ?? ENCODER_LIMITS.VideoEncoder_1!;
}

/** The encoder a Get…Options request is about: by ConfigurationToken, else by ProfileToken, else the main one. */
export function encoderForOptions(camera: ServiceCamera, request: XmlElement): EncoderSettings {
  const configToken = textAt(request, 'ConfigurationToken');
  if (configToken) return encoderOf(camera, configToken);
  const profileToken = textAt(request, 'ProfileToken');
  if (profileToken) return encoderOf(camera, requireProfile(request).encoderToken);
  return camera.state.encoders[0]!;
}
