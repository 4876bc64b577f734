import type { Command, CommandUnknownOpts, OptionValues } from '@commander-js/extra-typings';
import { credentialOptions } from './credentials.js';
import type { AccessFlags } from '../auth/access-policy.js';
import { addAccessOptions } from './access-options.js';
import { nonNegativeNumber } from './parse-options.js';

/** Options every single-camera command takes: credentials, an inventory for street/point targets, a timeout. */
export function deviceOptions<Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(
  command: Command<Args, Opts, Globals>,
) {
  const typed = credentialOptions(command)
    .option('--inventory <dir>', 'resolve a street/point TARGET in this inventory (with its credential profile)')
    .option('-t, --timeout <seconds>', 'time limit of each call to the camera', nonNegativeNumber('--timeout'), 5);
  addAccessOptions(typed as unknown as CommandUnknownOpts);
  return typed;
}

export interface DeviceFlags extends AccessFlags {
  user?: string;
  passwordStdin?: boolean;
  credentials?: string;
  inventory?: string;
  timeout: number;
}
