import type { WatchEvent } from '../../watch/changes.js';
import type { Cli } from '../context.js';

/** One log line per event: JSON lines with --json, else a line a person reads in a terminal or a journal. */
export function watchLogger(cli: Cli): (e: WatchEvent) => void {
  if (cli.json) return (e) => cli.out(JSON.stringify(e));
  return (e) => {
    const when = e.time.slice(0, 19).replace('T', ' ');
    switch (e.kind) {
      case 'state': {
        const to = cli.paint(e.to === 'ok' ? 'green' : 'red', e.to);
        cli.out(`${when}  ${e.point} (${e.street}): ${e.from ?? 'first check'} → ${to}${e.detail ? ` — ${e.detail}` : ''}`);
        return;
      }
      case 'tamper':
        cli.out(`${when}  ${e.point} (${e.street}): tamper event ${e.topic} ${e.active ? cli.paint('red', 'raised') : 'cleared'}`);
        return;
      case 'unknown-device':
        cli.out(`${when}  new unknown device at ${e.address}${e.identity ? ` (${e.identity})` : ''}`);
        return;
      case 'subscription':
        if (e.what !== 'subscribed') cli.out(`${when}  ${e.point} (${e.street}): events ${e.what}${e.detail ? ` — ${e.detail}` : ''}`);
        return;
    }
  };
}
