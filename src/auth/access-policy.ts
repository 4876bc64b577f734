import type { AccessSpec } from '../inventory/model.js';
import type { Credentials } from '../credentials/secret.js';
import type { DeviceEndpoint } from '../net/endpoint.js';
import type { TlsTrust } from '../net/tls-trust.js';

/**
 * What a camera's credentials may be used for, beyond the safe default: they go only to the host of the
 * camera's device service, only as HTTP Digest with qop (or WS-Security), and https certificates are
 * checked. Each relaxation is named in the inventory (site defaults or the point's device) or by a flag.
 */
export interface AccessPolicy {
  tls: TlsTrust;
  /** Hosts besides the camera's own that may receive its credentials (an NVR serving its snapshots, a NAT address). */
  credentialHosts: string[];
  /** HTTP Basic over plain HTTP: the password crosses the network readable. */
  allowBasic: boolean;
  /** RFC 2069 Digest (no qop), which many RTSP servers still ask for: replayable and easier to crack offline. */
  allowDigestWithoutQop: boolean;
}

export const STRICT_ACCESS: AccessPolicy = {
  tls: { kind: 'verify' },
  credentialHosts: [],
  allowBasic: false,
  allowDigestWithoutQop: false,
};

/** Whether credentials may be sent to `url` for the camera at `endpoint`. */
export function mayReceiveCredentials(url: URL, endpoint: DeviceEndpoint, policy: AccessPolicy): boolean {
  const host = url.hostname.toLowerCase();
  return host === endpoint.host.toLowerCase() || policy.credentialHosts.some((h) => h.toLowerCase() === host);
}

/** The one-line refusal for a URI on a host that may not receive the camera's credentials. */
export function foreignHostRefusal(what: string, url: URL, endpoint: DeviceEndpoint): { message: string; hint: string } {
  return {
    message: `the camera's ${what} is on another host (${url.host}); camfleet sends credentials only to the camera's own host (${endpoint.host})`,
    hint: `if ${url.hostname} belongs to this camera (an NVR or a NAT address), allow it with --credential-host ${url.hostname} or the point's "device": {"credentialHosts": ["${url.hostname}"]}`,
  };
}

/** Everything needed to talk to one camera: where it is, its credentials, and what they may be used for. */
export interface CameraAccess {
  endpoint: DeviceEndpoint;
  credentials: Credentials | undefined;
  policy: AccessPolicy;
}

/** The relaxations a command line asks for, on top of the inventory's. */
export interface AccessFlags {
  credentialHost?: string[];
  allowBasic?: boolean;
  allowDigestWithoutQop?: boolean;
  tlsFingerprint?: string;
  tlsAnyCertificate?: boolean;
}

/** The policy for one camera: the inventory's access spec (if any), then the command-line flags. */
export function accessPolicy(spec: AccessSpec | undefined, flags: AccessFlags = {}): AccessPolicy {
  const pin = flags.tlsFingerprint ?? spec?.tls?.certificateSha256;
  const tls: TlsTrust = pin
    ? { kind: 'pinned', sha256: pin }
    : flags.tlsAnyCertificate || spec?.tls?.acceptAnyCertificate
      ? { kind: 'any' }
      : { kind: 'verify' };
  return {
    tls,
    credentialHosts: [...new Set([...(spec?.credentialHosts ?? []), ...(flags.credentialHost ?? [])])],
    allowBasic: flags.allowBasic === true || spec?.legacyAuth?.basic === true,
    allowDigestWithoutQop: flags.allowDigestWithoutQop === true || spec?.legacyAuth?.digestWithoutQop === true,
  };
}
