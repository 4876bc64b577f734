import type { Command } from '@commander-js/extra-typings';
import type { CommandKit, Example } from '../kit.js';

export function registerDemo(program: Command, kit: CommandKit): Example {
  program
    .command('demo')
    .summary('see camfleet work on simulated cameras (no cameras needed)')
    .description(
      'Run camfleet on the sample residential group (inventory/tan-xuan-2) with simulated cameras on loopback and five\n' +
        'kinds of drift: check, plan, apply, adopt (into a temporary copy of the inventory), check again; then clean up.',
    )
    .addHelpText('after', '\nExample:\n  camfleet demo')
    .action(
      kit.action(async (cli) => {
        const { runDemo } = await import('../run/demo.js');
        return runDemo(cli);
      }),
    );
  return { command: 'demo', example: 'camfleet demo            # try camfleet on simulated cameras' };
}
