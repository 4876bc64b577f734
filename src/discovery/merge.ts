import type { DiscoveredDevice, DiscoverySource, ProbeMatch, SsdpHit } from './model.js';
import { scopeValue } from './probe-message.js';

function hostOf(xaddr: string): { host: string; port: number } | undefined {
  try {
    const url = new URL(xaddr);
    return { host: url.hostname, port: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80 };
  } catch {
    return undefined;
  }
}

function blank(address: string, source: DiscoverySource): DiscoveredDevice {
  return {
    endpointReference: null,
    address,
    port: null,
    xaddrs: [],
    name: null,
    location: null,
    hardware: null,
    scopes: [],
    types: [],
    manufacturer: null,
    model: null,
    firmwareVersion: null,
    serialNumber: null,
    hardwareId: null,
    mac: null,
    clockSkewSeconds: null,
    auth: 'unknown',
    sources: [source],
    ssdp: null,
    findings: [],
  };
}

const addSource = (d: DiscoveredDevice, s: DiscoverySource): void => {
  if (!d.sources.includes(s)) d.sources.push(s);
};

/** The UUID of `urn:uuid:X`, `uuid:X` or `uuid:X::upnp:rootdevice`, lower case. */
function uuidOf(id: string): string | undefined {
  return /^(?:urn:)?uuid:([0-9a-f-]{32,36})/i.exec(id)?.[1]?.toLowerCase();
}

/**
 * Merges everything heard into one entry per device: ProbeMatches by EndpointReference (a device
 * answers on every interface and to both probes), HTTP answers and SSDP hits by address. Two answers
 * that claim one EndpointReference from different addresses are not merged: both are kept, each with a
 * conflict finding, since one of them is lying (or two cameras share a cloned identity).
 */
export function mergeFindings(
  matches: ProbeMatch[],
  httpHits: { address: string; port: number }[],
  ssdpHits: SsdpHit[],
): DiscoveredDevice[] {
  const byEpr = new Map<string, DiscoveredDevice>();
  for (const m of matches) {
    const first = m.xaddrs.map(hostOf).find(Boolean);
    const address = first?.host ?? m.from;
    const key = `${m.endpointReference}\0${address}`;
    let d = byEpr.get(key);
    if (!d) {
      d = blank(address, m.source);
      d.endpointReference = m.endpointReference;
      d.port = first?.port ?? null;
      byEpr.set(key, d);
    }
    addSource(d, m.source);
    for (const x of m.xaddrs) if (!d.xaddrs.includes(x)) d.xaddrs.push(x);
    for (const s of m.scopes) if (!d.scopes.includes(s)) d.scopes.push(s);
    for (const t of m.types) if (!d.types.includes(t)) d.types.push(t);
  }
  const devices = [...byEpr.values()];
  for (const d of devices) {
    const rivals = devices.filter((o) => o !== d && o.endpointReference === d.endpointReference).map((o) => o.address);
    if (rivals.length) {
      d.findings.push({
        kind: 'conflicting-identity',
        message: `${rivals.join(', ')} also ${rivals.length === 1 ? 'claims' : 'claim'} EndpointReference ${d.endpointReference}: one of them is not what it says (or a cloned camera)`,
      });
    }
    d.name = scopeValue(d.scopes, 'name');
    d.location = scopeValue(d.scopes, 'location');
    d.hardware = scopeValue(d.scopes, 'hardware');
  }
  const byAddress = (address: string): DiscoveredDevice | undefined =>
    devices.find((d) => d.address === address || d.xaddrs.some((x) => hostOf(x)?.host === address));
  for (const h of httpHits) {
    const known = byAddress(h.address);
    if (known) addSource(known, 'http');
    else {
      const d = blank(h.address, 'http');
      d.port = h.port;
      d.xaddrs = [`http://${h.address}${h.port === 80 ? '' : `:${h.port}`}/onvif/device_service`];
      devices.push(d);
    }
  }
  for (const s of ssdpHits) {
    // Many cameras use one UUID for their WS-Discovery endpoint and their UPnP device: that is the identity.
    const uuid = uuidOf(s.usn);
    let d = (uuid && devices.find((x) => x.endpointReference && uuidOf(x.endpointReference) === uuid)) || byAddress(s.address);
    if (d) addSource(d, 'ssdp');
    else devices.push((d = blank(s.address, 'ssdp')));
    d.ssdp = s;
    // What UPnP says shows until ONVIF (with credentials) says otherwise.
    d.manufacturer ??= s.manufacturer ?? null;
    d.model ??= s.model ?? null;
    d.serialNumber ??= s.serialNumber ?? null;
    d.name ??= s.friendlyName ?? null;
  }
  return devices;
}

function absorb(into: DiscoveredDevice, from: DiscoveredDevice): void {
  for (const s of from.sources) addSource(into, s);
  for (const x of from.xaddrs) if (!into.xaddrs.includes(x)) into.xaddrs.push(x);
  into.endpointReference ??= from.endpointReference;
  into.mac ??= from.mac;
  into.ssdp ??= from.ssdp;
  into.findings.push(...from.findings);
}

/**
 * After enrichment, devices that are one device seen twice become one entry: the same MAC (two identities
 * on one network card), or a device heard only over UPnP whose serial number is that of exactly one ONVIF
 * device (a camera with two addresses). Serials alone never merge two ONVIF devices: cheap cameras share them.
 */
export function mergeByIdentity(devices: DiscoveredDevice[]): DiscoveredDevice[] {
  const out: DiscoveredDevice[] = [];
  const byMac = new Map<string, DiscoveredDevice>();
  for (const d of devices) {
    const first = d.mac ? byMac.get(d.mac.toLowerCase()) : undefined;
    if (first) absorb(first, d);
    else {
      if (d.mac) byMac.set(d.mac.toLowerCase(), d);
      out.push(d);
    }
  }
  const serial = (d: DiscoveredDevice) => d.serialNumber?.trim().toUpperCase() || undefined;
  const upnpOnly = (d: DiscoveredDevice) => d.endpointReference === null && d.sources.every((s) => s === 'ssdp');
  return out.filter((d) => {
    if (!upnpOnly(d) || !serial(d)) return true;
    const same = out.filter((o) => o.endpointReference !== null && serial(o) === serial(d));
    if (same.length !== 1) return true;
    absorb(same[0]!, d);
    return false;
  });
}

const addressKey = (a: string): number[] => a.split('.').map(Number);

/** Sorted by address, numerically, as the table shows them. */
export function sortByAddress(devices: DiscoveredDevice[]): DiscoveredDevice[] {
  return [...devices].sort((a, b) => {
    const x = addressKey(a.address);
    const y = addressKey(b.address);
    for (let i = 0; i < 4; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    return (a.port ?? 0) - (b.port ?? 0);
  });
}
