import type { Codec, EncoderConfig, EncoderOptions } from './media.js';

/** A requested change of stream settings; unset fields keep the camera's value. */
export interface EncoderChange {
  codec?: Codec;
  width?: number;
  height?: number;
  fps?: number;
  bitrateKbps?: number;
  gop?: number;
}

export type EncoderCheck = { ok: true; wanted: EncoderConfig } | { ok: false; problems: string[] };

const list = (values: (string | number)[]): string => values.join(', ');

/**
 * Checks a change against what the encoder says it accepts, before anything is sent: an unsupported
 * value is refused here, with the values the camera would take. Pure.
 */
export function checkEncoderChange(current: EncoderConfig, options: EncoderOptions[], change: EncoderChange): EncoderCheck {
  const codec = change.codec ?? current.codec;
  const opts = options.find((o) => o.codec === codec);
  if (!opts)
    return {
      ok: false,
      problems: [
        `codec ${codec} is not offered; the camera offers ${list(options.map((o) => o.codec)) || 'none'}${codec === 'H265' ? ' (H.265 needs a Media2 camera)' : ''}`,
      ],
    };
  const wanted: EncoderConfig = {
    ...current,
    codec,
    width: change.width ?? current.width,
    height: change.height ?? current.height,
    fps: change.fps ?? current.fps,
    bitrateKbps: change.bitrateKbps ?? current.bitrateKbps,
    gop: change.gop ?? current.gop,
    // A codec change takes a profile the new codec supports.
    profile: codec === current.codec ? current.profile : (opts.profiles.at(-1) ?? current.profile),
  };
  const problems: string[] = [];
  if (!opts.resolutions.some((r) => r.width === wanted.width && r.height === wanted.height)) {
    problems.push(
      `resolution ${wanted.width}x${wanted.height} is not offered for ${codec}; offered: ${list(opts.resolutions.map((r) => `${r.width}x${r.height}`))}`,
    );
  }
  const fpsOk = opts.fps.values ? opts.fps.values.includes(wanted.fps) : wanted.fps >= opts.fps.min && wanted.fps <= opts.fps.max;
  if (!fpsOk)
    problems.push(
      `frame rate ${wanted.fps} is not offered; offered: ${opts.fps.values ? list([...opts.fps.values].sort((a, b) => a - b)) : `${opts.fps.min}-${opts.fps.max}`}`,
    );
  if (opts.bitrateKbps && (wanted.bitrateKbps < opts.bitrateKbps.min || wanted.bitrateKbps > opts.bitrateKbps.max)) {
    problems.push(`bitrate ${wanted.bitrateKbps} kbit/s is outside ${opts.bitrateKbps.min}-${opts.bitrateKbps.max}`);
  }
  if (wanted.gop !== undefined && opts.gop && (wanted.gop < opts.gop.min || wanted.gop > opts.gop.max)) {
    problems.push(`GOP ${wanted.gop} is outside ${opts.gop.min}-${opts.gop.max}`);
  }
  return problems.length ? { ok: false, problems } : { ok: true, wanted };
}

/** The fields where the camera's configuration differs from what was asked. */
export function encoderDifferences(wanted: EncoderConfig, actual: EncoderConfig): string[] {
  const out: string[] = [];
  if (wanted.codec !== actual.codec) out.push(`codec is ${actual.codec}, not ${wanted.codec}`);
  if (wanted.width !== actual.width || wanted.height !== actual.height)
    out.push(`resolution is ${actual.width}x${actual.height}, not ${wanted.width}x${wanted.height}`);
  if (wanted.fps !== actual.fps) out.push(`frame rate is ${actual.fps}, not ${wanted.fps}`);
  if (wanted.bitrateKbps !== actual.bitrateKbps) out.push(`bitrate is ${actual.bitrateKbps}, not ${wanted.bitrateKbps}`);
  if (wanted.gop !== undefined && actual.gop !== undefined && wanted.gop !== actual.gop)
    out.push(`GOP is ${actual.gop}, not ${wanted.gop}`);
  return out;
}
