import { child, textAt, type XmlElement } from '../../xml/parse.js';
import { DEFAULT_PROFILES, DEFAULT_VIDEO_SOURCE } from '../defaults.js';
import type { Codec, EncoderSettings, MediaProfileSpec } from '../model.js';
import { invalidArgVal } from '../soap/fault.js';
import { intRange, ptzConfiguration, resolution, videoEncoderConfiguration, videoSourceConfiguration } from '../soap/tt.js';
import type { Handler, OperationContext, ServiceCamera } from './context.js';
import { codecProfilesOf, applyEncoderChange } from './encoder-change.js';
import { encoderForOptions, encoderOf, limitsOf, requireProfile } from './lookup.js';
import { SERVICE_CAPABILITIES } from './device.js';

/** Media (ver10) can only describe H.264 and JPEG encoders; an H.265 encoder is invisible to it. */
const visibleInMedia1 = (e: EncoderSettings): boolean => e.codec === 'H264' || e.codec === 'JPEG';

function profile(camera: ServiceCamera, p: MediaProfileSpec, tag: string): string {
  const encoder = encoderOf(camera, p.encoderToken);
  return (
    `<${tag} token="${p.token}" fixed="true"><tt:Name>${p.name}</tt:Name>${videoSourceConfiguration('tt:VideoSourceConfiguration')}` +
    (visibleInMedia1(encoder) ? videoEncoderConfiguration('tt:VideoEncoderConfiguration', encoder) : '') +
    (camera.hasPtz ? ptzConfiguration('tt:PTZConfiguration', !camera.faults.noAbsoluteMove) : '') +
    `</${tag}>`
  );
}

function getProfiles({ camera }: OperationContext): string {
  return `<trt:GetProfilesResponse>${DEFAULT_PROFILES.map((p) => profile(camera, p, 'trt:Profiles')).join('')}</trt:GetProfilesResponse>`;
}

function getProfile({ camera, request }: OperationContext): string {
  return `<trt:GetProfileResponse>${profile(camera, requireProfile(request), 'trt:Profile')}</trt:GetProfileResponse>`;
}

function getVideoSources(): string {
  const s = DEFAULT_VIDEO_SOURCE;
  return `<trt:GetVideoSourcesResponse><trt:VideoSources token="${s.token}"><tt:Framerate>${s.fps}</tt:Framerate>${resolution('tt:Resolution', s)}</trt:VideoSources></trt:GetVideoSourcesResponse>`;
}

function getVideoSourceConfigurations(): string {
  return `<trt:GetVideoSourceConfigurationsResponse>${videoSourceConfiguration('trt:Configurations')}</trt:GetVideoSourceConfigurationsResponse>`;
}

function getVideoEncoderConfigurations({ camera }: OperationContext): string {
  const items = camera.state.encoders.filter(visibleInMedia1).map((e) => videoEncoderConfiguration('trt:Configurations', e));
  return `<trt:GetVideoEncoderConfigurationsResponse>${items.join('')}</trt:GetVideoEncoderConfigurationsResponse>`;
}

function getVideoEncoderConfiguration({ camera, request }: OperationContext): string {
  const encoder = encoderOf(camera, textAt(request, 'ConfigurationToken'));
  if (!visibleInMedia1(encoder)) throw invalidArgVal('NoConfig', 'The configuration uses an encoding only Media2 can describe');
  return `<trt:GetVideoEncoderConfigurationResponse>${videoEncoderConfiguration('trt:Configuration', encoder)}</trt:GetVideoEncoderConfigurationResponse>`;
}

function getVideoEncoderConfigurationOptions({ camera, request }: OperationContext): string {
  const limits = limitsOf(encoderForOptions(camera, request).token);
  const h264 = (tag: string, extra: string): string =>
    `<${tag}>${limits.resolutions.map((r) => resolution('tt:ResolutionsAvailable', r)).join('')}` +
    `${intRange('tt:GovLengthRange', limits.gop)}${intRange('tt:FrameRateRange', limits.fps)}${intRange('tt:EncodingIntervalRange', { min: 1, max: 1 })}` +
    codecProfilesOf('H264')
      .map((p) => `<tt:H264ProfilesSupported>${p}</tt:H264ProfilesSupported>`)
      .join('') +
    `${extra}</${tag}>`;
  return (
    `<trt:GetVideoEncoderConfigurationOptionsResponse><trt:Options>${intRange('tt:QualityRange', limits.quality)}` +
    `${h264('tt:H264', '')}<tt:Extension>${h264('tt:H264', intRange('tt:BitrateRange', limits.bitrateKbps))}</tt:Extension>` +
    `</trt:Options></trt:GetVideoEncoderConfigurationOptionsResponse>`
  );
}

function number(el: XmlElement | undefined, ...path: string[]): number {
  const text = textAt(el, ...path);
  return text === undefined ? NaN : Number(text);
}

function setVideoEncoderConfiguration({ camera, request }: OperationContext): string {
  const config = child(request, 'Configuration');
  const token = config?.attrs.token;
  const current = encoderOf(camera, token);
  const encoding = textAt(config, 'Encoding') as Codec | undefined;
  applyEncoderChange(camera, token, {
    ...current,
    name: textAt(config, 'Name') ?? current.name,
    codec: encoding ?? current.codec,
    width: number(config, 'Resolution', 'Width'),
    height: number(config, 'Resolution', 'Height'),
    quality: number(config, 'Quality'),
    fps: child(config, 'RateControl') ? number(config, 'RateControl', 'FrameRateLimit') : current.fps,
    bitrateKbps: child(config, 'RateControl') ? number(config, 'RateControl', 'BitrateLimit') : current.bitrateKbps,
    gop: child(config, 'H264') ? number(config, 'H264', 'GovLength') : current.gop,
    codecProfile: textAt(config, 'H264', 'H264Profile') ?? current.codecProfile,
  });
  return '<trt:SetVideoEncoderConfigurationResponse/>';
}

const mediaUri = (uri: string): string =>
  `<trt:MediaUri><tt:Uri>${uri}</tt:Uri><tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false</tt:InvalidAfterReboot><tt:Timeout>PT0S</tt:Timeout></trt:MediaUri>`;

function getStreamUri({ camera, request }: OperationContext): string {
  const p = requireProfile(request);
  const stream = textAt(request, 'StreamSetup', 'Stream');
  const protocol = textAt(request, 'StreamSetup', 'Transport', 'Protocol');
  if (stream !== 'RTP-Unicast') throw invalidArgVal('InvalidStreamSetup', `Stream type ${stream ?? '(none)'} is not supported`);
  if (!['UDP', 'TCP', 'RTSP'].includes(protocol ?? ''))
    throw invalidArgVal('InvalidStreamSetup', `Transport ${protocol ?? '(none)'} is not supported`);
  return `<trt:GetStreamUriResponse>${mediaUri(camera.streamUrl(p.token))}</trt:GetStreamUriResponse>`;
}

function getSnapshotUri({ camera, request }: OperationContext): string {
  const p = requireProfile(request);
  return `<trt:GetSnapshotUriResponse>${mediaUri(camera.snapshotUrl(p.token))}</trt:GetSnapshotUriResponse>`;
}

function serviceCapabilities(): string {
  return `<trt:GetServiceCapabilitiesResponse>${SERVICE_CAPABILITIES.media('trt:Capabilities')}</trt:GetServiceCapabilitiesResponse>`;
}

/** Media (ver10) operations. */
export const mediaHandlers: Record<string, Handler> = {
  GetProfiles: getProfiles,
  GetProfile: getProfile,
  GetVideoSources: getVideoSources,
  GetVideoSourceConfigurations: getVideoSourceConfigurations,
  GetVideoEncoderConfigurations: getVideoEncoderConfigurations,
  GetVideoEncoderConfiguration: getVideoEncoderConfiguration,
  GetVideoEncoderConfigurationOptions: getVideoEncoderConfigurationOptions,
  SetVideoEncoderConfiguration: setVideoEncoderConfiguration,
  GetStreamUri: getStreamUri,
  GetSnapshotUri: getSnapshotUri,
  GetServiceCapabilities: serviceCapabilities,
};
