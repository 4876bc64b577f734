import { NS, XMLNS_TT as TT, xmlnsDefault } from '../soap/namespaces.js';
import { xmlEscape as x } from '../xml/escape.js';
import type { OnvifClient } from './client.js';
import type { Reply } from './reply.js';

/** Media calls, through Media2 (ver20) when the camera offers it, else Media (ver10). */

const TRT = xmlnsDefault(NS.trt);
const TR2 = xmlnsDefault(NS.tr2);

export type Codec = 'H264' | 'H265' | 'JPEG' | 'MPEG4';

export interface EncoderConfig {
  token: string;
  name: string;
  codec: Codec;
  width: number;
  height: number;
  fps: number;
  bitrateKbps: number;
  gop: number | undefined;
  quality: number;
  /** Codec profile (Main, High, …). */
  profile: string | undefined;
}

export interface MediaProfile {
  token: string;
  name: string;
  encoder: EncoderConfig | undefined;
  hasPtz: boolean;
}

export interface EncoderOptions {
  codec: Codec;
  resolutions: { width: number; height: number }[];
  fps: { min: number; max: number; values?: number[] };
  bitrateKbps: { min: number; max: number } | undefined;
  gop: { min: number; max: number } | undefined;
  quality: { min: number; max: number };
  profiles: string[];
}

const media = (c: OnvifClient): 'media2' | 'media' => (c.hasService('media2') ? 'media2' : 'media');

function readEncoder(e: Reply, media2: boolean): EncoderConfig {
  return {
    token: e.attr('token') ?? '',
    name: e.text('Name') ?? '',
    codec: (e.text('Encoding') ?? 'H264') as Codec,
    width: e.number('Resolution', 'Width') ?? 0,
    height: e.number('Resolution', 'Height') ?? 0,
    fps: e.number('RateControl', 'FrameRateLimit') ?? 0,
    bitrateKbps: e.number('RateControl', 'BitrateLimit') ?? 0,
    gop: media2 ? (e.attr('GovLength') !== undefined ? Number(e.attr('GovLength')) : undefined) : e.number('H264', 'GovLength'),
    quality: e.number('Quality') ?? 0,
    profile: media2 ? e.attr('Profile') : e.text('H264', 'H264Profile'),
  };
}

export async function getProfiles(c: OnvifClient): Promise<MediaProfile[]> {
  if (media(c) === 'media2') {
    const r = await c.call('media2', 'GetProfiles', `<GetProfiles ${TR2}><Type>All</Type></GetProfiles>`);
    return r.all('Profiles').map((p) => {
      const encoder = p.at('Configurations', 'VideoEncoder');
      return {
        token: p.attr('token') ?? '',
        name: p.text('Name') ?? '',
        encoder: encoder.exists ? readEncoder(encoder, true) : undefined,
        hasPtz: p.at('Configurations', 'PTZ').exists,
      };
    });
  }
  const r = await c.call('media', 'GetProfiles', `<GetProfiles ${TRT}/>`);
  return r.all('Profiles').map((p) => {
    const encoder = p.child('VideoEncoderConfiguration');
    return {
      token: p.attr('token') ?? '',
      name: p.text('Name') ?? '',
      encoder: encoder.exists ? readEncoder(encoder, false) : undefined,
      hasPtz: p.child('PTZConfiguration').exists,
    };
  });
}

/** The RTSP URI of a profile, as the camera gives it (cameras put no credentials in it). */
export async function getStreamUri(c: OnvifClient, profileToken: string): Promise<string> {
  if (media(c) === 'media2') {
    const r = await c.call(
      'media2',
      'GetStreamUri',
      `<GetStreamUri ${TR2}><Protocol>RTSP</Protocol><ProfileToken>${x(profileToken)}</ProfileToken></GetStreamUri>`,
    );
    return r.text('Uri') ?? '';
  }
  const r = await c.call(
    'media',
    'GetStreamUri',
    `<GetStreamUri ${TRT}><StreamSetup><tt:Stream ${TT}>RTP-Unicast</tt:Stream><tt:Transport ${TT}><tt:Protocol>RTSP</tt:Protocol></tt:Transport></StreamSetup><ProfileToken>${x(profileToken)}</ProfileToken></GetStreamUri>`,
  );
  return r.text('MediaUri', 'Uri') ?? '';
}

export async function getSnapshotUri(c: OnvifClient, profileToken: string): Promise<string> {
  if (media(c) === 'media2') {
    const r = await c.call(
      'media2',
      'GetSnapshotUri',
      `<GetSnapshotUri ${TR2}><ProfileToken>${x(profileToken)}</ProfileToken></GetSnapshotUri>`,
    );
    return r.text('Uri') ?? '';
  }
  const r = await c.call(
    'media',
    'GetSnapshotUri',
    `<GetSnapshotUri ${TRT}><ProfileToken>${x(profileToken)}</ProfileToken></GetSnapshotUri>`,
  );
  return r.text('MediaUri', 'Uri') ?? '';
}

function range(r: Reply, ...path: string[]): { min: number; max: number } | undefined {
  const min = r.number(...path, 'Min');
  const max = r.number(...path, 'Max');
  return min === undefined || max === undefined ? undefined : { min, max };
}

const resolutions = (r: Reply) =>
  r.all('ResolutionsAvailable').map((s) => ({ width: s.number('Width') ?? 0, height: s.number('Height') ?? 0 }));

/** What an encoder configuration accepts, per codec. */
export async function getEncoderOptions(c: OnvifClient, configToken: string): Promise<EncoderOptions[]> {
  if (media(c) === 'media2') {
    const r = await c.call(
      'media2',
      'GetVideoEncoderConfigurationOptions',
      `<GetVideoEncoderConfigurationOptions ${TR2}><ConfigurationToken>${x(configToken)}</ConfigurationToken></GetVideoEncoderConfigurationOptions>`,
    );
    return r.all('Options').map((o) => {
      const rates = (o.attr('FrameRatesSupported') ?? '').split(/\s+/).filter(Boolean).map(Number);
      const gop = (o.attr('GovLengthRange') ?? '').split(/\s+/).filter(Boolean).map(Number);
      return {
        codec: (o.text('Encoding') ?? 'H264') as Codec,
        resolutions: resolutions(o),
        fps: { min: Math.min(...rates), max: Math.max(...rates), values: rates },
        bitrateKbps: range(o, 'BitrateRange'),
        gop: gop.length === 2 ? { min: gop[0]!, max: gop[1]! } : undefined,
        quality: range(o, 'QualityRange') ?? { min: 0, max: 0 },
        profiles: (o.attr('ProfilesSupported') ?? '').split(/\s+/).filter(Boolean),
      };
    });
  }
  const r = await c.call(
    'media',
    'GetVideoEncoderConfigurationOptions',
    `<GetVideoEncoderConfigurationOptions ${TRT}><ConfigurationToken>${x(configToken)}</ConfigurationToken></GetVideoEncoderConfigurationOptions>`,
  );
  const o = r.child('Options');
  const h264 = o.child('H264');
  if (!h264.exists) return [];
  return [
    {
      codec: 'H264',
      resolutions: resolutions(h264),
      fps: range(h264, 'FrameRateRange') ?? { min: 1, max: 1 },
      bitrateKbps: range(o, 'Extension', 'H264', 'BitrateRange'),
      gop: range(h264, 'GovLengthRange'),
      quality: range(o, 'QualityRange') ?? { min: 0, max: 0 },
      profiles: h264.all('H264ProfilesSupported').map((p) => p.text() ?? ''),
    },
  ];
}

/** Every video encoder configuration (Media2 also shows H.265 ones). */
export async function getEncoders(c: OnvifClient): Promise<EncoderConfig[]> {
  const m = media(c);
  const r = await c.call(m, 'GetVideoEncoderConfigurations', `<GetVideoEncoderConfigurations ${m === 'media2' ? TR2 : TRT}/>`);
  return r.all('Configurations').map((e) => readEncoder(e, m === 'media2'));
}

/** Sends a whole encoder configuration (cameras take the full configuration, not a patch). */
export async function setEncoder(c: OnvifClient, e: EncoderConfig): Promise<void> {
  if (media(c) === 'media2') {
    const gop = e.gop !== undefined ? ` GovLength="${e.gop}"` : '';
    const profile = e.profile ? ` Profile="${x(e.profile)}"` : '';
    await c.call(
      'media2',
      'SetVideoEncoderConfiguration',
      `<SetVideoEncoderConfiguration ${TR2}><Configuration token="${x(e.token)}"${gop}${profile}><tt:Name ${TT}>${x(e.name)}</tt:Name><tt:UseCount ${TT}>1</tt:UseCount>` +
        `<tt:Encoding ${TT}>${e.codec}</tt:Encoding><tt:Resolution ${TT}><tt:Width>${e.width}</tt:Width><tt:Height>${e.height}</tt:Height></tt:Resolution>` +
        `<tt:RateControl ${TT}><tt:FrameRateLimit>${e.fps}</tt:FrameRateLimit><tt:BitrateLimit>${e.bitrateKbps}</tt:BitrateLimit></tt:RateControl>` +
        `<tt:Quality ${TT}>${e.quality}</tt:Quality></Configuration></SetVideoEncoderConfiguration>`,
    );
    return;
  }
  const h264 =
    e.codec === 'H264'
      ? `<tt:H264 ${TT}><tt:GovLength>${e.gop ?? 1}</tt:GovLength><tt:H264Profile>${x(e.profile ?? 'Main')}</tt:H264Profile></tt:H264>`
      : '';
  await c.call(
    'media',
    'SetVideoEncoderConfiguration',
    `<SetVideoEncoderConfiguration ${TRT}><Configuration token="${x(e.token)}"><tt:Name ${TT}>${x(e.name)}</tt:Name><tt:UseCount ${TT}>1</tt:UseCount>` +
      `<tt:Encoding ${TT}>${e.codec}</tt:Encoding><tt:Resolution ${TT}><tt:Width>${e.width}</tt:Width><tt:Height>${e.height}</tt:Height></tt:Resolution><tt:Quality ${TT}>${e.quality}</tt:Quality>` +
      `<tt:RateControl ${TT}><tt:FrameRateLimit>${e.fps}</tt:FrameRateLimit><tt:EncodingInterval>1</tt:EncodingInterval><tt:BitrateLimit>${e.bitrateKbps}</tt:BitrateLimit></tt:RateControl>${h264}` +
      `<tt:Multicast ${TT}><tt:Address><tt:Type>IPv4</tt:Type><tt:IPv4Address>0.0.0.0</tt:IPv4Address></tt:Address><tt:Port>0</tt:Port><tt:TTL>5</tt:TTL><tt:AutoStart>false</tt:AutoStart></tt:Multicast>` +
      `<tt:SessionTimeout ${TT}>PT60S</tt:SessionTimeout></Configuration><ForcePersistence>true</ForcePersistence></SetVideoEncoderConfiguration>`,
  );
}
