import { isIPv4 } from 'node:net';
import { UserError } from '../errors.js';
import { OnvifClient } from '../onvif/client.js';
import * as device from '../onvif/device.js';
import { optionalReads, type Unavailable } from './optional-read.js';
import type { CameraSession } from './session.js';

/** A camera's network settings; a setting the camera does not give is null, with the reason. */
export interface NetworkSettings {
  hostname: string | null;
  interfaces: device.NetworkInterfaceInfo[] | null;
  gateway: string[] | null;
  dns: string[] | null;
  ntp: string[] | null;
  unavailable: Unavailable[];
}

export async function readNetwork(session: CameraSession): Promise<NetworkSettings> {
  const c = session.client;
  const { values, unavailable } = await optionalReads({
    hostname: device.getHostname(c).then((h) => h.name),
    interfaces: device.getNetworkInterfaces(c),
    gateway: device.getDefaultGateway(c),
    dns: device.getDns(c).then((d) => d.servers),
    ntp: device.getNtp(c).then((n) => n.servers),
  });
  return { ...values, unavailable };
}

export interface NetworkChange {
  address?: { address: string; prefixLength: number };
  dhcp?: boolean;
  gateway?: string;
  dns?: string[];
  ntp?: string[];
  hostname?: string;
}

/** Parses A.B.C.D/PREFIX. */
export function parseAddressWithPrefix(text: string): { address: string; prefixLength: number } {
  const [address = '', prefix] = text.split('/');
  const prefixLength = Number(prefix);
  if (!isIPv4(address) || !prefix || !Number.isInteger(prefixLength) || prefixLength < 1 || prefixLength > 32) {
    throw new UserError(`'${text}' is not an address with its prefix length`, { hint: 'write it as 192.168.1.64/24' });
  }
  return { address, prefixLength };
}

export interface NetworkChangeResult {
  changed: string[];
  address: { from: string; to: string; answered: boolean; seconds: number; rebooted: boolean } | null;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits for a camera to answer GetSystemDateAndTime at `host`. */
async function answersAt(template: CameraSession, host: string, limitMs: number): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  const probe = new OnvifClient({
    endpoint: { ...template.endpoint, host, url: template.endpoint.url.replace(template.endpoint.host, host) },
    timeoutMs: 1500,
  });
  while (Date.now() < deadline) {
    try {
      await probe.syncClock();
      return true;
    } catch {
      await sleep(500);
    }
  }
  return false;
}

/**
 * Provisions a camera into the ward's address plan: host name, DNS, NTP and gateway first, the address
 * last (it moves the camera), then waits for the camera at its new address, rebooting it if it says it
 * must and has not moved by itself.
 */
export async function changeNetwork(session: CameraSession, change: NetworkChange, waitMs: number): Promise<NetworkChangeResult> {
  const c = session.client;
  const changed: string[] = [];
  if (change.hostname !== undefined) {
    await device.setHostname(c, change.hostname);
    changed.push('hostname');
  }
  if (change.dns) {
    await device.setDns(c, change.dns);
    changed.push('dns');
  }
  if (change.ntp) {
    await device.setNtp(c, change.ntp);
    changed.push('ntp');
  }
  if (change.gateway !== undefined) {
    await device.setDefaultGateway(c, [change.gateway]);
    changed.push('gateway');
  }
  if (!change.address && !change.dhcp) return { changed, address: null };

  const nic = (await device.getNetworkInterfaces(c))[0];
  if (!nic) throw new UserError('the camera reports no network interface');
  const from = session.endpoint.host;
  const rebootNeeded = await device.setNetworkInterface(c, nic.token, change.dhcp ? { dhcp: true } : change.address!);
  changed.push(change.dhcp ? 'dhcp' : 'address');
  if (change.dhcp) return { changed, address: { from, to: 'DHCP', answered: false, seconds: 0, rebooted: false } };
  const to = change.address!.address;
  const started = Date.now();
  let rebooted = false;
  let answered = await answersAt(session, to, Math.min(waitMs, rebootNeeded ? 5000 : waitMs));
  if (!answered && rebootNeeded) {
    // Still at the old address: the camera applies the change at its next start.
    await device.systemReboot(c).catch(() => undefined);
    rebooted = true;
    answered = await answersAt(session, to, Math.max(0, waitMs - (Date.now() - started)));
  }
  return { changed, address: { from, to, answered, seconds: Math.round((Date.now() - started) / 100) / 10, rebooted } };
}
