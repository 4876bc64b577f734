import { lookup } from 'node:dns/promises';
import { displayUri } from '../text/display.js';
import { isIP } from 'node:net';
import pLimit from 'p-limit';
import { healthOf, type HealthState, type HealthWarning, type StepOutcomes, type Thresholds } from './health.js';
import { isLoopback, type IcmpProber, type IcmpResult } from './icmp.js';
import { inspectCamera, type Inspection, type InspectTarget } from './inspect.js';

export type PingTarget<E = never> = InspectTarget<E>;

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
  auth: 'ws-security' | 'digest' | 'basic' | 'none' | 'failed' | 'no-credentials' | 'not-checked';
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
  /**
   * `always` (ping: the ICMP time is part of its answer), or only when the ONVIF port did not answer
   * (reconciliation: there it is what tells a powered host from a dead one, and each probe spawns a process).
   */
  icmpWhen?: 'always' | 'port-closed';
  rtspPort: number;
  icmp: IcmpProber;
  signal?: AbortSignal;
  onResult?: (result: PingResult, done: number) => void;
}

async function resolveIp(host: string): Promise<string | undefined> {
  if (isIP(host)) return host;
  try {
    return (await lookup(host, { family: 4 })).address;
  } catch {
    return undefined;
  }
}

export interface IcmpOutcome {
  ip: string | undefined;
  result: IcmpResult;
}

/** Adds ICMP to an inspection and decides the state. */
export function healthResult<E>(n: Inspection<E>, icmp: IcmpOutcome, options: Thresholds): PingResult {
  const errors = [...n.errors];
  if (icmp.ip === undefined) errors.unshift(`cannot resolve ${n.target.endpoint.host}`);
  const skew = n.clock ? Math.round(n.clock.offsetMs / 100) / 10 : null;
  const outcomes: StepOutcomes = {
    icmp: icmp.result.kind === 'reply' && icmp.ip && isLoopback(icmp.ip) ? 'uninformative' : icmp.result.kind,
    onvifPortOpen: n.onvifPortOpen,
    rtspPortOpen: n.rtspPortOpen,
    onvifAnswered: n.clock !== null,
    onvifMs: n.clock?.ms ?? null,
    auth: n.auth,
    stream: n.stream,
    clockSkewSeconds: skew,
  };
  const { state, warnings } = healthOf(outcomes, options);
  const probe = n.streamInfo?.probe;
  return {
    target: n.target.target,
    address: n.target.endpoint.host,
    port: n.target.endpoint.port,
    state,
    warnings,
    icmpMs: icmp.result.kind === 'reply' ? icmp.result.ms : null,
    onvifMs: outcomes.onvifMs,
    clockSkewSeconds: skew,
    auth: !n.clock || n.auth === 'error' ? 'not-checked' : n.auth === 'ok' ? (n.authMode ?? 'none') : n.auth,
    tcp: { onvif: n.onvifPortOpen, rtsp: n.rtspPortOpen },
    stream: n.streamInfo
      ? { uri: displayUri(n.streamInfo.uri), codec: probe?.codec ?? null, width: probe?.width ?? null, height: probe?.height ?? null }
      : null,
    errors,
    durationMs: Math.round(performance.now() - n.started),
  };
}

/**
 * Inspects every target, a bounded number of cameras at a time, with ICMP in its own pool (each probe
 * spawns the system ping: it costs CPU, not a camera slot). A target's `extra` adds what reconciliation
 * reads. Results come back in target order.
 */
export async function inspectAll<E = never>(
  targets: PingTarget<E>[],
  options: PingOptions,
  onEach?: (inspection: Inspection<E>, health: PingResult, done: number) => void,
): Promise<{ inspection: Inspection<E>; health: PingResult }[]> {
  // On Ctrl-C nothing new is started (queued cameras are dropped); what is under way finishes and is reported.
  const limit = pLimit({ concurrency: options.concurrency, rejectOnClear: true });
  const icmpLimit = pLimit({ concurrency: options.icmpConcurrency ?? 8, rejectOnClear: true });
  options.signal?.addEventListener('abort', () => {
    limit.clearQueue();
    icmpLimit.clearQueue();
  });
  let done = 0;
  const probe = (t: PingTarget<E>) =>
    icmpLimit(async (): Promise<IcmpOutcome> => {
      const ip = await resolveIp(t.endpoint.host);
      return { ip, result: ip ? await options.icmp.probe(ip, options.timeoutMs) : { kind: 'no-reply' } };
    }).catch((): IcmpOutcome => ({ ip: t.endpoint.host, result: { kind: 'no-reply' } }));
  const one = async (t: PingTarget<E>): Promise<{ inspection: Inspection<E>; health: PingResult }> => {
    const always = options.icmpWhen !== 'port-closed';
    const early = always ? probe(t) : undefined;
    const inspection = await limit(() =>
      inspectCamera(t, { timeoutMs: options.timeoutMs, rtspPort: options.rtspPort, signal: options.signal }),
    );
    const icmp = early
      ? await early
      : inspection.onvifPortOpen
        ? { ip: t.endpoint.host, result: { kind: 'not-sent' as const } }
        : await probe(t);
    const health = healthResult(inspection, icmp, options);
    onEach?.(inspection, health, ++done);
    options.onResult?.(health, done);
    return { inspection, health };
  };
  // A camera dropped from the queue by an interrupt is left out of the results.
  const results = await Promise.all(targets.map((t) => one(t).catch(droppedByInterrupt)));
  return results.filter((r): r is { inspection: Inspection<E>; health: PingResult } => r !== undefined);
}

/** The rejection p-limit gives a queued task when the queue is cleared; anything else is rethrown. */
export function droppedByInterrupt(err: unknown): undefined {
  // p-limit's own AbortError: the only name-based check left, since p-limit exports no class for it.
  if ((err as Error)?.name === 'AbortError') return undefined;
  throw err;
}

/** Checks every target; results in target order. */
export async function pingAll(targets: PingTarget[], options: PingOptions): Promise<PingResult[]> {
  return (await inspectAll(targets, options)).map((r) => r.health);
}
