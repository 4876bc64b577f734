/** How long a finished command may take to let go of what it still holds before it is told so and ends. */
const LINGER_MS = 1500;

/** What keeps the event loop alive, counted by kind: `TCPSocketWrap×2, Timeout×1`. */
function openResources(): string {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${kind}×${n}`).join(', ') || 'nothing';
}

/**
 * Called by the executable once the command has finished: a process must end with its exit code, never hang
 * on a socket or timer some code forgot. The guard's timer does not itself keep the process alive, so it
 * fires only when something else does. Output still being written (a slow pipe) is waited for, never cut.
 */
export function exitWhenDrained(stderr: NodeJS.WritableStream = process.stderr): void {
  let idleSince = Date.now();
  const check = (): void => {
    if (process.stdout.writableLength > 0 || process.stderr.writableLength > 0) idleSince = Date.now();
    if (Date.now() - idleSince < LINGER_MS) {
      setTimeout(check, 500).unref();
      return;
    }
    stderr.write(`camfleet: finished, but ${openResources()} still held the process; exiting (a bug: please report it)\n`);
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  };
  setTimeout(check, 500).unref();
}
