import type { StreamSpec } from '../inventory/model.js';
import type { EncoderChange } from '../onvif/encoder-check.js';
import type { EncoderConfig, MediaProfile } from '../onvif/media.js';

/** The camera profile a stream spec names, by token or (case-insensitively) by name. */
export function profileFor(profiles: MediaProfile[], spec: StreamSpec): MediaProfile | undefined {
  return profiles.find((p) => p.token === spec.profile) ?? profiles.find((p) => p.name.toLowerCase() === spec.profile.toLowerCase());
}

/** The change that brings an encoder to a stream spec, or undefined when it already meets it. */
export function encoderChangeFor(current: EncoderConfig, spec: StreamSpec): { change: EncoderChange; differences: string[] } | undefined {
  const change: EncoderChange = {};
  const differences: string[] = [];
  if (spec.codec && spec.codec !== current.codec) {
    change.codec = spec.codec;
    differences.push(`codec ${current.codec}, wants ${spec.codec}`);
  }
  if (spec.resolution) {
    const [w, h] = spec.resolution.split('x').map(Number) as [number, number];
    if (w !== current.width || h !== current.height) {
      Object.assign(change, { width: w, height: h });
      differences.push(`resolution ${current.width}x${current.height}, wants ${spec.resolution}`);
    }
  }
  if (spec.fps !== undefined && spec.fps !== current.fps) {
    change.fps = spec.fps;
    differences.push(`${current.fps} fps, wants ${spec.fps}`);
  }
  if (spec.bitrateKbps && (current.bitrateKbps < spec.bitrateKbps.min || current.bitrateKbps > spec.bitrateKbps.max)) {
    change.bitrateKbps = Math.min(spec.bitrateKbps.max, Math.max(spec.bitrateKbps.min, current.bitrateKbps));
    differences.push(`${current.bitrateKbps} kbit/s, wants ${spec.bitrateKbps.min}-${spec.bitrateKbps.max}`);
  }
  if (spec.gop !== undefined && current.gop !== undefined && spec.gop !== current.gop) {
    change.gop = spec.gop;
    differences.push(`GOP ${current.gop}, wants ${spec.gop}`);
  }
  return differences.length ? { change, differences } : undefined;
}
