import { NS, XMLNS_TT as TT, xmlnsDefault } from '../soap/namespaces.js';
import { xmlEscape as x } from '../xml/escape.js';
import type { OnvifClient } from './client.js';
import { AuthError, NetworkError, ProtocolError, TimeoutError } from './errors.js';

/** Device management (ver10) calls of the facade. */

const TDS = xmlnsDefault(NS.tds);

export interface DeviceInformation {
  manufacturer: string;
  model: string;
  firmwareVersion: string;
  serialNumber: string;
  hardwareId: string;
}

export async function getDeviceInformation(c: OnvifClient): Promise<DeviceInformation> {
  const r = await c.call('device', 'GetDeviceInformation', `<GetDeviceInformation ${TDS}/>`);
  return {
    manufacturer: r.text('Manufacturer') ?? '',
    model: r.text('Model') ?? '',
    firmwareVersion: r.text('FirmwareVersion') ?? '',
    serialNumber: r.text('SerialNumber') ?? '',
    hardwareId: r.text('HardwareId') ?? '',
  };
}

export interface ServiceEntry {
  namespace: string;
  xaddr: string;
  version: string;
}

export const SERVICE_NAMESPACE = {
  device: 'http://www.onvif.org/ver10/device/wsdl',
  media: 'http://www.onvif.org/ver10/media/wsdl',
  media2: 'http://www.onvif.org/ver20/media/wsdl',
  ptz: 'http://www.onvif.org/ver20/ptz/wsdl',
  recording: 'http://www.onvif.org/ver10/recording/wsdl',
  search: 'http://www.onvif.org/ver10/search/wsdl',
  replay: 'http://www.onvif.org/ver10/replay/wsdl',
  events: 'http://www.onvif.org/ver10/events/wsdl',
} as const;

/** Errors that say nothing about what the device offers: the call never got an ONVIF answer. */
const notAnAnswer = (err: unknown): boolean => err instanceof AuthError || err instanceof NetworkError || err instanceof TimeoutError;

async function listedServices(c: OnvifClient): Promise<ServiceEntry[]> {
  const r = await c.call('device', 'GetServices', `<GetServices ${TDS}><IncludeCapability>false</IncludeCapability></GetServices>`);
  return r.all('Service').map((s) => ({
    namespace: s.text('Namespace') ?? '',
    xaddr: s.text('XAddr') ?? '',
    version: `${s.number('Version', 'Major') ?? 0}.${String(s.number('Version', 'Minor') ?? 0).padStart(2, '0')}`,
  }));
}

async function capabilityServices(c: OnvifClient): Promise<ServiceEntry[]> {
  const r = await c.call('device', 'GetCapabilities', `<GetCapabilities ${TDS}><Category>All</Category></GetCapabilities>`);
  const caps = r.child('Capabilities');
  const entry = (name: string, namespace: string): ServiceEntry[] => {
    const xaddr = caps.text(name, 'XAddr');
    return xaddr ? [{ namespace, xaddr, version: '' }] : [];
  };
  // Profile G services are under Extension.
  const extension = (name: string, namespace: string): ServiceEntry[] => {
    const xaddr = caps.text('Extension', name, 'XAddr');
    return xaddr ? [{ namespace, xaddr, version: '' }] : [];
  };
  return [
    ...entry('Device', SERVICE_NAMESPACE.device),
    ...entry('Media', SERVICE_NAMESPACE.media),
    ...entry('PTZ', SERVICE_NAMESPACE.ptz),
    ...entry('Events', SERVICE_NAMESPACE.events),
    ...extension('Recording', SERVICE_NAMESPACE.recording),
    ...extension('Search', SERVICE_NAMESPACE.search),
    ...extension('Replay', SERVICE_NAMESPACE.replay),
  ];
}

/**
 * The device's services, recording their addresses. GetServices first; GetCapabilities when it is
 * missing (devices older than ONVIF 2.0) or lists no media service: many devices list in GetServices
 * only some of what they have, and the rest only in GetCapabilities.
 */
export async function getServices(c: OnvifClient): Promise<ServiceEntry[]> {
  let services = await listedServices(c).catch((err: unknown) => {
    if (notAnAnswer(err)) throw err;
    return [] as ServiceEntry[];
  });
  const hasMedia = services.some((s) => s.namespace === SERVICE_NAMESPACE.media || s.namespace === SERVICE_NAMESPACE.media2);
  if (!hasMedia) {
    const listed = new Set(services.map((s) => s.namespace));
    const fromCapabilities = await capabilityServices(c).catch((err: unknown) => {
      // With GetServices answered, a failed GetCapabilities leaves what GetServices said.
      if (services.length && !notAnAnswer(err)) return [];
      throw err;
    });
    services = [...services, ...fromCapabilities.filter((s) => !listed.has(s.namespace))];
  }
  return useServices(c, services);
}

/** Tells the client where the services are (from GetServices or GetCapabilities, or kept from an earlier check). */
export function useServices(c: OnvifClient, services: ServiceEntry[]): ServiceEntry[] {
  for (const s of services) {
    if (s.namespace === SERVICE_NAMESPACE.media) c.setServiceAddress('media', s.xaddr);
    if (s.namespace === SERVICE_NAMESPACE.media2) c.setServiceAddress('media2', s.xaddr);
    if (s.namespace === SERVICE_NAMESPACE.ptz) c.setServiceAddress('ptz', s.xaddr);
    if (s.namespace === SERVICE_NAMESPACE.recording) c.setServiceAddress('recording', s.xaddr);
    if (s.namespace === SERVICE_NAMESPACE.search) c.setServiceAddress('search', s.xaddr);
    if (s.namespace === SERVICE_NAMESPACE.replay) c.setServiceAddress('replay', s.xaddr);
    if (s.namespace === SERVICE_NAMESPACE.events) c.setServiceAddress('events', s.xaddr);
  }
  return services;
}

/**
 * Whether the camera has a PTZ service. GetServices is not the last word: many devices (gSOAP-based budget
 * cameras among them) list PTZ only in GetCapabilities, with a PTZConfiguration in their profiles. Only a
 * camera whose profiles say PTZ costs the extra call. Records the PTZ service's address when found.
 */
export async function hasPtzService(c: OnvifClient, services: ServiceEntry[], profilesWithPtz: boolean): Promise<boolean> {
  if (services.some((s) => s.namespace === SERVICE_NAMESPACE.ptz)) return true;
  if (!profilesWithPtz) return false;
  const r = await c
    .call('device', 'GetCapabilities', `<GetCapabilities ${TDS}><Category>PTZ</Category></GetCapabilities>`)
    .catch(() => undefined);
  const xaddr = r?.text('Capabilities', 'PTZ', 'XAddr');
  if (!xaddr) return false;
  c.setServiceAddress('ptz', xaddr);
  return true;
}

export async function getScopes(c: OnvifClient): Promise<string[]> {
  const r = await c.call('device', 'GetScopes', `<GetScopes ${TDS}/>`);
  return r
    .all('Scopes')
    .map((s) => s.text('ScopeItem') ?? '')
    .filter(Boolean);
}

export async function getHostname(c: OnvifClient): Promise<{ name: string; fromDhcp: boolean }> {
  const r = await c.call('device', 'GetHostname', `<GetHostname ${TDS}/>`);
  return { name: r.text('HostnameInformation', 'Name') ?? '', fromDhcp: r.bool('HostnameInformation', 'FromDHCP') ?? false };
}

export async function setHostname(c: OnvifClient, name: string): Promise<void> {
  await c.call('device', 'SetHostname', `<SetHostname ${TDS}><Name>${x(name)}</Name></SetHostname>`);
}

export interface NetworkInterfaceInfo {
  token: string;
  name: string;
  mac: string;
  enabled: boolean;
  dhcp: boolean;
  addresses: { address: string; prefixLength: number }[];
}

export async function getNetworkInterfaces(c: OnvifClient): Promise<NetworkInterfaceInfo[]> {
  const r = await c.call('device', 'GetNetworkInterfaces', `<GetNetworkInterfaces ${TDS}/>`);
  return r.all('NetworkInterfaces').map((n) => {
    const config = n.at('IPv4', 'Config');
    const addresses = [...config.all('Manual'), ...config.all('FromDHCP'), ...config.all('LinkLocal')].map((a) => ({
      address: a.text('Address') ?? '',
      prefixLength: a.number('PrefixLength') ?? 0,
    }));
    return {
      token: n.attr('token') ?? '',
      name: n.text('Info', 'Name') ?? '',
      mac: (n.text('Info', 'HwAddress') ?? '').toLowerCase().replace(/-/g, ':'),
      enabled: n.bool('Enabled') ?? true,
      dhcp: config.bool('DHCP') ?? false,
      addresses,
    };
  });
}

/** Sets the interface's IPv4 address (or DHCP); resolves whether the camera says it must reboot. */
export async function setNetworkInterface(
  c: OnvifClient,
  token: string,
  ipv4: { dhcp: true } | { address: string; prefixLength: number },
): Promise<boolean> {
  const setting =
    'dhcp' in ipv4
      ? '<tt:Enabled>true</tt:Enabled><tt:DHCP>true</tt:DHCP>'
      : `<tt:Enabled>true</tt:Enabled><tt:Manual><tt:Address>${x(ipv4.address)}</tt:Address><tt:PrefixLength>${ipv4.prefixLength}</tt:PrefixLength></tt:Manual><tt:DHCP>false</tt:DHCP>`;
  const r = await c.call(
    'device',
    'SetNetworkInterfaces',
    `<SetNetworkInterfaces ${TDS}><InterfaceToken>${x(token)}</InterfaceToken><NetworkInterface><tt:IPv4 ${TT}>${setting}</tt:IPv4></NetworkInterface></SetNetworkInterfaces>`,
  );
  return r.bool('RebootNeeded') ?? false;
}

export async function getDefaultGateway(c: OnvifClient): Promise<string[]> {
  const r = await c.call('device', 'GetNetworkDefaultGateway', `<GetNetworkDefaultGateway ${TDS}/>`);
  return r
    .child('NetworkGateway')
    .all('IPv4Address')
    .map((a) => a.text() ?? '');
}

export async function setDefaultGateway(c: OnvifClient, gateways: string[]): Promise<void> {
  await c.call(
    'device',
    'SetNetworkDefaultGateway',
    `<SetNetworkDefaultGateway ${TDS}>${gateways.map((g) => `<IPv4Address>${x(g)}</IPv4Address>`).join('')}</SetNetworkDefaultGateway>`,
  );
}

export async function getDns(c: OnvifClient): Promise<{ fromDhcp: boolean; servers: string[]; searchDomain: string[] }> {
  const r = (await c.call('device', 'GetDNS', `<GetDNS ${TDS}/>`)).child('DNSInformation');
  const fromDhcp = r.bool('FromDHCP') ?? false;
  const servers = r.all(fromDhcp ? 'DNSFromDHCP' : 'DNSManual').map((d) => d.text('IPv4Address') ?? d.text('IPv6Address') ?? '');
  return { fromDhcp, servers, searchDomain: r.all('SearchDomain').map((d) => d.text() ?? '') };
}

export async function setDns(c: OnvifClient, servers: string[]): Promise<void> {
  const manual = servers
    .map((s) => `<DNSManual><tt:Type ${TT}>IPv4</tt:Type><tt:IPv4Address ${TT}>${x(s)}</tt:IPv4Address></DNSManual>`)
    .join('');
  await c.call('device', 'SetDNS', `<SetDNS ${TDS}><FromDHCP>false</FromDHCP>${manual}</SetDNS>`);
}

export async function getNtp(c: OnvifClient): Promise<{ fromDhcp: boolean; servers: string[] }> {
  const r = (await c.call('device', 'GetNTP', `<GetNTP ${TDS}/>`)).child('NTPInformation');
  const fromDhcp = r.bool('FromDHCP') ?? false;
  const servers = r.all(fromDhcp ? 'NTPFromDHCP' : 'NTPManual').map((h) => h.text('IPv4Address') ?? h.text('DNSname') ?? '');
  return { fromDhcp, servers };
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export async function setNtp(c: OnvifClient, servers: string[]): Promise<void> {
  const host = (s: string): string =>
    IPV4.test(s)
      ? `<tt:Type ${TT}>IPv4</tt:Type><tt:IPv4Address ${TT}>${x(s)}</tt:IPv4Address>`
      : `<tt:Type ${TT}>DNS</tt:Type><tt:DNSname ${TT}>${x(s)}</tt:DNSname>`;
  await c.call(
    'device',
    'SetNTP',
    `<SetNTP ${TDS}><FromDHCP>false</FromDHCP>${servers.map((s) => `<NTPManual>${host(s)}</NTPManual>`).join('')}</SetNTP>`,
  );
}

export interface DateTimeSetting {
  type: 'Manual' | 'NTP';
  timezone: string | undefined;
}

export async function getDateTimeSetting(c: OnvifClient): Promise<DateTimeSetting> {
  const r = (await c.call('device', 'GetSystemDateAndTime', `<GetSystemDateAndTime ${TDS}/>`, false)).child('SystemDateAndTime');
  const type = r.text('DateTimeType');
  if (type !== 'Manual' && type !== 'NTP')
    throw new ProtocolError(`unknown DateTimeType '${type ?? ''}'`, { endpoint: c.endpoint.url, action: 'GetSystemDateAndTime' });
  return { type, timezone: r.text('TimeZone', 'TZ') };
}

/** Sets the camera clock: manual UTC (from this host) or NTP. */
export async function setSystemDateAndTime(
  c: OnvifClient,
  setting: { type: 'Manual'; utc: Date; timezone?: string } | { type: 'NTP'; timezone?: string },
): Promise<void> {
  const tz = setting.timezone ? `<TimeZone><tt:TZ ${TT}>${x(setting.timezone)}</tt:TZ></TimeZone>` : '';
  let utc = '';
  if (setting.type === 'Manual') {
    const d = setting.utc;
    utc =
      `<UTCDateTime><tt:Time ${TT}><tt:Hour>${d.getUTCHours()}</tt:Hour><tt:Minute>${d.getUTCMinutes()}</tt:Minute><tt:Second>${d.getUTCSeconds()}</tt:Second></tt:Time>` +
      `<tt:Date ${TT}><tt:Year>${d.getUTCFullYear()}</tt:Year><tt:Month>${d.getUTCMonth() + 1}</tt:Month><tt:Day>${d.getUTCDate()}</tt:Day></tt:Date></UTCDateTime>`;
  }
  await c.call(
    'device',
    'SetSystemDateAndTime',
    `<SetSystemDateAndTime ${TDS}><DateTimeType>${setting.type}</DateTimeType><DaylightSavings>false</DaylightSavings>${tz}${utc}</SetSystemDateAndTime>`,
  );
}

export async function systemReboot(c: OnvifClient): Promise<string> {
  const r = await c.call('device', 'SystemReboot', `<SystemReboot ${TDS}/>`);
  return r.text('Message') ?? '';
}
