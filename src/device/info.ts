import {
  getDefaultGateway,
  getDeviceInformation,
  getDns,
  getHostname,
  getNetworkInterfaces,
  getNtp,
  getScopes,
  type DeviceInformation,
  type NetworkInterfaceInfo,
} from '../onvif/device.js';
import type { OnvifClient } from '../onvif/client.js';
import type { CameraSession } from './session.js';

/** Everything `camfleet info` reports about one camera. */
export interface DeviceReport {
  endpoint: string;
  auth: string | null;
  device: DeviceInformation;
  services: { namespace: string; xaddr: string; version: string }[];
  capabilities: { media2: boolean; ptz: boolean };
  network: {
    hostname: string;
    interfaces: NetworkInterfaceInfo[];
    gateway: string[];
    dns: string[];
    ntp: string[];
  };
  time: { cameraUtc: string; clockSkewSeconds: number; mode: string; timezone: string | null };
  scopes: string[];
}

/** The device-service reads of a report; they need no service address, so they can start with the session. */
export function readDeviceFacts(c: OnvifClient) {
  return Promise.all([
    getDeviceInformation(c),
    getNetworkInterfaces(c),
    getDefaultGateway(c),
    getDns(c),
    getNtp(c),
    getHostname(c),
    getScopes(c),
  ]);
}

/** Reads identity, services, network settings, clock and scopes, all at once. */
export async function readDeviceReport(session: CameraSession, facts?: Awaited<ReturnType<typeof readDeviceFacts>>): Promise<DeviceReport> {
  const [device, interfaces, gateway, dns, ntp, hostname, scopes] = facts ?? (await readDeviceFacts(session.client));
  // The clock was read when the session opened; its reply also told the time settings.
  const time = session.client.timeSetting;
  return {
    endpoint: session.endpoint.url,
    auth: session.authMode ?? null,
    device,
    services: session.services,
    capabilities: { media2: session.media2, ptz: session.ptz },
    network: { hostname: hostname.name, interfaces, gateway, dns: dns.servers, ntp: ntp.servers },
    time: {
      cameraUtc: new Date(Date.now() + session.clockOffsetMs).toISOString().replace(/\.\d+Z$/, 'Z'),
      clockSkewSeconds: Math.round(session.clockOffsetMs / 100) / 10,
      mode: time?.type === 'NTP' ? 'NTP' : 'Manual',
      timezone: time?.timezone ?? null,
    },
    scopes,
  };
}
