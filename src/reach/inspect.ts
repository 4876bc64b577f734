import { type AccessPolicy, STRICT_ACCESS } from '../auth/access-policy.js';
import type { Credentials } from '../credentials/secret.js';
import type { DeviceEndpoint } from '../net/endpoint.js';
import { type AuthMode, OnvifClient } from '../onvif/client.js';
import * as device from '../onvif/device.js';
import { AuthError } from '../onvif/errors.js';
import { getProfiles, getStreamUri, type MediaProfile } from '../onvif/media.js';
import type { CameraMemory } from './camera-memory.js';
import type { StepOutcomes } from './health.js';
import { probeStream, type RtspProbe, rtspChallenge } from './rtsp.js';
import { tcpCheck } from './tcp.js';

/** The answers an inspection reads anyway, for further reads that build on them in the same round. */
export interface EarlyReads {
  identity: Promise<device.DeviceInformation>;
  services: Promise<device.ServiceEntry[]>;
  profiles: Promise<MediaProfile[]>;
}

export interface InspectTarget<E = never> {
  target: string;
  endpoint: DeviceEndpoint;
  credentials: Credentials | undefined;
  /** What the credentials may be used for (default: the strict policy). */
  policy?: AccessPolicy;
  /** What a watch keeps of this camera between checks (camera-memory.ts); used, then kept or forgotten. */
  memory?: CameraMemory;
  /**
   * Further reads on the same connection, started as soon as the answers they need arrive (reconcile's
   * reads of what the inventory manages). Only with credentials.
   */
  extra?: (client: OnvifClient, early: EarlyReads) => Promise<E>;
}

export interface InspectOptions {
  timeoutMs: number;
  rtspPort: number;
  signal?: AbortSignal;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
const settle = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Everything one look at a camera saw, before ICMP is added and the state decided. */
export interface Inspection<E = never> {
  target: InspectTarget<E>;
  started: number;
  errors: string[];
  onvifPortOpen: boolean;
  rtspPortOpen: boolean;
  clock: { offsetMs: number; ms: number } | null;
  auth: StepOutcomes['auth'];
  authMode: AuthMode | undefined;
  stream: StepOutcomes['stream'];
  streamInfo: { uri: string; probe: RtspProbe } | null;
  /** Why the stream could not be checked, when GetStreamUri (or the profiles before it) failed. */
  streamError: string | null;
  /** The camera's time settings, read with its clock. */
  time: { type: string | undefined; timezone: string | undefined } | null;
  /** What the target's extra reads gave, or why they failed; null without them (or without credentials). */
  extra: Settled<E> | null;
}

/**
 * Looks at one camera with as few round trips as the answers allow: everything that needs no earlier
 * answer goes out at once (authenticated calls assume the camera's clock agrees with ours and re-read it
 * once if refused); then profiles; then the stream URI and the target's extra reads; then DESCRIBE.
 */
export async function inspectCamera<E = never>(t: InspectTarget<E>, options: InspectOptions): Promise<Inspection<E>> {
  const started = performance.now();
  const errors: string[] = [];
  const { host, port } = t.endpoint;
  const policy = t.policy ?? STRICT_ACCESS;
  const client = new OnvifClient({
    endpoint: t.endpoint,
    credentials: t.credentials,
    timeoutMs: options.timeoutMs,
    policy,
    signal: options.signal,
  });
  const creds = t.credentials !== undefined;

  const memory = t.memory;
  // The port checks only tell a camera whose ONVIF does not answer apart from one that is gone
  // (onvif-down or unreachable). A camera whose last check was clean is checked for them only if ONVIF
  // fails now, and its DESCRIBE goes to the stream address kept from the last one, answered with the
  // challenge kept with it: two connections and a GetStreamUri fewer in each check of a watch.
  const remembered = memory?.remembered === true;
  const onvifTcp = remembered ? undefined : tcpCheck(host, port, options.timeoutMs);
  // The RTSP port check is an unauthenticated DESCRIBE: it proves the port open and brings the Digest
  // challenge that the stream's DESCRIBE answers without another round trip.
  const rtspEarly = remembered ? undefined : rtspChallenge(host, options.rtspPort, options.timeoutMs);
  const clock = (async () => {
    const t0 = performance.now();
    const { offsetMs } = await client.syncClock();
    return { offsetMs, ms: Math.round(performance.now() - t0) };
  })();
  const identity = creds ? device.getDeviceInformation(client) : undefined;
  const services = creds
    ? memory?.services
      ? Promise.resolve(device.useServices(client, memory.services))
      : device.getServices(client)
    : undefined;
  const profiles = services?.then(() => getProfiles(client));
  const access = { endpoint: t.endpoint, credentials: t.credentials, policy };
  const stream = profiles?.then(async (list) => {
    const main = list[0];
    if (!main) throw new Error('the camera has no media profile');
    const kept = memory?.stream;
    const keptUri = kept?.uri?.profile === main.token ? kept.uri.uri : undefined;
    if (keptUri) {
      const probe = await probeStream(keptUri, access, options.timeoutMs, undefined, kept);
      // A server that did not answer would not answer at another address either; one that said no to
      // this one (404, 454…) may have moved the stream: ask where it is now.
      if (probe.ok || probe.status === null || probe.status === 401) return { uri: keptUri, probe };
      kept!.uri = undefined;
    }
    const uri = await getStreamUri(client, main.token);
    const probe = await probeStream(uri, access, options.timeoutMs, await rtspEarly, kept);
    if (kept && probe.ok) kept.uri = { profile: main.token, uri };
    return { uri, probe };
  });
  const extra = creds && t.extra ? t.extra(client, { identity: identity!, services: services!, profiles: profiles! }) : undefined;
  // Reads that others build on are also awaited through them; settle them here so none is left unhandled.
  for (const p of [identity, services, profiles]) p?.catch(() => undefined);

  const [clockResult, identityResult, streamResult, extraResult] = await Promise.all([
    settle(clock),
    identity && settle(identity),
    stream && settle(stream),
    extra && settle(extra),
  ]);

  // ONVIF that answered proves its port open, and a DESCRIBE that was answered the RTSP port.
  const streamAnswered = streamResult?.ok === true && streamResult.value.probe.status !== null;
  const [onvifPortOpen, rtspPortOpen] = await Promise.all([
    clockResult.ok && remembered ? true : (onvifTcp ?? tcpCheck(host, port, options.timeoutMs)).then((r) => r.ok),
    streamAnswered && remembered ? true : (rtspEarly ?? rtspChallenge(host, options.rtspPort, options.timeoutMs)).then((r) => r.open),
  ]);
  if (!clockResult.ok) errors.push(`ONVIF: ${describe(clockResult.error)}`);
  let auth: StepOutcomes['auth'] = 'no-credentials';
  if (identityResult) {
    if (identityResult.ok) auth = 'ok';
    else {
      auth = identityResult.error instanceof AuthError ? 'failed' : 'error';
      if (clockResult.ok) errors.push(`GetDeviceInformation: ${describe(identityResult.error)}`);
    }
  }
  let streamOutcome: StepOutcomes['stream'] = 'not-checked';
  let streamInfo: Inspection<E>['streamInfo'] = null;
  let streamError: string | null = null;
  if (streamResult && auth !== 'failed' && clockResult.ok) {
    if (streamResult.ok) {
      streamInfo = streamResult.value;
      streamOutcome = streamResult.value.probe.ok ? 'ok' : 'failed';
      if (!streamResult.value.probe.ok) errors.push(`RTSP DESCRIBE: ${streamResult.value.probe.error}`);
    } else {
      streamOutcome = 'failed';
      streamError = describe(streamResult.error);
      errors.push(`stream: ${streamError}`);
    }
  }
  if (memory) {
    // Kept only through a clean check: the next one after any trouble reads everything afresh.
    const listed = services && (await settle(services));
    if (errors.length === 0 && extraResult?.ok !== false && listed?.ok) memory.services = listed.value;
    else memory.forget();
  }
  return {
    target: t,
    started,
    errors,
    onvifPortOpen,
    rtspPortOpen,
    clock: clockResult.ok ? clockResult.value : null,
    auth,
    authMode: client.authMode,
    stream: streamOutcome,
    streamInfo,
    streamError,
    time: client.timeSetting ?? null,
    extra: extraResult ?? null,
  };
}
