import { xmlEscape as x } from '../../xml/escape.js';
import { PTZ_SPACES } from '../../soap/namespaces.js';
import type { EncoderSettings, PtzPosition, Range, Resolution } from '../model.js';
import { DEFAULT_VIDEO_SOURCE } from '../defaults.js';

/** Builders for the shared `tt:` schema types, written in the element order the ONVIF XSD requires. */

export const num = (v: number): string => (Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6));

export function resolution(tag: string, r: Resolution): string {
  return `<${tag}><tt:Width>${r.width}</tt:Width><tt:Height>${r.height}</tt:Height></${tag}>`;
}

export function intRange(tag: string, r: Range): string {
  return `<${tag}><tt:Min>${num(r.min)}</tt:Min><tt:Max>${num(r.max)}</tt:Max></${tag}>`;
}

export function dateTime(tag: string, ms: number): string {
  const d = new Date(ms);
  return (
    `<${tag}><tt:Time><tt:Hour>${d.getUTCHours()}</tt:Hour><tt:Minute>${d.getUTCMinutes()}</tt:Minute><tt:Second>${d.getUTCSeconds()}</tt:Second></tt:Time>` +
    `<tt:Date><tt:Year>${d.getUTCFullYear()}</tt:Year><tt:Month>${d.getUTCMonth() + 1}</tt:Month><tt:Day>${d.getUTCDate()}</tt:Day></tt:Date></${tag}>`
  );
}

export function videoSourceConfiguration(tag: string): string {
  const s = DEFAULT_VIDEO_SOURCE;
  return (
    `<${tag} token="${s.configToken}"><tt:Name>VideoSourceConfig</tt:Name><tt:UseCount>2</tt:UseCount>` +
    `<tt:SourceToken>${s.token}</tt:SourceToken><tt:Bounds x="0" y="0" width="${s.width}" height="${s.height}"/></${tag}>`
  );
}

const MULTICAST_V10 =
  '<tt:Multicast><tt:Address><tt:Type>IPv4</tt:Type><tt:IPv4Address>0.0.0.0</tt:IPv4Address></tt:Address><tt:Port>0</tt:Port><tt:TTL>5</tt:TTL><tt:AutoStart>false</tt:AutoStart></tt:Multicast>';

/** Media (ver10) VideoEncoderConfiguration. It cannot express H.265; callers leave such encoders out. */
export function videoEncoderConfiguration(tag: string, e: EncoderSettings, useCount = 1): string {
  return (
    `<${tag} token="${x(e.token)}"><tt:Name>${x(e.name)}</tt:Name><tt:UseCount>${useCount}</tt:UseCount>` +
    `<tt:Encoding>${e.codec}</tt:Encoding>${resolution('tt:Resolution', e)}<tt:Quality>${num(e.quality)}</tt:Quality>` +
    `<tt:RateControl><tt:FrameRateLimit>${e.fps}</tt:FrameRateLimit><tt:EncodingInterval>1</tt:EncodingInterval><tt:BitrateLimit>${e.bitrateKbps}</tt:BitrateLimit></tt:RateControl>` +
    (e.codec === 'H264'
      ? `<tt:H264><tt:GovLength>${e.gop}</tt:GovLength><tt:H264Profile>${x(e.codecProfile)}</tt:H264Profile></tt:H264>`
      : '') +
    `${MULTICAST_V10}<tt:SessionTimeout>PT60S</tt:SessionTimeout></${tag}>`
  );
}

/** Media2 (ver20) VideoEncoder2Configuration, which carries H.265 too. */
export function videoEncoder2Configuration(tag: string, e: EncoderSettings, useCount = 1): string {
  return (
    `<${tag} token="${x(e.token)}" GovLength="${e.gop}" Profile="${x(e.codecProfile)}"><tt:Name>${x(e.name)}</tt:Name><tt:UseCount>${useCount}</tt:UseCount>` +
    `<tt:Encoding>${e.codec}</tt:Encoding>${resolution('tt:Resolution', e)}` +
    `<tt:RateControl ConstantBitRate="false"><tt:FrameRateLimit>${num(e.fps)}</tt:FrameRateLimit><tt:BitrateLimit>${e.bitrateKbps}</tt:BitrateLimit></tt:RateControl>` +
    `<tt:Quality>${num(e.quality)}</tt:Quality></${tag}>`
  );
}

export function ptzVector(tag: string, p: PtzPosition): string {
  return (
    `<${tag}><tt:PanTilt x="${num(p.pan)}" y="${num(p.tilt)}" space="${PTZ_SPACES.absolutePanTilt}"/>` +
    `<tt:Zoom x="${num(p.zoom)}" space="${PTZ_SPACES.absoluteZoom}"/></${tag}>`
  );
}

export const PTZ_NODE_TOKEN = 'PTZNode_1';
export const PTZ_CONFIG_TOKEN = 'PTZConfig_1';

export function ptzConfiguration(tag: string, absolute: boolean): string {
  return (
    `<${tag} token="${PTZ_CONFIG_TOKEN}" MoveRamp="0" PresetRamp="0" PresetTourRamp="0"><tt:Name>PTZ</tt:Name><tt:UseCount>2</tt:UseCount><tt:NodeToken>${PTZ_NODE_TOKEN}</tt:NodeToken>` +
    (absolute
      ? `<tt:DefaultAbsolutePantTiltPositionSpace>${PTZ_SPACES.absolutePanTilt}</tt:DefaultAbsolutePantTiltPositionSpace>` +
        `<tt:DefaultAbsoluteZoomPositionSpace>${PTZ_SPACES.absoluteZoom}</tt:DefaultAbsoluteZoomPositionSpace>`
      : '') +
    `<tt:DefaultRelativePanTiltTranslationSpace>${PTZ_SPACES.relativePanTilt}</tt:DefaultRelativePanTiltTranslationSpace>` +
    `<tt:DefaultRelativeZoomTranslationSpace>${PTZ_SPACES.relativeZoom}</tt:DefaultRelativeZoomTranslationSpace>` +
    `<tt:DefaultContinuousPanTiltVelocitySpace>${PTZ_SPACES.continuousPanTilt}</tt:DefaultContinuousPanTiltVelocitySpace>` +
    `<tt:DefaultContinuousZoomVelocitySpace>${PTZ_SPACES.continuousZoom}</tt:DefaultContinuousZoomVelocitySpace>` +
    `<tt:DefaultPTZSpeed><tt:PanTilt x="1" y="1" space="${PTZ_SPACES.panTiltSpeed}"/><tt:Zoom x="1" space="${PTZ_SPACES.zoomSpeed}"/></tt:DefaultPTZSpeed>` +
    `<tt:DefaultPTZTimeout>PT5S</tt:DefaultPTZTimeout>` +
    `<tt:PanTiltLimits><tt:Range><tt:URI>${PTZ_SPACES.absolutePanTilt}</tt:URI>${intRange('tt:XRange', { min: -1, max: 1 })}${intRange('tt:YRange', { min: -1, max: 1 })}</tt:Range></tt:PanTiltLimits>` +
    `<tt:ZoomLimits><tt:Range><tt:URI>${PTZ_SPACES.absoluteZoom}</tt:URI>${intRange('tt:XRange', { min: 0, max: 1 })}</tt:Range></tt:ZoomLimits></${tag}>`
  );
}

function space2d(tag: string, uri: string, min: number): string {
  return `<${tag}><tt:URI>${uri}</tt:URI>${intRange('tt:XRange', { min, max: 1 })}${intRange('tt:YRange', { min, max: 1 })}</${tag}>`;
}

function space1d(tag: string, uri: string, min: number): string {
  return `<${tag}><tt:URI>${uri}</tt:URI>${intRange('tt:XRange', { min, max: 1 })}</${tag}>`;
}

/** The PTZSpaces a node supports; without AbsoluteMove the absolute spaces are left out, as such cameras do. */
export function ptzSpaces(tag: string, absolute: boolean): string {
  return (
    `<${tag}>` +
    (absolute
      ? space2d('tt:AbsolutePanTiltPositionSpace', PTZ_SPACES.absolutePanTilt, -1) +
        space1d('tt:AbsoluteZoomPositionSpace', PTZ_SPACES.absoluteZoom, 0)
      : '') +
    space2d('tt:RelativePanTiltTranslationSpace', PTZ_SPACES.relativePanTilt, -1) +
    space1d('tt:RelativeZoomTranslationSpace', PTZ_SPACES.relativeZoom, -1) +
    space2d('tt:ContinuousPanTiltVelocitySpace', PTZ_SPACES.continuousPanTilt, -1) +
    space1d('tt:ContinuousZoomVelocitySpace', PTZ_SPACES.continuousZoom, -1) +
    space1d('tt:PanTiltSpeedSpace', PTZ_SPACES.panTiltSpeed, 0) +
    space1d('tt:ZoomSpeedSpace', PTZ_SPACES.zoomSpeed, 0) +
    `</${tag}>`
  );
}
