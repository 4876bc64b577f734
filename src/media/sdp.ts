import { readH264Sps, readH265Sps, type StreamGeometry } from './sps-read.js';

export interface StreamDescription {
  codec: string | null;
  width: number | null;
  height: number | null;
  fps: number | null;
}

/**
 * What an RTSP DESCRIBE's SDP says about the video: the codec from rtpmap, and the size from the
 * SPS in the fmtp parameter sets (what decoders use), else from a=framesize or a=x-dimensions.
 */
export function describeVideo(sdp: string): StreamDescription {
  const lines = sdp.split(/\r?\n/);
  const video = lines.findIndex((l) => l.startsWith('m=video'));
  const next = lines.findIndex((l, i) => i > video && l.startsWith('m='));
  const media = video === -1 ? [] : lines.slice(video + 1, next === -1 ? undefined : next);
  const attr = (name: string): string | undefined => media.find((l) => l.startsWith(`a=${name}:`))?.slice(name.length + 3);
  const rtpmap = attr('rtpmap');
  const staticJpeg = lines[video]?.split(' ')[3] === '26';
  const codec = rtpmap ? (/^\d+\s+([\w.-]+)\//.exec(rtpmap)?.[1]?.toUpperCase() ?? null) : staticJpeg ? 'JPEG' : null;
  const fmtp = attr('fmtp') ?? '';
  let geometry: StreamGeometry | undefined;
  try {
    const h264 = /sprop-parameter-sets=([^,;\s]+)/.exec(fmtp)?.[1];
    const h265 = /sprop-sps=([^;\s]+)/.exec(fmtp)?.[1];
    if (h264) geometry = readH264Sps(Buffer.from(h264, 'base64'));
    else if (h265) geometry = readH265Sps(Buffer.from(h265, 'base64'));
  } catch {
    // A parameter set we cannot read: fall back to the SDP attributes.
  }
  if (!geometry) {
    const size = /(\d+)[-x,](\d+)/.exec(attr('framesize') ?? attr('x-dimensions') ?? '');
    if (size) geometry = { width: Number(size[1]), height: Number(size[2]) };
  }
  const framerate = Number(attr('framerate'));
  return {
    codec: codec === 'HEVC' ? 'H265' : codec,
    width: geometry?.width ?? null,
    height: geometry?.height ?? null,
    fps: geometry?.fps ?? (Number.isFinite(framerate) && framerate > 0 ? framerate : null),
  };
}
