import { isIPv4 } from 'node:net';
import { child, children, textAt } from '../../xml/parse.js';
import { xmlEscape as x } from '../../xml/escape.js';
import { NS } from '../../soap/namespaces.js';
import { invalidArgVal, invalidArgs } from '../soap/fault.js';
import { dateTime } from '../soap/tt.js';
import { posixTzOffsetMs } from '../timezone.js';
import type { Handler, OperationContext } from './context.js';

const bool = (v: boolean): string => (v ? 'true' : 'false');
const readBool = (text: string | undefined): boolean | undefined => (text === undefined ? undefined : text === 'true' || text === '1');

function systemDateAndTime({ camera }: OperationContext): string {
  const now = camera.cameraNow();
  const { state } = camera;
  return (
    `<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>${state.dateTimeType}</tt:DateTimeType>` +
    `<tt:DaylightSavings>false</tt:DaylightSavings><tt:TimeZone><tt:TZ>${x(state.timezone)}</tt:TZ></tt:TimeZone>` +
    `${dateTime('tt:UTCDateTime', now)}${dateTime('tt:LocalDateTime', now + posixTzOffsetMs(state.timezone))}` +
    `</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>`
  );
}

function setSystemDateAndTime({ camera, request }: OperationContext): string {
  const type = textAt(request, 'DateTimeType');
  if (type !== 'Manual' && type !== 'NTP') throw invalidArgs('DateTimeType must be Manual or NTP');
  const tz = textAt(request, 'TimeZone', 'TZ');
  if (tz !== undefined && Number.isNaN(posixTzOffsetMs(tz, NaN))) throw invalidArgVal('InvalidTimeZone', `Unsupported time zone '${tz}'`);
  const utc = child(request, 'UTCDateTime');
  if (type === 'Manual') {
    if (!utc) throw invalidArgVal('InvalidDateTime', 'Manual time needs UTCDateTime');
    const n = (path: string[]): number => Number(textAt(utc, ...path));
    const ms = Date.UTC(
      n(['Date', 'Year']),
      n(['Date', 'Month']) - 1,
      n(['Date', 'Day']),
      n(['Time', 'Hour']),
      n(['Time', 'Minute']),
      n(['Time', 'Second']),
    );
    const valid = Number.isFinite(ms) && n(['Date', 'Month']) >= 1 && n(['Date', 'Month']) <= 12 && n(['Time', 'Hour']) < 24;
    if (!valid) throw invalidArgVal('InvalidDateTime', 'UTCDateTime is not a valid date and time');
    camera.state.clockOffsetMs = ms - (camera.cameraNow() - camera.state.clockOffsetMs);
  } else if (camera.state.network.ntp.length > 0) {
    // With an NTP server configured the camera syncs: its clock becomes right.
    camera.state.clockOffsetMs = 0;
  }
  camera.state.dateTimeType = type;
  if (tz !== undefined) camera.state.timezone = tz;
  camera.changed();
  return '<tds:SetSystemDateAndTimeResponse/>';
}

function deviceInformation({ camera }: OperationContext): string {
  const id = camera.identity;
  return (
    `<tds:GetDeviceInformationResponse><tds:Manufacturer>${x(id.manufacturer)}</tds:Manufacturer><tds:Model>${x(id.model)}</tds:Model>` +
    `<tds:FirmwareVersion>${x(id.firmwareVersion)}</tds:FirmwareVersion><tds:SerialNumber>${x(id.serialNumber)}</tds:SerialNumber>` +
    `<tds:HardwareId>${x(id.hardwareId)}</tds:HardwareId></tds:GetDeviceInformationResponse>`
  );
}

function capabilities({ camera, request }: OperationContext): string {
  const categories = children(request, 'Category').map((c) => c.text.trim());
  const wants = (name: string): boolean => categories.length === 0 || categories.includes('All') || categories.includes(name);
  if (categories.includes('PTZ') && !camera.hasPtz) throw invalidArgVal('NoSuchService', 'The device has no PTZ service');
  // Profile G services are listed under Extension (in All only: ONVIF has no category of their own).
  const unsupported = categories.find((c) => !['All', 'Device', 'Events', 'Media', 'PTZ'].includes(c));
  if (unsupported) throw invalidArgVal('NoSuchService', `The device has no ${unsupported} service`);
  let body = '';
  if (wants('Device')) {
    body +=
      `<tt:Device><tt:XAddr>${camera.serviceUrl('device')}</tt:XAddr>` +
      '<tt:Network><tt:IPFilter>false</tt:IPFilter><tt:ZeroConfiguration>false</tt:ZeroConfiguration><tt:IPVersion6>false</tt:IPVersion6><tt:DynDNS>false</tt:DynDNS></tt:Network>' +
      '<tt:System><tt:DiscoveryResolve>false</tt:DiscoveryResolve><tt:DiscoveryBye>true</tt:DiscoveryBye><tt:RemoteDiscovery>false</tt:RemoteDiscovery>' +
      '<tt:SystemBackup>false</tt:SystemBackup><tt:SystemLogging>false</tt:SystemLogging><tt:FirmwareUpgrade>false</tt:FirmwareUpgrade>' +
      '<tt:SupportedVersions><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tt:SupportedVersions></tt:System>' +
      '<tt:Security><tt:TLS1.1>false</tt:TLS1.1><tt:TLS1.2>false</tt:TLS1.2><tt:OnboardKeyGeneration>false</tt:OnboardKeyGeneration>' +
      '<tt:AccessPolicyConfig>false</tt:AccessPolicyConfig><tt:X.509Token>false</tt:X.509Token><tt:SAMLToken>false</tt:SAMLToken>' +
      '<tt:KerberosToken>false</tt:KerberosToken><tt:RELToken>false</tt:RELToken></tt:Security></tt:Device>';
  }
  if (wants('Events') && camera.hasEvents) {
    body +=
      `<tt:Events><tt:XAddr>${camera.serviceUrl('events')}</tt:XAddr><tt:WSSubscriptionPolicySupport>false</tt:WSSubscriptionPolicySupport>` +
      '<tt:WSPullPointSupport>true</tt:WSPullPointSupport><tt:WSPausableSubscriptionManagerInterfaceSupport>false</tt:WSPausableSubscriptionManagerInterfaceSupport></tt:Events>';
  }
  if (wants('Media')) {
    body +=
      `<tt:Media><tt:XAddr>${camera.serviceUrl('media')}</tt:XAddr><tt:StreamingCapabilities><tt:RTPMulticast>false</tt:RTPMulticast>` +
      '<tt:RTP_TCP>true</tt:RTP_TCP><tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP></tt:StreamingCapabilities></tt:Media>';
  }
  if (wants('PTZ') && camera.hasPtz) body += `<tt:PTZ><tt:XAddr>${camera.serviceUrl('ptz')}</tt:XAddr></tt:PTZ>`;
  if ((categories.length === 0 || categories.includes('All')) && camera.hasRecording) {
    body +=
      `<tt:Extension><tt:Recording><tt:XAddr>${camera.serviceUrl('recording')}</tt:XAddr><tt:ReceiverSource>false</tt:ReceiverSource>` +
      '<tt:MediaProfileSource>true</tt:MediaProfileSource><tt:DynamicRecordings>false</tt:DynamicRecordings><tt:DynamicTracks>false</tt:DynamicTracks>' +
      `<tt:MaxStringLength>64</tt:MaxStringLength></tt:Recording><tt:Search><tt:XAddr>${camera.serviceUrl('search')}</tt:XAddr>` +
      `<tt:MetadataSearch>false</tt:MetadataSearch></tt:Search><tt:Replay><tt:XAddr>${camera.serviceUrl('replay')}</tt:XAddr></tt:Replay></tt:Extension>`;
  }
  return `<tds:GetCapabilitiesResponse><tds:Capabilities>${body}</tds:Capabilities></tds:GetCapabilitiesResponse>`;
}

function deviceServiceCapabilities(tag: string): string {
  return (
    `<${tag}><tds:Network IPFilter="false" ZeroConfiguration="false" IPVersion6="false" DynDNS="false" HostnameFromDHCP="false" NTP="1"/>` +
    '<tds:Security UsernameToken="true" HttpDigest="true" TLS1.2="false" MaxUsers="8"/>' +
    `<tds:System DiscoveryResolve="false" DiscoveryBye="true" RemoteDiscovery="false" SystemBackup="false" SystemLogging="false" HttpFirmwareUpgrade="false"/></${tag}>`
  );
}

function mediaServiceCapabilities(tag: string): string {
  return `<${tag} SnapshotUri="true" Rotation="false"><trt:ProfileCapabilities MaximumNumberOfProfiles="2"/><trt:StreamingCapabilities RTPMulticast="false" RTP_TCP="true" RTP_RTSP_TCP="true"/></${tag}>`;
}

function media2ServiceCapabilities(tag: string): string {
  return `<${tag} SnapshotUri="true"><tr2:ProfileCapabilities MaximumNumberOfProfiles="2" ConfigurationsSupported="VideoSource VideoEncoder PTZ"/><tr2:StreamingCapabilities RTSPStreaming="true" RTP_RTSP_TCP="true"/></${tag}>`;
}

function ptzServiceCapabilities(tag: string): string {
  return `<${tag} MoveStatus="true" StatusPosition="true"/>`;
}

export const SERVICE_CAPABILITIES = {
  device: deviceServiceCapabilities,
  media: mediaServiceCapabilities,
  media2: media2ServiceCapabilities,
  ptz: ptzServiceCapabilities,
  recording: (tag: string) => `<${tag} DynamicRecordings="false" DynamicTracks="false" MaxRecordings="1" MaxRecordingJobs="1"/>`,
  search: (tag: string) => `<${tag} MetadataSearch="false" GeneralStartEvents="false"/>`,
  replay: (tag: string) => `<${tag} ReversePlayback="false" RTP_RTSP_TCP="true"/>`,
  events: (tag: string) =>
    `<${tag} WSSubscriptionPolicySupport="false" WSPausableSubscriptionManagerInterfaceSupport="false" MaxPullPoints="16"/>`,
};

function services({ camera, request }: OperationContext): string {
  const include = readBool(textAt(request, 'IncludeCapability')) ?? false;
  const entry = (namespace: string, service: keyof typeof SERVICE_CAPABILITIES, tag: string, major: number, minor: number): string =>
    `<tds:Service><tds:Namespace>${namespace}</tds:Namespace><tds:XAddr>${camera.serviceUrl(service)}</tds:XAddr>` +
    (include ? `<tds:Capabilities>${SERVICE_CAPABILITIES[service](tag)}</tds:Capabilities>` : '') +
    `<tds:Version><tt:Major>${major}</tt:Major><tt:Minor>${minor}</tt:Minor></tds:Version></tds:Service>`;
  let body = entry(NS.tds, 'device', 'tds:Capabilities', 2, 60);
  if (camera.hasEvents) body += entry(NS.tev, 'events', 'tev:Capabilities', 2, 60);
  body += entry(NS.trt, 'media', 'trt:Capabilities', 2, 60);
  if (camera.hasMedia2) body += entry(NS.tr2, 'media2', 'tr2:Capabilities', 2, 60);
  if (camera.hasPtz) body += entry(NS.tptz, 'ptz', 'tptz:Capabilities', 2, 60);
  if (camera.hasRecording) {
    body += entry(NS.trc, 'recording', 'trc:Capabilities', 2, 60);
    body += entry(NS.tse, 'search', 'tse:Capabilities', 2, 60);
    body += entry(NS.trp, 'replay', 'trp:Capabilities', 2, 60);
  }
  return `<tds:GetServicesResponse>${body}</tds:GetServicesResponse>`;
}

function scopes({ camera }: OperationContext): string {
  const items = camera
    .scopes()
    .map(
      (s) =>
        `<tds:Scopes><tt:ScopeDef>${/\/(name|location)\//.test(s) ? 'Configurable' : 'Fixed'}</tt:ScopeDef><tt:ScopeItem>${x(s)}</tt:ScopeItem></tds:Scopes>`,
    )
    .join('');
  return `<tds:GetScopesResponse>${items}</tds:GetScopesResponse>`;
}

function hostname({ camera }: OperationContext): string {
  const n = camera.state.network;
  return `<tds:GetHostnameResponse><tds:HostnameInformation><tt:FromDHCP>${bool(n.hostnameFromDhcp)}</tt:FromDHCP><tt:Name>${x(n.hostname)}</tt:Name></tds:HostnameInformation></tds:GetHostnameResponse>`;
}

function setHostname({ camera, request }: OperationContext): string {
  const name = textAt(request, 'Name') ?? '';
  // RFC 1123 host name: letters, digits and hyphens, labels of 1 to 63 characters.
  if (!/^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/.test(name)) {
    throw invalidArgVal('InvalidHostname', `Invalid hostname '${name}'`);
  }
  camera.state.network.hostname = name;
  camera.state.network.hostnameFromDhcp = false;
  camera.changed();
  return '<tds:SetHostnameResponse/>';
}

const INTERFACE_TOKEN = 'eth0';

function networkInterfaces({ camera }: OperationContext): string {
  const n = camera.state.network;
  const address = `<tt:Address>${n.address}</tt:Address><tt:PrefixLength>${n.prefixLength}</tt:PrefixLength>`;
  const config = n.dhcp
    ? `<tt:FromDHCP>${address}</tt:FromDHCP><tt:DHCP>true</tt:DHCP>`
    : `<tt:Manual>${address}</tt:Manual><tt:DHCP>false</tt:DHCP>`;
  return (
    `<tds:GetNetworkInterfacesResponse><tds:NetworkInterfaces token="${INTERFACE_TOKEN}"><tt:Enabled>true</tt:Enabled>` +
    `<tt:Info><tt:Name>${INTERFACE_TOKEN}</tt:Name><tt:HwAddress>${camera.identity.mac}</tt:HwAddress><tt:MTU>1500</tt:MTU></tt:Info>` +
    `<tt:IPv4><tt:Enabled>true</tt:Enabled><tt:Config>${config}</tt:Config></tt:IPv4></tds:NetworkInterfaces></tds:GetNetworkInterfacesResponse>`
  );
}

function setNetworkInterfaces({ camera, request }: OperationContext): string {
  if (textAt(request, 'InterfaceToken') !== INTERFACE_TOKEN) throw invalidArgVal('InvalidNetworkInterface', 'No such network interface');
  const ipv4 = child(child(request, 'NetworkInterface'), 'IPv4');
  if (!ipv4) return '<tds:SetNetworkInterfacesResponse><tds:RebootNeeded>false</tds:RebootNeeded></tds:SetNetworkInterfacesResponse>';
  const dhcp = readBool(textAt(ipv4, 'DHCP'));
  const manual = child(ipv4, 'Manual');
  const n = camera.state.network;
  if (manual) {
    const address = textAt(manual, 'Address') ?? '';
    const prefix = Number(textAt(manual, 'PrefixLength'));
    if (!isIPv4(address)) throw invalidArgVal('InvalidIPv4Address', `'${address}' is not an IPv4 address`);
    if (!Number.isInteger(prefix) || prefix < 1 || prefix > 32) throw invalidArgVal('InvalidIPv4Address', 'PrefixLength must be 1 to 32');
    n.address = address;
    n.prefixLength = prefix;
  }
  if (dhcp !== undefined) n.dhcp = dhcp;
  camera.changed();
  camera.applyNetwork();
  // Real devices answer RebootNeeded=true for an address change; this one applies it at once, as many do anyway.
  return `<tds:SetNetworkInterfacesResponse><tds:RebootNeeded>${bool(manual !== undefined || dhcp !== undefined)}</tds:RebootNeeded></tds:SetNetworkInterfacesResponse>`;
}

function ipv4List(request: OperationContext['request'], name: string, detail: string): string[] {
  return children(request, name).map((el) => {
    const value = (child(el, 'IPv4Address') ?? el).text.trim();
    if (!isIPv4(value)) throw invalidArgVal(detail, `'${value}' is not an IPv4 address`);
    return value;
  });
}

function gateway({ camera }: OperationContext): string {
  const items = camera.state.network.gateway.map((g) => `<tt:IPv4Address>${g}</tt:IPv4Address>`).join('');
  return `<tds:GetNetworkDefaultGatewayResponse><tds:NetworkGateway>${items}</tds:NetworkGateway></tds:GetNetworkDefaultGatewayResponse>`;
}

function setGateway({ camera, request }: OperationContext): string {
  camera.state.network.gateway = ipv4List(request, 'IPv4Address', 'InvalidGatewayAddress');
  camera.changed();
  return '<tds:SetNetworkDefaultGatewayResponse/>';
}

const ipAddress = (tag: string, a: string): string => `<${tag}><tt:Type>IPv4</tt:Type><tt:IPv4Address>${a}</tt:IPv4Address></${tag}>`;

function dns({ camera }: OperationContext): string {
  const n = camera.state.network;
  return (
    `<tds:GetDNSResponse><tds:DNSInformation><tt:FromDHCP>${bool(n.dnsFromDhcp)}</tt:FromDHCP>` +
    n.searchDomain.map((d) => `<tt:SearchDomain>${x(d)}</tt:SearchDomain>`).join('') +
    n.dns.map((d) => ipAddress(n.dnsFromDhcp ? 'tt:DNSFromDHCP' : 'tt:DNSManual', d)).join('') +
    `</tds:DNSInformation></tds:GetDNSResponse>`
  );
}

function setDns({ camera, request }: OperationContext): string {
  const n = camera.state.network;
  n.dnsFromDhcp = readBool(textAt(request, 'FromDHCP')) ?? false;
  n.searchDomain = children(request, 'SearchDomain').map((d) => d.text.trim());
  n.dns = ipv4List(request, 'DNSManual', 'InvalidIPv4Address');
  camera.changed();
  return '<tds:SetDNSResponse/>';
}

function ntp({ camera }: OperationContext): string {
  const n = camera.state.network;
  const host = (h: string): string =>
    isIPv4(h) ? `<tt:Type>IPv4</tt:Type><tt:IPv4Address>${h}</tt:IPv4Address>` : `<tt:Type>DNS</tt:Type><tt:DNSname>${x(h)}</tt:DNSname>`;
  const tag = n.ntpFromDhcp ? 'tt:NTPFromDHCP' : 'tt:NTPManual';
  return (
    `<tds:GetNTPResponse><tds:NTPInformation><tt:FromDHCP>${bool(n.ntpFromDhcp)}</tt:FromDHCP>` +
    n.ntp.map((h) => `<${tag}>${host(h)}</${tag}>`).join('') +
    `</tds:NTPInformation></tds:GetNTPResponse>`
  );
}

function setNtp({ camera, request }: OperationContext): string {
  const n = camera.state.network;
  n.ntpFromDhcp = readBool(textAt(request, 'FromDHCP')) ?? false;
  n.ntp = children(request, 'NTPManual').map((h) => {
    const type = textAt(h, 'Type');
    const value = type === 'DNS' ? textAt(h, 'DNSname') : textAt(h, 'IPv4Address');
    if (!value || (type === 'IPv4' && !isIPv4(value)) || (type !== 'IPv4' && type !== 'DNS')) {
      throw invalidArgVal('InvalidIPv4Address', 'Each NTP server needs Type IPv4 with an IPv4Address, or Type DNS with a DNSname');
    }
    return value;
  });
  camera.changed();
  return '<tds:SetNTPResponse/>';
}

function discoveryMode({ camera }: OperationContext): string {
  return `<tds:GetDiscoveryModeResponse><tds:DiscoveryMode>${camera.state.network.discoverable ? 'Discoverable' : 'NonDiscoverable'}</tds:DiscoveryMode></tds:GetDiscoveryModeResponse>`;
}

function systemReboot({ camera }: OperationContext): string {
  camera.reboot();
  return '<tds:SystemRebootResponse><tds:Message>Rebooting in 3 seconds</tds:Message></tds:SystemRebootResponse>';
}

function serviceCapabilities(): string {
  return `<tds:GetServiceCapabilitiesResponse>${deviceServiceCapabilities('tds:Capabilities')}</tds:GetServiceCapabilitiesResponse>`;
}

/** Device management (ver10) operations, keyed by WSDL operation name. */
export const deviceHandlers: Record<string, Handler> = {
  GetSystemDateAndTime: systemDateAndTime,
  SetSystemDateAndTime: setSystemDateAndTime,
  GetDeviceInformation: deviceInformation,
  GetCapabilities: capabilities,
  GetServices: services,
  GetServiceCapabilities: serviceCapabilities,
  GetScopes: scopes,
  GetHostname: hostname,
  SetHostname: setHostname,
  GetNetworkInterfaces: networkInterfaces,
  SetNetworkInterfaces: setNetworkInterfaces,
  GetNetworkDefaultGateway: gateway,
  SetNetworkDefaultGateway: setGateway,
  GetDNS: dns,
  SetDNS: setDns,
  GetNTP: ntp,
  SetNTP: setNtp,
  GetDiscoveryMode: discoveryMode,
  SystemReboot: systemReboot,
};

/** Operations a camera answers without credentials (ONVIF's pre-authentication class). */
export const PRE_AUTH_OPERATIONS = new Set(['GetSystemDateAndTime']);
