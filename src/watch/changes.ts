import type { PointStatus } from './point-status.js';

/** One line of the watch's log: a point's state changed, an event came, an unknown device appeared. */
export type WatchEvent =
  | { kind: 'state'; time: string; site: string; street: string; point: string; from: string | null; to: string; detail: string | null }
  | { kind: 'tamper'; time: string; site: string; street: string; point: string; topic: string; active: boolean }
  | { kind: 'unknown-device'; time: string; address: string; identity: string | null }
  | {
      kind: 'subscription';
      time: string;
      site: string;
      street: string;
      point: string;
      what: 'lost' | 'subscribed' | 'unsupported';
      detail: string | null;
    };

/**
 * The state change between two statuses of one point, or null when its state is the same. The first
 * check of a point (no previous status) is a change from nothing, so the log starts with every state.
 */
export function stateChange(
  where: { site: string; street: string; point: string },
  previous: PointStatus | undefined,
  next: PointStatus,
  time: string,
): WatchEvent | null {
  if (previous && previous.badge === next.badge) return null;
  return { kind: 'state', time, ...where, from: previous?.badge ?? null, to: next.badge, detail: next.detail };
}
