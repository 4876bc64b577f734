import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import pLimit from 'p-limit';
import type { Credentials } from '../credentials/secret.js';
import type { DeviceEndpoint } from '../inventory/device-address.js';
import { OnvifClient } from '../onvif/client.js';
import { getDeviceInformation, getServices } from '../onvif/device.js';
import { getProfiles, getStreamUri } from '../onvif/media.js';
import { healthOf, type HealthState, type HealthWarning, type StepOutcomes, type Thresholds } from './health.js';
import { isLoopback, type IcmpProber, type IcmpResult } from './icmp.js';
import { probeStream, rtspChallenge } from './rtsp.js';
import { tcpCheck } from './tcp.js';

export interface PingTarget {
  /** What the user named: the target as typed, or an inventory point id. */
  target: string;
  endpoint: DeviceEndpoint;
  credentials: Credentials | undefined;
}

export interface PingResult {
  target: string;
  address: string;
  port: number;
  state: HealthState;
  warnings: HealthWarning[];
  icmpMs: number | null;
  onvifMs: number | null;
  clockSkewSeconds: number | null;
  /** The auth mode that worked, or why there is none. */
  auth: 'ws-security' | 'digest' | 'none' | 'failed' | 'no-credentials' | 'not-checked';
  tcp: { onvif: boolean; rtsp: boolean };
  stream: { uri: string; codec: string | null; width: number | null; height: number | null } | null;
  errors: string[];
  durationMs: number;
}

export interface PingOptions extends Thresholds {
  timeoutMs: number;
  concurrency: number;
  /** ICMP probes run in their own pool (default 8). */
  icmpConcurrency?: number;
  rtspPort: number;
  icmp: IcmpProber;
  signal?: AbortSignal;
  onResult?: (result: PingResult, done: number) => void;
}

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));

type Settled<T> = { ok: true; v: T } | { ok: false; e: unknown };
const settle = <T>(p: Promise<T>): Promise<Settled<T>> => p.then((v) => ({ ok: true as const, v }), (e: unknown) => ({ ok: false as const, e }));

async function resolveIp(host: string): Promise<string | undefined> {
  if (isIP(host)) return host;
  try {
    return (await lookup(host, { family: 4 })).address;
  } catch {
    return undefined;
  }
}

/** What the network steps saw, before ICMP (which runs in its own pool) is added. */
interface NetworkChecks {
  t: PingTarget;
  started: number;
  errors: string[];
  onvifPortOpen: boolean;
  rtspPortOpen: boolean;
  clock: Settled<[{ offsetMs: number }, number]>;
  auth: StepOutcomes['auth'];
  authMode: PingResult['auth'];
  stream: StepOutcomes['stream'];
  streamInfo: PingResult['stream'];
}

/** TCP ports, ONVIF clock, authenticated identity and the main stream of one camera. */
async function checkNetwork(t: PingTarget, options: PingOptions): Promise<NetworkChecks> {
  const started = performance.now();
  const errors: string[] = [];
  const { host, port } = t.endpoint;
  const client = new OnvifClient({ endpoint: t.endpoint, credentials: t.credentials, timeoutMs: options.timeoutMs });
  const timed = async <T>(work: Promise<T>): Promise<[T, number]> => {
    const t0 = performance.now();
    const value = await work;
    return [value, Math.round(performance.now() - t0)];
  };

  // Everything that needs no earlier answer starts at once; authenticated calls assume the camera's
  // clock agrees with ours, and re-read it once if the camera refuses them.
  const onvifTcp = tcpCheck(host, port, options.timeoutMs);
  // The RTSP port check is an unauthenticated DESCRIBE: it proves the port open and brings the Digest
  // challenge that the stream's DESCRIBE will answer without another round trip.
  const rtspEarly = rtspChallenge(host, options.rtspPort, options.timeoutMs);
  const clock = timed(client.syncClock());
  const identity = t.credentials ? getDeviceInformation(client) : undefined;
  const stream = t.credentials
    ? (async () => {
        await getServices(client);
        const profiles = await getProfiles(client);
        const main = profiles[0];
        if (!main) throw new Error('the camera has no media profile');
        const uri = await getStreamUri(client, main.token);
        return { uri, probe: await probeStream(uri, t.credentials, options.timeoutMs, await rtspEarly) };
      })()
    : undefined;

  const [onvifPort, rtspPort, clockResult, identityResult, streamResult] = await Promise.all([
    onvifTcp,
    rtspEarly,
    settle(clock),
    identity && settle(identity),
    stream && settle(stream),
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
  let streamInfo: PingResult['stream'] = null;
  if (streamResult && auth === 'ok') {
    if (streamResult.ok) {
      const { uri, probe } = streamResult.v;
      streamInfo = { uri, codec: probe.codec, width: probe.width, height: probe.height };
      streamOutcome = probe.ok ? 'ok' : 'failed';
      if (!probe.ok) errors.push(`RTSP DESCRIBE ${uri}: ${probe.error}`);
    } else {
      streamOutcome = 'failed';
      errors.push(`stream: ${describe(streamResult.e)}`);
    }
  }
  const authMode: PingResult['auth'] = !clockResult.ok || auth === 'error' ? 'not-checked' : auth === 'ok' ? (client.authMode ?? 'none') : auth;
  return { t, started, errors, onvifPortOpen: onvifPort.ok, rtspPortOpen: rtspPort.open, clock: clockResult, auth, authMode, stream: streamOutcome, streamInfo };
}

/** Adds ICMP to the network checks and decides the state. */
function finish(n: NetworkChecks, icmp: { ip: string | undefined; result: IcmpResult }, options: Thresholds): PingResult {
  const errors = [...n.errors];
  if (icmp.ip === undefined) errors.unshift(`cannot resolve ${n.t.endpoint.host}`);
  const skew = n.clock.ok ? Math.round(n.clock.v[0].offsetMs / 100) / 10 : null;
  const outcomes: StepOutcomes = {
    icmp: icmp.result.kind === 'reply' && icmp.ip && isLoopback(icmp.ip) ? 'uninformative' : icmp.result.kind,
    onvifPortOpen: n.onvifPortOpen,
    rtspPortOpen: n.rtspPortOpen,
    onvifAnswered: n.clock.ok,
    onvifMs: n.clock.ok ? n.clock.v[1] : null,
    auth: n.auth,
    stream: n.stream,
    clockSkewSeconds: skew,
  };
  const { state, warnings } = healthOf(outcomes, options);
  return {
    target: n.t.target,
    address: n.t.endpoint.host,
    port: n.t.endpoint.port,
    state,
    warnings,
    icmpMs: icmp.result.kind === 'reply' ? icmp.result.ms : null,
    onvifMs: outcomes.onvifMs,
    clockSkewSeconds: skew,
    auth: n.authMode,
    tcp: { onvif: n.onvifPortOpen, rtsp: n.rtspPortOpen },
    stream: n.streamInfo,
    errors,
    durationMs: Math.round(performance.now() - n.started),
  };
}

/**
 * Checks every target: the network steps a bounded number of cameras at a time, ICMP in its own
 * pool (each probe spawns the system ping: it costs CPU, not a camera slot). Results in target order.
 */
export async function pingAll(targets: PingTarget[], options: PingOptions): Promise<PingResult[]> {
  const limit = pLimit(options.concurrency);
  const icmpLimit = pLimit(options.icmpConcurrency ?? 8);
  // On Ctrl-C nothing new is started; what is under way finishes and is reported.
  options.signal?.addEventListener('abort', () => {
    limit.clearQueue();
    icmpLimit.clearQueue();
  });
  let done = 0;
  return Promise.all(
    targets.map(async (t) => {
      const icmp = icmpLimit(async () => {
        const ip = await resolveIp(t.endpoint.host);
        return { ip, result: ip ? await options.icmp.probe(ip, options.timeoutMs) : ({ kind: 'no-reply' } as const) };
      });
      const network = await limit(() => checkNetwork(t, options));
      const result = finish(network, await icmp, options);
      options.onResult?.(result, ++done);
      return result;
    }),
  );
}
