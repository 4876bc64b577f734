import type { Command } from '@commander-js/extra-typings';
import { withAccessOptions } from '../access-options.js';
import { positiveInt } from '../parse-options.js';
import { type FlagsOf, withDiscovery, withLimits, withPoint, withSelection, withViews } from './groups.js';

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
      '--view-every <n>',
      "with --events, look at the view of a fixed camera whose own scene-change alarms are followed every n intervals, and at once on an alarm (1: every interval); other cameras' views are looked at every interval",
      positiveInt('--view-every', 1440),
      10,
    )
    .option(
      '--subscription-seconds <s>',
      'event subscription lifetime asked for; renewed at half of what the camera grants; each pull waits up to a third (at most 60 s)',
      positiveInt('--subscription-seconds', 3600),
      180,
    );
}

export type WatchFlags = FlagsOf<typeof watchCommand>;
