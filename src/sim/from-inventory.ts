import { parseDeviceAddress } from '../net/endpoint.js';
import type { ResolvedPoint, SiteInventory, StreamSpec } from '../inventory/model.js';
import { resolvePoints } from '../inventory/resolve.js';
import { DEFAULT_PROFILES, ENCODER_LIMITS } from './defaults.js';
import type { CameraOverride } from './fleet.js';
import type { EncoderSettings } from './model.js';

/** The encoder behind a stream spec's profile, named by profile name (MainStream) or token (Profile_1). */
function encoderTokenFor(profile: string): string | undefined {
  return DEFAULT_PROFILES.find((p) => p.name === profile || p.token === profile)?.encoderToken;
}

const clamp = (v: number, min: number, max: number): number => Math.min(max, Math.max(min, v));

/** Encoder settings that meet a stream spec, within what the simulated encoder can do. */
function encoderFor(spec: StreamSpec, token: string): Partial<EncoderSettings> {
  const limits = ENCODER_LIMITS[token]!;
  const out: Partial<EncoderSettings> = {};
  if (spec.codec && spec.codec !== 'JPEG') {
    out.codec = spec.codec;
    out.codecProfile = spec.codec === 'H265' ? 'Main' : 'High';
  }
  if (spec.resolution) {
    const [width, height] = spec.resolution.split('x').map(Number) as [number, number];
    if (limits.resolutions.some((r) => r.width === width && r.height === height)) Object.assign(out, { width, height });
  }
  if (spec.fps !== undefined) out.fps = clamp(Math.round(spec.fps), limits.fps.min, limits.fps.max);
  if (spec.bitrateKbps) out.bitrateKbps = clamp(spec.bitrateKbps.max, limits.bitrateKbps.min, limits.bitrateKbps.max);
  if (spec.gop !== undefined) out.gop = clamp(spec.gop, limits.gop.min, limits.gop.max);
  return out;
}

/** One simulated camera as the inventory describes the point: its address, identity, streams and presets. */
export function overrideForPoint(resolved: ResolvedPoint, site: SiteInventory): CameraOverride {
  const { point, street } = resolved;
  const endpoint = parseDeviceAddress(point.device.address);
  const encoders: Record<string, Partial<EncoderSettings>> = {};
  for (const spec of resolved.streams) {
    const token = encoderTokenFor(spec.profile);
    if (token) encoders[token] = encoderFor(spec, token);
  }
  const defaults = site.site.doc.defaults;
  const id = point.device.identity ?? {};
  return {
    name: point.id,
    ...(endpoint ? { address: endpoint.host, port: endpoint.port } : {}),
    identity: {
      ...(id.manufacturer ? { manufacturer: id.manufacturer } : {}),
      ...(id.model ? { model: id.model } : {}),
      ...(id.serialNumber ? { serialNumber: id.serialNumber } : {}),
      ...(id.mac ? { mac: id.mac } : {}),
      ...(id.endpointReference ? { endpointReference: id.endpointReference } : {}),
    },
    location: point.location?.address ?? street.name,
    ptz: point.ptz !== undefined,
    presets: point.ptz?.presets?.map(({ name, pan, tilt, zoom }) => ({ name, pan, tilt, zoom })),
    home: point.ptz?.home,
    position: point.ptz?.home,
    encoders,
    network: { hostname: point.id, ...(defaults?.ntpServer ? { ntp: [defaults.ntpServer] } : {}) },
    timezone: defaults?.timezone,
  };
}

/** The cameras `camfleet sim --inventory DIR` starts: one per point of every site under DIR. */
export function overridesFromInventory(sites: SiteInventory[]): CameraOverride[] {
  return sites.flatMap((site) => resolvePoints(site).map((resolved) => overrideForPoint(resolved, site)));
}
