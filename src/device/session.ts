import { type AccessPolicy, type CameraAccess, STRICT_ACCESS } from '../auth/access-policy.js';
import type { Credentials } from '../credentials/secret.js';
import type { DeviceEndpoint } from '../net/endpoint.js';
import { OnvifClient, type AuthMode } from '../onvif/client.js';
import { getServices, hasPtzService, type ServiceEntry } from '../onvif/device.js';
import { getProfiles, type MediaProfile } from '../onvif/media.js';
import { UnsupportedError } from '../onvif/errors.js';

/** A camera ready for device operations: its clock offset learned and its services known. */
export interface CameraSession {
  client: OnvifClient;
  endpoint: DeviceEndpoint;
  /** Where the camera is, its credentials, and what they may be used for (snapshots and streams follow it). */
  access: CameraAccess;
  services: ServiceEntry[];
  media2: boolean;
  ptz: boolean;
  clockOffsetMs: number;
  /** The auth mode that worked, once a call was authenticated. */
  readonly authMode: AuthMode | undefined;
}

export interface SessionOptions {
  timeoutMs: number;
  policy?: AccessPolicy;
  signal?: AbortSignal;
}

/**
 * Reads the camera clock and its services at once (the services call signs with our own clock first).
 * `alongside` runs further device-service calls in the same round, for commands that need nothing else.
 */
export async function openSession(
  endpoint: DeviceEndpoint,
  credentials: Credentials | undefined,
  options: SessionOptions,
  alongside?: (client: OnvifClient) => Promise<unknown>,
): Promise<CameraSession> {
  const policy = options.policy ?? STRICT_ACCESS;
  const client = new OnvifClient({ endpoint, credentials, timeoutMs: options.timeoutMs, policy, signal: options.signal });
  const [clock, services] = await Promise.all([client.syncClock(), getServices(client), alongside?.(client)]);
  const has = (ns: string): boolean => services.some((s) => s.namespace === ns);
  return {
    client,
    endpoint,
    access: { endpoint, credentials, policy },
    services,
    media2: has('http://www.onvif.org/ver20/media/wsdl'),
    ptz: has('http://www.onvif.org/ver20/ptz/wsdl'),
    clockOffsetMs: clock.offsetMs,
    get authMode() {
      return client.authMode;
    },
  };
}

/**
 * Throws the clear refusal a technician needs when the camera has no PTZ service. A camera whose
 * GetServices omits PTZ is asked GetCapabilities when its profiles carry a PTZ configuration.
 */
export async function requirePtz(session: CameraSession, action: string, profiles?: MediaProfile[]): Promise<void> {
  if (!session.ptz) {
    const list = profiles ?? (await getProfiles(session.client));
    session.ptz = await hasPtzService(
      session.client,
      session.services,
      list.some((p) => p.hasPtz),
    );
  }
  if (!session.ptz) {
    throw new UnsupportedError('this camera has no PTZ service (a fixed camera); re-aim it by hand', {
      endpoint: session.endpoint.url,
      action,
    });
  }
}
