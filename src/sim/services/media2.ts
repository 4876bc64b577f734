import { child, children, textAt } from '../../xml/parse.js';
import { DEFAULT_PROFILES } from '../defaults.js';
import type { Codec, MediaProfileSpec } from '../model.js';
import { invalidArgVal } from '../soap/fault.js';
import { intRange, ptzConfiguration, resolution, videoEncoder2Configuration, videoSourceConfiguration } from '../soap/tt.js';
import type { Handler, OperationContext, ServiceCamera } from './context.js';
import { SERVICE_CAPABILITIES } from './device.js';
import { applyEncoderChange, codecProfilesOf } from './encoder-change.js';
import { encoderForOptions, encoderOf, limitsOf, requireProfile } from './lookup.js';

function profile(camera: ServiceCamera, p: MediaProfileSpec, types: string[]): string {
  const all = types.includes('All');
  const want = (type: string): boolean => all || types.includes(type);
  let configurations = '';
  if (want('VideoSource')) configurations += videoSourceConfiguration('tr2:VideoSource');
  if (want('VideoEncoder')) configurations += videoEncoder2Configuration('tr2:VideoEncoder', encoderOf(camera, p.encoderToken));
  if (want('PTZ') && camera.hasPtz) configurations += ptzConfiguration('tr2:PTZ', !camera.faults.noAbsoluteMove);
  // Without a Type the spec returns only token and name.
  const set = types.length > 0 ? `<tr2:Configurations>${configurations}</tr2:Configurations>` : '';
  return `<tr2:Profiles token="${p.token}" fixed="true"><tr2:Name>${p.name}</tr2:Name>${set}</tr2:Profiles>`;
}

function getProfiles({ camera, request }: OperationContext): string {
  const token = textAt(request, 'Token');
  const types = children(request, 'Type').map((t) => t.text.trim());
  const selected = token === undefined ? DEFAULT_PROFILES : [requireProfile(request, 'Token')];
  return `<tr2:GetProfilesResponse>${selected.map((p) => profile(camera, p, types)).join('')}</tr2:GetProfilesResponse>`;
}

/** Configurations filtered as Media2's GetConfiguration argument asks: by ConfigurationToken or ProfileToken. */
function selectedEncoders(camera: ServiceCamera, request: OperationContext['request']) {
  const configToken = textAt(request, 'ConfigurationToken');
  if (configToken) return [encoderOf(camera, configToken)];
  if (textAt(request, 'ProfileToken')) return [encoderOf(camera, requireProfile(request).encoderToken)];
  return camera.state.encoders;
}

function getVideoEncoderConfigurations({ camera, request }: OperationContext): string {
  const items = selectedEncoders(camera, request).map((e) => videoEncoder2Configuration('tr2:Configurations', e));
  return `<tr2:GetVideoEncoderConfigurationsResponse>${items.join('')}</tr2:GetVideoEncoderConfigurationsResponse>`;
}

function getVideoSourceConfigurations(): string {
  return `<tr2:GetVideoSourceConfigurationsResponse>${videoSourceConfiguration('tr2:Configurations')}</tr2:GetVideoSourceConfigurationsResponse>`;
}

function getVideoEncoderConfigurationOptions({ camera, request }: OperationContext): string {
  const limits = limitsOf(encoderForOptions(camera, request).token);
  const rates: number[] = [];
  for (let r = limits.fps.max; r >= limits.fps.min; r--) rates.push(r);
  const options = limits.codecs.map(
    (codec) =>
      `<tr2:Options GovLengthRange="${limits.gop.min} ${limits.gop.max}" FrameRatesSupported="${rates.join(' ')}" ` +
      `ProfilesSupported="${codecProfilesOf(codec).join(' ')}" ConstantBitRateSupported="true">` +
      `<tt:Encoding>${codec}</tt:Encoding>${intRange('tt:QualityRange', limits.quality)}` +
      `${limits.resolutions.map((r) => resolution('tt:ResolutionsAvailable', r)).join('')}${intRange('tt:BitrateRange', limits.bitrateKbps)}</tr2:Options>`,
  );
  return `<tr2:GetVideoEncoderConfigurationOptionsResponse>${options.join('')}</tr2:GetVideoEncoderConfigurationOptionsResponse>`;
}

function setVideoEncoderConfiguration({ camera, request }: OperationContext): string {
  const config = child(request, 'Configuration');
  const token = config?.attrs.token;
  const current = encoderOf(camera, token);
  const num = (...path: string[]): number => Number(textAt(config, ...path) ?? NaN);
  const rate = child(config, 'RateControl');
  const codec = (textAt(config, 'Encoding') ?? current.codec) as Codec;
  applyEncoderChange(camera, token, {
    ...current,
    name: textAt(config, 'Name') ?? current.name,
    codec,
    width: num('Resolution', 'Width'),
    height: num('Resolution', 'Height'),
    quality: num('Quality'),
    fps: rate ? num('RateControl', 'FrameRateLimit') : current.fps,
    bitrateKbps: rate ? num('RateControl', 'BitrateLimit') : current.bitrateKbps,
    gop: config?.attrs.GovLength !== undefined ? Number(config.attrs.GovLength) : current.gop,
    // A codec change without a profile takes the codec's highest profile, as cameras do.
    codecProfile: config?.attrs.Profile ?? (codec === current.codec ? current.codecProfile : (codecProfilesOf(codec).at(-1) ?? 'Main')),
  });
  return '<tr2:SetVideoEncoderConfigurationResponse/>';
}

function getStreamUri({ camera, request }: OperationContext): string {
  const p = requireProfile(request);
  const protocol = textAt(request, 'Protocol');
  if (protocol !== 'RtspUnicast' && protocol !== 'RTSP')
    throw invalidArgVal('InvalidStreamSetup', `Protocol ${protocol ?? '(none)'} is not supported`);
  return `<tr2:GetStreamUriResponse><tr2:Uri>${camera.streamUrl(p.token)}</tr2:Uri></tr2:GetStreamUriResponse>`;
}

function getSnapshotUri({ camera, request }: OperationContext): string {
  const p = requireProfile(request);
  return `<tr2:GetSnapshotUriResponse><tr2:Uri>${camera.snapshotUrl(p.token)}</tr2:Uri></tr2:GetSnapshotUriResponse>`;
}

function serviceCapabilities(): string {
  return `<tr2:GetServiceCapabilitiesResponse>${SERVICE_CAPABILITIES.media2('tr2:Capabilities')}</tr2:GetServiceCapabilitiesResponse>`;
}

/** Media2 (ver20) operations, the only way to see and set H.265. */
export const media2Handlers: Record<string, Handler> = {
  GetProfiles: getProfiles,
  GetVideoSourceConfigurations: getVideoSourceConfigurations,
  GetVideoEncoderConfigurations: getVideoEncoderConfigurations,
  GetVideoEncoderConfigurationOptions: getVideoEncoderConfigurationOptions,
  SetVideoEncoderConfiguration: setVideoEncoderConfiguration,
  GetStreamUri: getStreamUri,
  GetSnapshotUri: getSnapshotUri,
  GetServiceCapabilities: serviceCapabilities,
};
