import { setMaxListeners } from 'node:events';
import { linkedSignal } from '../async/linked-signal.js';
import { sleep } from '../async/sleep.js';
import pLimit from 'p-limit';
import { discover } from '../discovery/discover.js';
import { localInterfaces } from '../discovery/interfaces.js';
import { addressesOf, parseRange } from '../discovery/ranges.js';
import { announcesSceneChange, topicKind } from '../onvif/events.js';
import { unclaimedDevices } from '../reconcile/build-plan.js';
import type { DesiredPoint } from '../reconcile/desired.js';
import { observeOne } from '../reconcile/observe.js';
import { CameraMemory } from '../reach/camera-memory.js';
import { type ObserveSettings, type ReconcileDeps, referencesOf } from '../reconcile/run.js';
import type { Selection } from '../reconcile/selection.js';
import type { WatchEvent } from './changes.js';
import { stateChange } from './changes.js';
import { followEvents } from './follow-events.js';
import type { PointLabels, WatchMetrics } from './metrics.js';
import { type PointStatus, statusOf } from './point-status.js';
import { RecordingCadence } from './recording-cadence.js';
import { ViewCadence } from './view-cadence.js';

export interface WatchOptions {
  intervalMs: number;
  settings: ObserveSettings;
  /** Follow ONVIF events (PullPoint); null: only the periodic checks. */
  events: { terminationSeconds: number; pullSeconds: number; batchGapMs: number } | null;
  /** A fixed camera whose scene-change alarms are followed has its view looked at every this many intervals (view-cadence.ts). */
  viewEvery: number;
}

export interface WatchDeps extends Pick<ReconcileDeps, 'credentials'> {
  now: () => Date;
  /** Aborted to stop: checks in flight are cut, subscriptions ended. */
  signal: AbortSignal;
  log: (event: WatchEvent) => void;
  metrics: WatchMetrics;
}

/** What the watch reports about itself (for /healthz). */
export interface WatchHealth {
  lastCycleAt: number | null;
}

/** What /healthz says: well while some check finished within three intervals (or since the start). */
export function healthVerdict(health: WatchHealth, startedAt: number, intervalMs: number, now: number): { ok: boolean; detail: string } {
  const last = health.lastCycleAt ?? startedAt;
  const ok = now - last < 3 * intervalMs;
  return { ok, detail: ok ? 'ok' : `no check finished for ${Math.round((now - last) / 1000)} s` };
}

const STOP_WAIT_MS = 3000;

const labelsOf = (d: DesiredPoint): PointLabels => ({ site: d.site, street: d.street.id, point: d.point.id });

/**
 * The read-only check cycle, around the clock: every point is checked once per interval (health, drift,
 * view, recording), the points spread evenly over the interval so a fleet never comes in bursts; each
 * change of state is logged once; with events, a tamper alarm checks that camera at once, and a fixed
 * camera whose scene-change alarms are followed has its view looked at less often (view-cadence.ts);
 * recordings are read when their verdict could change (recording-cadence.ts). Memory holds
 * one status per point and the unknown devices seen, so it stays flat over days. Resolves after `signal`
 * aborts and every subscription was ended.
 */
export async function watch(selection: Selection, options: WatchOptions, deps: WatchDeps, health: WatchHealth): Promise<void> {
  const { settings, intervalMs } = options;
  // The fleet-wide stop: every request in flight and every follower listens to it, a thousand at once.
  setMaxListeners(0, deps.signal);
  const references = settings.views === false ? undefined : referencesOf(selection);
  const statuses = new Map<string, PointStatus>();
  const running = new Set<string>();
  const limit = pLimit(settings.concurrency);
  const viewCadence = new ViewCadence(intervalMs, options.viewEvery);
  const recordingCadence = new RecordingCadence(intervalMs);
  const timers = new Set<NodeJS.Timeout>();
  // Each camera's calls listen to a stop of their own, linked once to the fleet-wide one (linked-signal.ts).
  const stops = new Map(selection.points.map((d) => [d.point.id, linkedSignal(deps.signal)] as const));
  for (const stop of stops.values()) setMaxListeners(0, stop);
  // What each camera's checks keep between them: its services, its snapshot address and challenge.
  const memories = new Map(selection.points.map((d) => [d.point.id, new CameraMemory()] as const));
  const credentials = new Map(
    await Promise.all(selection.points.map(async (d) => [d.point.id, await deps.credentials.forProfile(d.credentialProfile)] as const)),
  );

  const check = async (d: DesiredPoint): Promise<void> => {
    if (running.has(d.point.id) || deps.signal.aborted) return;
    running.add(d.point.id);
    const started = performance.now();
    try {
      const wasOk = statuses.get(d.point.id)?.badge === 'ok';
      const look = references !== undefined && viewCadence.wantsView(d.point.id, deps.now().getTime(), wasOk);
      const read = d.recording !== null && recordingCadence.wantsRead(d.point.id, deps.now().getTime(), wasOk);
      const observed = await limit(() =>
        observeOne(d, credentials.get(d.point.id), {
          timeoutMs: settings.timeoutMs,
          rtspPort: settings.rtspPort,
          references: look ? references : undefined,
          signal: stops.get(d.point.id),
          memory: memories.get(d.point.id),
          recordings: read,
        }),
      );
      if (deps.signal.aborted) return;
      const now = deps.now().getTime();
      const o = recordingCadence.settle(d.point.id, viewCadence.settle(d.point.id, observed, look, now), read, now, d.recording);
      if (look && o.view?.status === 'compared') deps.metrics.viewLooked(labelsOf(d), now / 1000);
      const status = statusOf(d, o);
      deps.metrics.record(labelsOf(d), status, (performance.now() - started) / 1000);
      const change = stateChange(labelsOf(d), statuses.get(d.point.id), status, deps.now().toISOString());
      statuses.set(d.point.id, status);
      if (change) deps.log(change);
    } catch {
      if (!deps.signal.aborted) deps.metrics.checkFailed(labelsOf(d));
    } finally {
      running.delete(d.point.id);
      health.lastCycleAt = Date.now();
    }
    // An alarm that came while this check ran (and may have missed its view) is looked at now.
    if (viewCadence.isDue(d.point.id) && !deps.signal.aborted) void check(d);
  };

  // Point i first runs at i/n of the interval, then every interval: an even spread, no bursts.
  const schedule = (d: DesiredPoint, delayMs: number): void => {
    if (deps.signal.aborted) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      void check(d);
      schedule(d, intervalMs);
    }, delayMs);
    timers.add(timer);
  };
  for (const [i, d] of selection.points.entries()) schedule(d, Math.floor((i * intervalMs) / Math.max(1, selection.points.length)));

  const sweepUnknown = sweeper(selection, options, deps);
  const sweeping = sweepUnknown();
  let open = 0;
  const followers = options.events
    ? selection.points.map((d) => {
        const labels = labelsOf(d);
        const event = (what: 'lost' | 'subscribed' | 'unsupported', detail: string | null) =>
          deps.log({ kind: 'subscription', time: deps.now().toISOString(), ...labels, what, detail });
        // A PTZ camera's analytics pause while its head moves: its view is looked at every interval.
        const fixed = !d.point.ptz;
        return followEvents(
          { endpoint: d.endpoint, credentials: credentials.get(d.point.id), policy: d.policy },
          { timeoutMs: settings.timeoutMs, ...options.events! },
          {
            message: (m) => {
              const kind = topicKind(m.topic);
              if (kind.kind === 'motion') deps.metrics.motionEvent(labels);
              if (kind.kind !== 'tamper') return;
              const active = (m.data.State ?? m.data.state ?? 'true') === 'true';
              if (active) deps.metrics.tamperEvent(labels, kind.name);
              deps.log({ kind: 'tamper', time: deps.now().toISOString(), ...labels, topic: kind.name, active });
              // A tamper alarm: look at this camera, and its view, now rather than at its next turn.
              viewCadence.lookSoon(d.point.id);
              void check(d);
            },
            subscribed: (topics) => {
              const followed = fixed && references !== undefined && topics !== null && announcesSceneChange(topics);
              viewCadence.subscribed(d.point.id, followed);
              event(
                'subscribed',
                followed
                  ? `scene-change alarms followed: its view is looked at every ${options.viewEvery} intervals and at each alarm`
                  : null,
              );
            },
            lost: (why) => {
              viewCadence.setFollowed(d.point.id, false);
              event('lost', why);
            },
            unsupported: () => event('unsupported', 'the camera has no events service'),
            open: (n) => {
              open += n === 1 ? 1 : -1;
              deps.metrics.setSubscriptions(open);
            },
          },
          stops.get(d.point.id)!,
        );
      })
    : [];

  await new Promise<void>((resolve) => {
    if (deps.signal.aborted) return resolve();
    deps.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  for (const timer of timers) clearTimeout(timer);
  // Followers end their subscriptions and give up on a hanging camera 3 s after the stop (follow-events.ts);
  // the stop never waits longer than that on anything, so SIGTERM ends the process within 5 s.
  await Promise.race([Promise.all([...followers, sweeping]), new Promise((r) => setTimeout(r, STOP_WAIT_MS).unref())]);
}

/** Each interval, sweeps the sites' ranges and logs each device no point claims, once per address. */
function sweeper(selection: Selection, options: WatchOptions, deps: WatchDeps): () => Promise<void> {
  const ranges = options.settings.discovery ? [...new Set(selection.sites.flatMap((s) => s.site.doc.defaults?.networkRanges ?? []))] : [];
  const ignored = selection.sites.flatMap((s) => (s.site.doc.ignoredDevices ?? []).map((d) => d.identity));
  const seen = new Set<string>();
  const sweep = [...addressesOf(ranges.map(parseRange))];
  return async () => {
    if (ranges.length === 0) return;
    while (!deps.signal.aborted) {
      const result = await discover({
        interfaces: [],
        localInterfaces: localInterfaces(),
        sweep,
        http: false,
        ssdp: false,
        anyType: false,
        timeoutMs: 1500,
        rate: 500,
        concurrency: 8,
        enrich: false,
        credentials: undefined,
        callTimeoutMs: options.settings.timeoutMs,
        signal: deps.signal,
      }).catch(() => undefined);
      for (const dev of unclaimedDevices(selection.all, result?.devices ?? [], ignored)) {
        if (seen.has(dev.address)) continue;
        seen.add(dev.address);
        deps.log({ kind: 'unknown-device', time: deps.now().toISOString(), address: dev.address, identity: dev.endpointReference });
      }
      await sleep(options.intervalMs, deps.signal);
    }
  };
}
