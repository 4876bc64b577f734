/**
 * Waits `ms`, or less when `signal` aborts (at once when it already has); leaves no timer and no listener
 * behind, so a long-running process that waits every interval gathers nothing on a long-lived signal.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
