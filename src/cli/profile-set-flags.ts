import { UserError } from '../errors.js';
import type { EncoderChange } from '../onvif/encoder-check.js';
import type { Codec } from '../onvif/media.js';
import type { DeviceFlags } from './device-target.js';

export interface ProfileSetFlags extends DeviceFlags {
  codec?: string;
  resolution?: string;
  fps?: number;
  bitrate?: number;
  gop?: number;
}

/** The encoder change the flags ask for, or a UserError that says what a flag should look like. */
export function encoderChange(flags: ProfileSetFlags): EncoderChange {
  const change: EncoderChange = {};
  if (flags.codec !== undefined) change.codec = flags.codec.toUpperCase().replace('.', '') as Codec;
  if (flags.resolution !== undefined) {
    const m = /^(\d+)x(\d+)$/i.exec(flags.resolution);
    if (!m) throw new UserError(`--resolution '${flags.resolution}' is not WIDTHxHEIGHT`, { hint: 'for example --resolution 1920x1080' });
    change.width = Number(m[1]);
    change.height = Number(m[2]);
  }
  if (flags.fps !== undefined) change.fps = flags.fps;
  if (flags.bitrate !== undefined) change.bitrateKbps = flags.bitrate;
  if (flags.gop !== undefined) change.gop = flags.gop;
  if (Object.keys(change).length === 0)
    throw new UserError('nothing to change', { hint: 'give at least one of --codec, --resolution, --fps, --bitrate, --gop' });
  return change;
}
