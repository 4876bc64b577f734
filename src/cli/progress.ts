import type { Cli } from './context.js';

/** A one-line progress display on stderr, only for a person at a terminal (never with --json or --quiet). */
export interface Progress {
  update(text: string): void;
  done(): void;
}

export function progressLine(cli: Cli): Progress {
  if (!cli.interactive || cli.quiet || !process.stderr.isTTY) return { update: () => undefined, done: () => undefined };
  let shown = false;
  return {
    update(text) {
      process.stderr.write(`\r\x1b[2K${text}`);
      shown = true;
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}
