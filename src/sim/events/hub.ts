/** One event a camera raises: an ONVIF topic, its source, its data, at a time on the camera's clock. */
export interface SimEvent {
  topic: string;
  source: { name: string; value: string };
  data: { name: string; value: string };
  utcMs: number;
  operation: 'Initialized' | 'Changed' | 'Deleted';
}

interface Subscription {
  terminationMs: number;
  queue: SimEvent[];
  wake?: () => void;
}

/** A subscription is refused beyond this many at once, as a camera's memory would; a queue keeps its newest. */
export const MAX_SUBSCRIPTIONS = 16;
const MAX_QUEUE = 100;

export class UnknownSubscriptionError extends Error {}
export class TooManySubscriptionsError extends Error {}

/**
 * A camera's PullPoint subscriptions (ONVIF events): created, renewed, pulled and ended by clients; each
 * lapses at its termination time on the camera's clock. A restart (reboot, power off) ends them all.
 */
export class EventHub {
  private readonly subscriptions = new Map<string, Subscription>();
  private nextId = 1;

  constructor(private readonly cameraNow: () => number) {}

  /** Subscriptions alive now (lapsed ones are dropped). */
  get open(): number {
    this.prune();
    return this.subscriptions.size;
  }

  create(terminationMs: number): string {
    this.prune();
    if (this.subscriptions.size >= MAX_SUBSCRIPTIONS) throw new TooManySubscriptionsError();
    const id = String(this.nextId++);
    this.subscriptions.set(id, { terminationMs, queue: [] });
    return id;
  }

  terminationOf(id: string): number {
    return this.live(id).terminationMs;
  }

  renew(id: string, terminationMs: number): void {
    this.live(id).terminationMs = terminationMs;
  }

  unsubscribe(id: string): void {
    const sub = this.live(id);
    this.subscriptions.delete(id);
    sub.wake?.();
  }

  publish(event: SimEvent): void {
    this.prune();
    for (const sub of this.subscriptions.values()) {
      sub.queue.push(event);
      if (sub.queue.length > MAX_QUEUE) sub.queue.shift();
      sub.wake?.();
    }
  }

  /**
   * The messages waiting (at most `limit`); when there are none, waits up to `timeoutMs` for one, as
   * PullMessages does. `abort` ends the wait early (the camera stopping).
   */
  async pull(id: string, timeoutMs: number, limit: number, abort: AbortSignal): Promise<SimEvent[]> {
    const sub = this.live(id);
    if (sub.queue.length === 0 && timeoutMs > 0 && !abort.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          abort.removeEventListener('abort', done);
          sub.wake = undefined;
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        sub.wake = done;
        abort.addEventListener('abort', done);
      });
    }
    return sub.queue.splice(0, Math.max(1, limit));
  }

  /** A restart: every subscription ends (clients must subscribe again). */
  reset(): void {
    for (const sub of this.subscriptions.values()) sub.wake?.();
    this.subscriptions.clear();
  }

  private live(id: string): Subscription {
    this.prune();
    const sub = this.subscriptions.get(id);
    if (!sub) throw new UnknownSubscriptionError(id);
    return sub;
  }

  private prune(): void {
    const now = this.cameraNow();
    for (const [id, sub] of this.subscriptions)
      if (sub.terminationMs <= now) {
        this.subscriptions.delete(id);
        sub.wake?.();
      }
  }
}
