import { isIPv4 } from 'node:net';

/** Where a camera's device service is, from an inventory `device.address` or a command-line TARGET. */
export interface DeviceEndpoint {
  /** https only when the address is written as an https:// URL; certificates are then checked (see TlsTrust). */
  scheme: 'http' | 'https';
  host: string;
  port: number;
  path: string;
  /** The device service URL camfleet calls. */
  url: string;
}

const DEFAULT_PATH = '/onvif/device_service';

/**
 * Reads `host`, `host:port` or a device service URL. Returns undefined for anything else (and for
 * an address that looks like a command-line flag, which the `ping` package would mistake for one).
 */
export function parseDeviceAddress(address: string): DeviceEndpoint | undefined {
  const text = address.trim();
  if (!text || text.startsWith('-') || /\s/.test(text)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return undefined;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.username || url.password) return undefined;
    const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    const path = url.pathname === '/' ? DEFAULT_PATH : url.pathname;
    return {
      scheme: url.protocol === 'https:' ? 'https' : 'http',
      host: url.hostname,
      port,
      path,
      url: `${url.protocol}//${url.host}${path}`,
    };
  }
  const match = /^([^:/]+)(?::(\d{1,5}))?$/.exec(text);
  if (!match) return undefined;
  const host = match[1]!;
  const port = match[2] ? Number(match[2]) : 80;
  if (port < 1 || port > 65535) return undefined;
  const validHost = isIPv4(host) || /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(host);
  if (!validHost) return undefined;
  return { scheme: 'http', host, port, path: DEFAULT_PATH, url: `http://${host}${port === 80 ? '' : `:${port}`}${DEFAULT_PATH}` };
}

/** The URL of `path` on the endpoint's host, port and scheme. */
export function urlOn(endpoint: DeviceEndpoint, port: number, path: string): string {
  const standard = endpoint.scheme === 'https' ? 443 : 80;
  return `${endpoint.scheme}://${endpoint.host}${port === standard ? '' : `:${port}`}${path}`;
}

/**
 * The address as a user types it to reach this device again: the host alone on plain HTTP's port 80
 * and the usual path, host:port on another port, the whole URL for https or another path.
 */
export function displayAddress(endpoint: DeviceEndpoint): string {
  if (endpoint.scheme === 'https' || endpoint.path !== DEFAULT_PATH) return endpoint.url;
  return endpoint.port === 80 ? endpoint.host : `${endpoint.host}:${endpoint.port}`;
}

/** A key that is the same for every way of writing the same device address. */
export function addressKey(address: string): string {
  const endpoint = parseDeviceAddress(address);
  return endpoint ? `${endpoint.host.toLowerCase()}:${endpoint.port}` : address.trim().toLowerCase();
}
