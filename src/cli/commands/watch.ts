import type { Command } from '@commander-js/extra-typings';
import type { CommandKit, Example } from '../kit.js';
import { watchCommand } from '../options/watch.js';

export function registerWatch(program: Command, kit: CommandKit): Example {
  watchCommand(program)
    .addHelpText(
      'after',
      '\nRead-only. Logs one line per change of state (with --json, one JSON object per line). SIGINT or SIGTERM\n' +
        'ends it within 5 s, after ending every event subscription. Exit 2 on a bad flag or a taken port.\n\n' +
        'Examples:\n  camfleet watch --inventory inventory/tan-xuan-2 --events\n' +
        '  camfleet --json watch --inventory inventory --interval 120 --listen 0.0.0.0:9464 >> watch.jsonl',
    )
    .action(kit.action(async (cli, flags) => (await import('../run/watch.js')).runWatch(cli, flags)));
  return { command: 'watch', example: 'camfleet watch --events                 # around the clock, with /metrics' };
}
