import type { Command } from '@commander-js/extra-typings';
import type { CommandKit, Example } from '../kit.js';
import { surveyCommand } from '../options/survey.js';

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
