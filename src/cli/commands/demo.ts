import type { Command } from '@commander-js/extra-typings';
import type { CommandKit, Example } from '../kit.js';

export function registerDemo(program: Command, kit: CommandKit): Example {
  program
    .command('demo')
    .summary('see camfleet work on simulated cameras (no cameras needed)')
    .description('Start a small simulated fleet on loopback, talk to every camera, re-aim one, and clean up.')
    .addHelpText('after', '\nExample:\n  camfleet demo')
    .action(
      kit.action(async (cli) => {
        const { runDemo } = await import('../run/demo.js');
        return runDemo(cli);
      }),
    );
  return { command: 'demo', example: 'camfleet demo            # try camfleet on simulated cameras' };
}
