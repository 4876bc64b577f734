import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import pLimit from 'p-limit';
import type { Credentials } from '../credentials/secret.js';
import type { DeviceEndpoint } from '../inventory/device-address.js';
import { OnvifClient } from '../onvif/client.js';
import { getDeviceInformation, getServices } from '../onvif/device.js';
import { getProfiles, getStreamUri } from '../onvif/media.js';
import { healthOf, type HealthState, type HealthWarning, type StepOutcomes, type Thresholds } from './health.js';
import { IcmpProber, isLoopback } from './icmp.js';
import { probeStream } from './rtsp.js';
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
  rtspPort: number;
  icmp: IcmpProber;
  signal?: AbortSignal;
  onResult?: (result: PingResult, done: number) => void;
}

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Checks one camera: ICMP, TCP ports, ONVIF clock, authenticated identity, and the main stream. */
export async function pingOne(t: PingTarget, options: PingOptions): Promise<PingResult> {
  const started = performance.now();
  const errors: string[] = [];
  const { host, port } = t.endpoint;
  let ip = host;
  if (!isIP(host)) {
    try {
      ip = (await lookup(host, { family: 4 })).address;
    } catch {
      ip = '';
      errors.push(`cannot resolve ${host}`);
    }
  }
  const client = new OnvifClient({ endpoint: t.endpoint, credentials: t.credentials, timeoutMs: options.timeoutMs });
  const timed = async <T>(work: Promise<T>): Promise<[T, number]> => {
    const t0 = performance.now();
    const value = await work;
    return [value, Math.round(performance.now() - t0)];
  };

  // Everything that needs no earlier answer starts at once; authenticated calls assume the camera's
  // clock agrees with ours, and re-read it once if the camera refuses them.
  const icmp = ip ? options.icmp.probe(ip, options.timeoutMs) : Promise.resolve({ kind: 'no-reply' as const });
  const onvifTcp = tcpCheck(host, port, options.timeoutMs);
  const rtspTcp = tcpCheck(host, options.rtspPort, options.timeoutMs);
  const clock = timed(client.syncClock());
  const identity = t.credentials ? getDeviceInformation(client) : undefined;
  const stream = t.credentials
    ? (async () => {
        await getServices(client);
        const profiles = await getProfiles(client);
        const main = profiles[0];
        if (!main) throw new Error('the camera has no media profile');
        const uri = await getStreamUri(client, main.token);
        return { uri, probe: await probeStream(uri, t.credentials, options.timeoutMs) };
      })()
    : undefined;

  const [icmpResult, onvifPort, rtspPort, clockResult, identityResult, streamResult] = await Promise.all([
    icmp,
    onvifTcp,
    rtspTcp,
    clock.then((v) => ({ ok: true as const, v }), (e: unknown) => ({ ok: false as const, e })),
    identity?.then((v) => ({ ok: true as const, v }), (e: unknown) => ({ ok: false as const, e })),
    stream?.then((v) => ({ ok: true as const, v }), (e: unknown) => ({ ok: false as const, e })),
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
      streamInfo = { uri: streamResult.v.uri, codec: streamResult.v.probe.codec, width: streamResult.v.probe.width, height: streamResult.v.probe.height };
      streamOutcome = streamResult.v.probe.ok ? 'ok' : 'failed';
      if (!streamResult.v.probe.ok) errors.push(`RTSP DESCRIBE ${streamResult.v.uri}: ${streamResult.v.probe.error}`);
    } else {
      streamOutcome = 'failed';
      errors.push(`stream: ${describe(streamResult.e)}`);
    }
  }

  const skew = clockResult.ok ? Math.round(clockResult.v[0].offsetMs / 100) / 10 : null;
  const outcomes: StepOutcomes = {
    icmp: icmpResult.kind === 'reply' && isLoopback(ip) ? 'uninformative' : icmpResult.kind,
    onvifPortOpen: onvifPort.ok,
    rtspPortOpen: rtspPort.ok,
    onvifAnswered: clockResult.ok,
    onvifMs: clockResult.ok ? clockResult.v[1] : null,
    auth,
    stream: streamOutcome,
    clockSkewSeconds: skew,
  };
  const { state, warnings } = healthOf(outcomes, options);
  return {
    target: t.target,
    address: host,
    port,
    state,
    warnings,
    icmpMs: icmpResult.kind === 'reply' ? icmpResult.ms : null,
    onvifMs: outcomes.onvifMs,
    clockSkewSeconds: skew,
    auth: !clockResult.ok ? 'not-checked' : auth === 'ok' ? (client.authMode ?? 'none') : auth === 'error' ? 'not-checked' : auth,
    tcp: { onvif: onvifPort.ok, rtsp: rtspPort.ok },
    stream: streamInfo,
    errors,
    durationMs: Math.round(performance.now() - started),
  };
}

/** Checks every target, a bounded number at a time; results come back in target order. */
export async function pingAll(targets: PingTarget[], options: PingOptions): Promise<PingResult[]> {
  const limit = pLimit(options.concurrency);
  // On Ctrl-C no new camera is started; the ones under way finish and are reported.
  options.signal?.addEventListener('abort', () => limit.clearQueue());
  let done = 0;
  return Promise.all(
    targets.map((t) =>
      limit(async () => {
        const result = await pingOne(t, options);
        options.onResult?.(result, ++done);
        return result;
      }),
    ),
  );
}
