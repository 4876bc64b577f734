import type { EncoderSettings } from './model.js';
import { h264Sps, h265Sps } from '../media/sps-write.js';

// Fixed parameter sets as typical cameras send them; only the SPS carries what a client reads.
const H264_PPS = Buffer.from([0x68, 0xce, 0x3c, 0x80]);
const H265_VPS = Buffer.from('QAEMAf//AWAAAAMAkAAAAwAAAwB4lZgJ', 'base64');
const H265_PPS = Buffer.from('RAHA8vA8kAA=', 'base64');

const b64 = (b: Buffer): string => b.toString('base64');

/** The SDP a camera answers DESCRIBE with, matching its current encoder settings. */
export function describeSdp(e: EncoderSettings, address: string, sessionName: string, sessionId: number): string {
  const lines = [
    'v=0',
    `o=- ${sessionId} 1 IN IP4 ${address}`,
    `s=${sessionName}`,
    'c=IN IP4 0.0.0.0',
    't=0 0',
    'a=control:*',
    'a=range:npt=now-',
  ];
  if (e.codec === 'H264') {
    const sps = h264Sps(e.width, e.height, e.fps, e.codecProfile);
    const profileLevelId = sps.subarray(1, 4).toString('hex');
    lines.push(
      'm=video 0 RTP/AVP 96',
      'a=rtpmap:96 H264/90000',
      `a=fmtp:96 packetization-mode=1;profile-level-id=${profileLevelId};sprop-parameter-sets=${b64(sps)},${b64(H264_PPS)}`,
    );
  } else if (e.codec === 'H265') {
    lines.push(
      'm=video 0 RTP/AVP 96',
      'a=rtpmap:96 H265/90000',
      `a=fmtp:96 sprop-vps=${b64(H265_VPS)};sprop-sps=${b64(h265Sps(e.width, e.height))};sprop-pps=${b64(H265_PPS)}`,
    );
  } else {
    lines.push('m=video 0 RTP/AVP 26');
  }
  lines.push(`a=framerate:${e.fps}`, `a=framesize:96 ${e.width}-${e.height}`, 'a=control:trackID=1');
  return `${lines.join('\r\n')}\r\n`;
}
