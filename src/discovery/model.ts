/** How a device was found. */
export type DiscoverySource = 'multicast' | 'unicast' | 'http' | 'ssdp';

/** One WS-Discovery ProbeMatch, as received. */
export interface ProbeMatch {
  endpointReference: string;
  types: string[];
  scopes: string[];
  xaddrs: string[];
  metadataVersion: number | undefined;
  /** Sender address of the UDP reply. */
  from: string;
  source: 'multicast' | 'unicast';
  /** The local interface address the reply came in on (multicast). */
  via: string | undefined;
}

export interface SsdpHit {
  address: string;
  usn: string;
  location: string | undefined;
  server: string | undefined;
  friendlyName?: string;
  manufacturer?: string;
  model?: string;
  serialNumber?: string;
}

export interface Finding {
  kind:
    | 'unreachable-xaddr'
    | 'link-local-xaddr'
    | 'outside-xaddr'
    | 'conflicting-identity'
    | 'enrich-failed'
    | 'auth-failed'
    | 'malformed-reply';
  message: string;
}

/** A device as camfleet reports it: merged from every source, then enriched. */
export interface DiscoveredDevice {
  endpointReference: string | null;
  address: string;
  port: number | null;
  xaddrs: string[];
  name: string | null;
  location: string | null;
  hardware: string | null;
  scopes: string[];
  types: string[];
  manufacturer: string | null;
  model: string | null;
  firmwareVersion: string | null;
  serialNumber: string | null;
  hardwareId: string | null;
  mac: string | null;
  clockSkewSeconds: number | null;
  auth: 'ok' | 'failed' | 'no-credentials' | 'unknown';
  sources: DiscoverySource[];
  ssdp: SsdpHit | null;
  findings: Finding[];
}
