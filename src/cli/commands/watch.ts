import type { Command } from '@commander-js/extra-typings';
import type { CommandKit, Example } from '../kit.js';
import { positiveInt } from '../parse-options.js';
import { withDiscovery, withLimits, withPoint, withSelection, withViews } from '../reconcile-options.js';
import { withAccessOptions } from '../access-options.js';

/** watch's options. It sweeps the sites' networkRanges and sends no multicast: it takes no --interface. */
export function watchCommand(program: Command) {
  const command = program
    .command('watch')
    .summary('around the clock: check every camera each interval, log each change, serve Prometheus metrics, follow ONVIF events');
  return withLimits(withAccessOptions(withDiscovery(withViews(withPoint(withSelection(command))))))
    .option(
      '--interval <seconds>',
      'check every camera once per this many seconds, spread over the interval',
      positiveInt('--interval', 86_400),
      60,
    )
    .option('--listen <host:port>', 'serve /metrics and /healthz here (127.0.0.1 unless an address is given)', '127.0.0.1:9464')
    .option('--events', "also follow each camera's ONVIF events: tamper alarms are logged, counted, and checked at once")
    .option(
      '--subscription-seconds <s>',
      'event subscription lifetime asked for; renewed at half of what the camera grants; each pull waits up to a third (at most 60 s)',
      positiveInt('--subscription-seconds', 3600),
      180,
    );
}

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
