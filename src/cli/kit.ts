import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import type { Cli, CliOptions } from './context.js';
import type { ExitCode } from './exit-codes.js';

/** What a command module gets to register itself: a wrapper that turns its body into a commander action. */
export interface CommandKit {
  action<A extends unknown[]>(body: (cli: Cli, ...args: A) => Promise<ExitCode>): (...args: A) => Promise<void>;
}

/** One line of the root `--help` examples: every command shows one. */
export interface Example {
  command: string;
  example: string;
}

export function makeKit(build: (globals: CliOptions) => Cli, record: (code: ExitCode) => void): CommandKit {
  return {
    action(body) {
      return async (...args) => {
        const command = args[args.length - 1] as CommandUnknownOpts;
        const cli = build(command.optsWithGlobals() as CliOptions);
        record(await body(cli, ...args));
      };
    },
  };
}
