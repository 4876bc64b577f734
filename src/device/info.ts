import type { OnvifClient } from '../onvif/client.js';
import {
  type DeviceInformation,
  getDefaultGateway,
  getDeviceInformation,
  getDns,
  getHostname,
  getNetworkInterfaces,
  getNtp,
  getScopes,
  hasPtzService,
  type NetworkInterfaceInfo,
} from '../onvif/device.js';
import { getProfiles } from '../onvif/media.js';
import { optionalReads, type Unavailable } from './optional-read.js';
import type { CameraSession } from './session.js';

/** Everything `camfleet info` reports about one camera; a field the camera did not give is null, with the reason. */
export interface DeviceReport {
  endpoint: string;
  auth: string | null;
  device: DeviceInformation;
  services: { namespace: string; xaddr: string; version: string }[];
  capabilities: { media2: boolean; ptz: boolean };
  network: {
    hostname: string | null;
    interfaces: NetworkInterfaceInfo[] | null;
    gateway: string[] | null;
    dns: string[] | null;
    ntp: string[] | null;
  };
  time: { cameraUtc: string; clockSkewSeconds: number; mode: string; timezone: string | null };
  scopes: string[] | null;
  /** The fields the camera did not give, and why. */
  unavailable: Unavailable[];
}

/**
 * The device-service reads of a report; they need no service address, so they can start with the session.
 * Identity is required (it is also the login check); each of the others is optional and may be missing.
 */
export function readDeviceFacts(c: OnvifClient) {
  return Promise.all([
    getDeviceInformation(c),
    optionalReads({
      interfaces: getNetworkInterfaces(c),
      gateway: getDefaultGateway(c),
      dns: getDns(c).then((d) => d.servers),
      ntp: getNtp(c).then((n) => n.servers),
      hostname: getHostname(c).then((h) => h.name),
      scopes: getScopes(c),
    }),
  ]);
}

/** Reads identity, services, network settings, clock and scopes, all at once. */
export async function readDeviceReport(session: CameraSession, facts?: Awaited<ReturnType<typeof readDeviceFacts>>): Promise<DeviceReport> {
  const [device, { values, unavailable }] = facts ?? (await readDeviceFacts(session.client));
  // PTZ may be listed only in GetCapabilities, when the profiles carry a PTZ configuration.
  const ptz =
    session.ptz ||
    (await getProfiles(session.client).then(
      (p) =>
        hasPtzService(
          session.client,
          session.services,
          p.some((x) => x.hasPtz),
        ),
      () => false,
    ));
  // The clock was read when the session opened; its reply also told the time settings.
  const time = session.client.timeSetting;
  return {
    endpoint: session.endpoint.url,
    auth: session.authMode ?? null,
    device,
    services: session.services,
    capabilities: { media2: session.media2, ptz },
    network: { hostname: values.hostname, interfaces: values.interfaces, gateway: values.gateway, dns: values.dns, ntp: values.ntp },
    time: {
      cameraUtc: new Date(Date.now() + session.clockOffsetMs).toISOString().replace(/\.\d+Z$/, 'Z'),
      clockSkewSeconds: Math.round(session.clockOffsetMs / 100) / 10,
      mode: time?.type === 'NTP' ? 'NTP' : 'Manual',
      timezone: time?.timezone ?? null,
    },
    scopes: values.scopes,
    unavailable,
  };
}
