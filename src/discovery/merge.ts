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

/**
 * Merges everything heard into one entry per device: ProbeMatches by EndpointReference (a device
 * answers on every interface and to both probes), HTTP answers and SSDP hits by address.
 */
export function mergeFindings(matches: ProbeMatch[], httpHits: { address: string; port: number }[], ssdpHits: SsdpHit[]): DiscoveredDevice[] {
  const byEpr = new Map<string, DiscoveredDevice>();
  for (const m of matches) {
    let d = byEpr.get(m.endpointReference);
    if (!d) {
      const first = m.xaddrs.map(hostOf).find(Boolean);
      d = blank(first?.host ?? m.from, m.source);
      d.endpointReference = m.endpointReference;
      d.port = first?.port ?? null;
      byEpr.set(m.endpointReference, d);
    }
    addSource(d, m.source);
    for (const x of m.xaddrs) if (!d.xaddrs.includes(x)) d.xaddrs.push(x);
    for (const s of m.scopes) if (!d.scopes.includes(s)) d.scopes.push(s);
    for (const t of m.types) if (!d.types.includes(t)) d.types.push(t);
  }
  const devices = [...byEpr.values()];
  for (const d of devices) {
    d.name = scopeValue(d.scopes, 'name');
    d.location = scopeValue(d.scopes, 'location');
    d.hardware = scopeValue(d.scopes, 'hardware');
  }
  const byAddress = (address: string): DiscoveredDevice | undefined => devices.find((d) => d.address === address || d.xaddrs.some((x) => hostOf(x)?.host === address));
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
    let d = byAddress(s.address);
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

/** After enrichment: devices with the same MAC are one device seen under two identities; keep one. */
export function mergeByMac(devices: DiscoveredDevice[]): DiscoveredDevice[] {
  const out: DiscoveredDevice[] = [];
  const byMac = new Map<string, DiscoveredDevice>();
  for (const d of devices) {
    const first = d.mac ? byMac.get(d.mac) : undefined;
    if (!first) {
      if (d.mac) byMac.set(d.mac, d);
      out.push(d);
      continue;
    }
    for (const s of d.sources) addSource(first, s);
    for (const x of d.xaddrs) if (!first.xaddrs.includes(x)) first.xaddrs.push(x);
    first.endpointReference ??= d.endpointReference;
    first.ssdp ??= d.ssdp;
    first.findings.push(...d.findings);
  }
  return out;
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
