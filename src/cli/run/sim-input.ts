import { createInterface } from 'node:readline';
import type { Fleet } from '../../sim/index.js';
import { runSimCommand } from '../../sim/line-commands.js';
import type { Cli } from '../context.js';

/** Reads fault commands from standard input while the fleet runs (a closed input is simply the end of them). */
export function readSimCommands(cli: Cli, fleet: Fleet): { close: () => void } {
  const lines = createInterface({ input: cli.input, terminal: false });
  lines.on('line', (line) => {
    runSimCommand(fleet, line).then(
      (said) => said && cli.info(`sim: ${said}`),
      (err: Error) => cli.warn(`sim: ${err.message}`),
    );
  });
  lines.on('error', () => undefined);
  return { close: () => lines.close() };
}
