import type { Credentials } from '../credentials/secret.js';
import type { DeviceEndpoint } from '../inventory/device-address.js';
import { OnvifClient, type AuthMode } from '../onvif/client.js';
import * as device from '../onvif/device.js';
import { getEncoderOptions, getProfiles, getStreamUri, type EncoderOptions, type MediaProfile } from '../onvif/media.js';
import { getPresets, getStatus, type Position, type Preset } from '../onvif/ptz.js';
import type { StepOutcomes } from './health.js';
import { probeStream, rtspChallenge, type RtspProbe } from './rtsp.js';
import { tcpCheck } from './tcp.js';

export interface InspectTarget {
  target: string;
  endpoint: DeviceEndpoint;
  credentials: Credentials | undefined;
  /** Which optional deep reads this camera needs (all of them when absent). */
  reads?: DeepReadPlan;
}

/**
 * The optional deep reads: each costs a request per camera, so reconciliation asks only for what the
 * inventory manages (no DNS read when no DNS is wanted; encoder options only for an encoder to change).
 */
export interface DeepReadPlan {
  ntp: boolean;
  dns: boolean;
  gateway: boolean;
  /** The encoder tokens whose options are wanted, given the profiles; every encoder when absent. */
  encoderOptionsFor?: (profiles: MediaProfile[]) => string[];
}
export const READ_EVERYTHING: DeepReadPlan = { ntp: true, dns: true, gateway: true };

export interface InspectOptions {
  timeoutMs: number;
  rtspPort: number;
  /** Also read what reconciliation compares: network settings, encoder options and PTZ presets. */
  deep: boolean;
}

type Settled<T> = { ok: true; v: T } | { ok: false; e: unknown };
const settle = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then(
    (v) => ({ ok: true as const, v }),
    (e: unknown) => ({ ok: false as const, e }),
  );
const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** What the deep reads found (absent parts could not be read, or were not asked for). */
export interface DeepReads {
  identity: device.DeviceInformation | null;
  interfaces: device.NetworkInterfaceInfo[] | null;
  ntp: string[] | null;
  dns: string[] | null;
  gateway: string[] | null;
  profiles: MediaProfile[] | null;
  encoderOptions: Record<string, EncoderOptions[]>;
  ptz: boolean;
  presets: Preset[] | null;
  /** Where the head points now. */
  position: Position | null;
  time: { type: string | undefined; timezone: string | undefined } | null;
}

/** Everything one look at a camera saw, before ICMP is added and the state decided. */
export interface Inspection {
  target: InspectTarget;
  started: number;
  errors: string[];
  onvifPortOpen: boolean;
  rtspPortOpen: boolean;
  clock: { offsetMs: number; ms: number } | null;
  auth: StepOutcomes['auth'];
  authMode: AuthMode | undefined;
  stream: StepOutcomes['stream'];
  streamInfo: { uri: string; probe: RtspProbe } | null;
  deep: DeepReads | null;
}

/**
 * Looks at one camera with as few round trips as the answers allow: everything that needs no earlier
 * answer goes out at once (authenticated calls assume the camera's clock agrees with ours and re-read it
 * once if refused); then profiles; then the stream URI, presets and encoder options; then DESCRIBE.
 */
export async function inspectCamera(t: InspectTarget, options: InspectOptions): Promise<Inspection> {
  const started = performance.now();
  const errors: string[] = [];
  const { host, port } = t.endpoint;
  const client = new OnvifClient({ endpoint: t.endpoint, credentials: t.credentials, timeoutMs: options.timeoutMs });
  const creds = t.credentials !== undefined;

  const onvifTcp = tcpCheck(host, port, options.timeoutMs);
  // The RTSP port check is an unauthenticated DESCRIBE: it proves the port open and brings the Digest
  // challenge that the stream's DESCRIBE answers without another round trip.
  const rtspEarly = rtspChallenge(host, options.rtspPort, options.timeoutMs);
  const clock = (async () => {
    const t0 = performance.now();
    const { offsetMs } = await client.syncClock();
    return { offsetMs, ms: Math.round(performance.now() - t0) };
  })();
  const identity = creds ? device.getDeviceInformation(client) : undefined;
  const services = creds ? device.getServices(client) : undefined;
  const profiles = services?.then(() => getProfiles(client));
  const stream = profiles?.then(async (list) => {
    const main = list[0];
    if (!main) throw new Error('the camera has no media profile');
    const uri = await getStreamUri(client, main.token);
    return { uri, probe: await probeStream(uri, t.credentials, options.timeoutMs, await rtspEarly) };
  });
  const deep = options.deep && creds ? readDeep(client, services!, profiles!, identity!, t.reads ?? READ_EVERYTHING) : undefined;

  const [onvifPort, rtspPort, clockResult, identityResult, streamResult, deepResult] = await Promise.all([
    onvifTcp,
    rtspEarly,
    settle(clock),
    identity && settle(identity),
    stream && settle(stream),
    deep && settle(deep),
  ]);

  if (!clockResult.ok) errors.push(`ONVIF: ${describe(clockResult.e)}`);
  let auth: StepOutcomes['auth'] = 'no-credentials';
  if (identityResult) {
    if (identityResult.ok) auth = 'ok';
    else {
      auth = (identityResult.e as Error).name === 'AuthError' ? 'failed' : 'error';
      if (clockResult.ok) errors.push(`GetDeviceInformation: ${describe(identityResult.e)}`);
    }
  }
  let streamOutcome: StepOutcomes['stream'] = 'not-checked';
  let streamInfo: Inspection['streamInfo'] = null;
  if (streamResult && auth === 'ok') {
    if (streamResult.ok) {
      streamInfo = streamResult.v;
      streamOutcome = streamResult.v.probe.ok ? 'ok' : 'failed';
      if (!streamResult.v.probe.ok) errors.push(`RTSP DESCRIBE ${streamResult.v.uri}: ${streamResult.v.probe.error}`);
    } else {
      streamOutcome = 'failed';
      errors.push(`stream: ${describe(streamResult.e)}`);
    }
  }
  if (deepResult && !deepResult.ok && auth === 'ok') errors.push(`reading settings: ${describe(deepResult.e)}`);
  return {
    target: t,
    started,
    errors,
    onvifPortOpen: onvifPort.ok,
    rtspPortOpen: rtspPort.open,
    clock: clockResult.ok ? clockResult.v : null,
    auth,
    authMode: client.authMode,
    stream: streamOutcome,
    streamInfo,
    deep: deepResult?.ok ? { ...deepResult.v, time: client.timeSetting ?? null } : null,
  };
}

/** The reads reconciliation needs beyond a health check; each part that fails is left empty. */
async function readDeep(
  client: OnvifClient,
  services: Promise<device.ServiceEntry[]>,
  profiles: Promise<MediaProfile[]>,
  identity: Promise<device.DeviceInformation>,
  reads: DeepReadPlan,
): Promise<Omit<DeepReads, 'time'>> {
  const orNull = <T>(p: Promise<T>): Promise<T | null> => p.catch(() => null);
  const unread = Promise.resolve(null);
  const [interfaces, ntp, dns, gateway] = await Promise.all([
    orNull(device.getNetworkInterfaces(client)),
    reads.ntp ? orNull(device.getNtp(client).then((n) => n.servers)) : unread,
    reads.dns ? orNull(device.getDns(client).then((d) => d.servers)) : unread,
    reads.gateway ? orNull(device.getDefaultGateway(client)) : unread,
  ]);
  const list = await profiles;
  const ptz = (await services).some((s) => s.namespace === 'http://www.onvif.org/ver20/ptz/wsdl');
  const ptzProfile = list.find((p) => p.hasPtz);
  const encoderTokens = [
    ...new Set((reads.encoderOptionsFor?.(list) ?? list.map((p) => p.encoder?.token)).filter((x): x is string => Boolean(x))),
  ];
  const [presets, status, ...options] = await Promise.all([
    ptz && ptzProfile ? orNull(getPresets(client, ptzProfile.token)) : Promise.resolve(null),
    ptz && ptzProfile ? orNull(getStatus(client, ptzProfile.token)) : Promise.resolve(null),
    ...encoderTokens.map((token) => orNull(getEncoderOptions(client, token))),
  ]);
  const encoderOptions: Record<string, EncoderOptions[]> = {};
  encoderTokens.forEach((token, i) => {
    if (options[i]) encoderOptions[token] = options[i]!;
  });
  return {
    identity: await identity,
    interfaces,
    ntp,
    dns,
    gateway,
    profiles: list,
    encoderOptions,
    ptz,
    presets: presets as Preset[] | null,
    position: status ? (status as { position: Position }).position : null,
  };
}
