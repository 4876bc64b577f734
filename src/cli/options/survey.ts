import type { Command } from '@commander-js/extra-typings';
import { withAccessOptions } from '../access-options.js';
import { collect } from '../parse-options.js';
import { type FlagsOf, withDiscovery, withInterface, withLimits, withSelection } from './groups.js';

/** survey's options (whole streets: no --point; it looks at each camera itself: no --no-views). */
export function surveyCommand(program: Command) {
  const command = program
    .command('survey')
    .summary('walk a residential group with the inventory: confirm, assign and record cameras (interactive)')
    .description(
      'Interactive survey. Finds the cameras (WS-Discovery multicast through every up interface, or those named by ' +
        "--interface; unicast sweeps of the sites' networkRanges and of --range), shows which are confirmed, changed, " +
        'missing and unknown, asks about each changed or unknown one (assign it to a point, create a point, not ours, ' +
        'skip), looks at each camera found (a snapshot into survey/DATE/, where it points as a preset, its streams ' +
        'against the street), then shows the inventory diff and writes it. Ctrl-C keeps every answer in ' +
        'survey/.session.json; run survey again to continue.',
    );
  const multicastHelp = 'multicast only through this interface (repeatable; default: every up IPv4 interface)';
  return withLimits(withAccessOptions(withDiscovery(withInterface(withSelection(command), multicastHelp))))
    .option('--range <cidr>', 'also sweep this range for cameras (repeatable; CIDR or A.B.C.D-E)', collect(String))
    .option(
      '--no-multicast',
      'no WS-Discovery multicast (by default it goes through every up IPv4 interface, or those named by --interface)',
    );
}

/** Survey walks whole streets and looks at views on the walk: it takes neither --point nor --no-views. */
export type SurveyFlags = FlagsOf<typeof surveyCommand>;
