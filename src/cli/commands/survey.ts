import type { Command } from '@commander-js/extra-typings';
import type { CommandKit, Example } from '../kit.js';
import { collect } from '../parse-options.js';
import { withDiscovery, withInterface, withLimits, withSelection } from '../reconcile-options.js';
import { withAccessOptions } from '../access-options.js';

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

export function registerSurvey(program: Command, kit: CommandKit): Example {
  surveyCommand(program)
    .addHelpText(
      'after',
      '\nExamples:\n  camfleet survey --inventory inventory/tan-xuan-2\n  camfleet survey --inventory inventory/tan-xuan-2 --street ngo-8 --interface eth0 --range 192.168.10.0/24\n\n' +
        'Without a terminal, use: camfleet inventory adopt (--assign, --into, --ignore), camfleet ptz preset set STREET/POINT NAME --record,\n' +
        'camfleet snapshot STREET/POINT -o FILE, camfleet plan.',
    )
    .action(kit.action(async (cli, flags) => (await import('../run/survey.js')).runSurvey(cli, flags)));
  return { command: 'survey', example: 'camfleet survey --inventory inventory/tan-xuan-2   # walk the street with a laptop' };
}
