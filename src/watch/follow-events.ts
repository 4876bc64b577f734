import { sleep } from '../async/sleep.js';
import type { AccessPolicy } from '../auth/access-policy.js';
import type { Credentials } from '../credentials/secret.js';
import { openSession } from '../device/session.js';
import type { DeviceEndpoint } from '../net/endpoint.js';
import type { OnvifClient } from '../onvif/client.js';
import { SERVICE_NAMESPACE } from '../onvif/device.js';
import { createPullPoint, type EventMessage, eventTopics, type PullPoint, pullMessages, renew, unsubscribe } from '../onvif/events.js';

export interface EventFollowOptions {
  timeoutMs: number;
  /** The lifetime asked for, in seconds; renewal goes by what the camera grants (renewAfterMs). */
  terminationSeconds: number;
  /** How long one PullMessages waits on the camera. */
  pullSeconds: number;
  /** After a pull that brought messages, the next starts no sooner than this after it (batchGapMs). */
  batchGapMs: number;
}

export interface EventFollowHooks {
  message(m: EventMessage): void;
  /**
   * A subscription is open; `topics` are those the camera says it can raise (GetEventProperties), or null
   * when it would not say (an optional call some cameras lack).
   */
  subscribed(topics: string[] | null): void;
  lost(reason: string): void;
  /** The camera has no events service: following stops for good. */
  unsupported(): void;
  /** The number of subscriptions this follower holds changed (0 or 1). */
  open(n: 0 | 1): void;
}

const HARD_STOP_MS = 3000;

/**
 * One PullMessages waits up to this long: a minute is the longest Timeout cameras commonly accept, and each
 * pull is a request, so a fleet of 1,000 long-polling at a minute sends 17 a second rather than 50 at 20 s.
 */
const MAX_PULL_SECONDS = 60;

/** How long each pull waits for a subscription of this lifetime: a third of it, at most a minute. */
export function pullSecondsFor(terminationSeconds: number): number {
  return Math.min(MAX_PULL_SECONDS, Math.max(1, Math.floor(terminationSeconds / 3)));
}

/**
 * The least time between the starts of two pulls when the first brought messages: half the interval, never
 * more than 30 s. A camera on a busy street raises motion every few seconds, and pulling again at once
 * would make every event a round trip (1,000 cameras pulled 163 times a second in the watch benchmark);
 * meanwhile the camera queues what comes, and the next pull brings it all (up to 50). The pulls are most of
 * what following events costs, in proportion (a sixth of the interval, 10 s, cost 14 points of a core for
 * 1,000 cameras; half, 4). A quiet camera's pull still waits on the camera, so a tamper alarm after quiet
 * arrives at once; after busy seconds, within this gap: still half an interval before the periodic check
 * would have to find it.
 */
export function batchGapMs(intervalMs: number): number {
  return Math.min(30_000, Math.floor(intervalMs / 2));
}

/**
 * When to renew: at half the lifetime, the lifetime being what the camera granted when it said (it may cap
 * what was asked, and a subscription renewed at half of what was asked would lapse), else what was asked.
 */
export function renewAfterMs(askedSeconds: number, grantedSeconds: number | null): number {
  return (Math.min(askedSeconds, grantedSeconds ?? askedSeconds) * 1000) / 2;
}

const reason = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 200);

/**
 * Follows one camera's events until `signal` aborts: one PullPoint subscription at a time, long-polled,
 * renewed at half the lifetime the camera granted. A lost subscription (a restart, a lapse, a camera gone) is made
 * again with backoff (1 s doubling to 60 s). On stop, the pending pull is cut and the subscription ended.
 */
export async function followEvents(
  camera: { endpoint: DeviceEndpoint; credentials: Credentials | undefined; policy: AccessPolicy },
  options: EventFollowOptions,
  hooks: EventFollowHooks,
  signal: AbortSignal,
): Promise<void> {
  let backoffMs = 1000;
  // Calls keep going for a moment after a stop, so Unsubscribe can still go out; a camera that hangs is cut
  // 3 s after the stop, so stopping takes at most that and the 2 s an Unsubscribe is given.
  const hardStop = new AbortController();
  signal.addEventListener('abort', () => setTimeout(() => hardStop.abort(), HARD_STOP_MS).unref(), { once: true });
  while (!signal.aborted) {
    let client: OnvifClient | undefined;
    let point: PullPoint | undefined;
    try {
      const session = await openSession(camera.endpoint, camera.credentials, {
        timeoutMs: options.timeoutMs,
        policy: camera.policy,
        signal: hardStop.signal,
      });
      client = session.client;
      if (!session.services.some((s) => s.namespace === SERVICE_NAMESPACE.events)) {
        hooks.unsupported();
        return;
      }
      point = await createPullPoint(client, options.terminationSeconds);
      hooks.open(1);
      // Asked at each subscription: a camera that restarted may come back with other firmware.
      hooks.subscribed(await eventTopics(client).catch(() => null));
      backoffMs = 1000;
      let renewAt = Date.now() + renewAfterMs(options.terminationSeconds, point.grantedSeconds);
      while (!signal.aborted) {
        if (Date.now() >= renewAt) {
          const granted = await renew(client, point, options.terminationSeconds);
          renewAt = Date.now() + renewAfterMs(options.terminationSeconds, granted);
        }
        // Never wait past the renewal.
        const wait = Math.max(1, Math.min(options.pullSeconds, Math.floor((renewAt - Date.now()) / 1000)));
        const pulledAt = Date.now();
        const messages = await pullMessages(client, point, wait, 50, options.timeoutMs, signal);
        for (const m of messages) hooks.message(m);
        if (messages.length > 0) await sleep(Math.min(pulledAt + options.batchGapMs, renewAt) - Date.now(), signal);
      }
    } catch (err) {
      if (signal.aborted) break;
      hooks.lost(reason(err));
      if (point) hooks.open(0);
      point = undefined;
      await sleep(backoffMs, signal);
      backoffMs = Math.min(backoffMs * 2, 60_000);
    } finally {
      if (signal.aborted && point && client) {
        await unsubscribe(client, point, AbortSignal.timeout(2000)).catch(() => undefined);
        hooks.open(0);
      }
    }
  }
}
