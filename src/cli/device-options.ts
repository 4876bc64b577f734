import type { Command, OptionValues } from '@commander-js/extra-typings';
import { credentialOptions } from './credentials.js';
import { nonNegativeNumber } from './parse-options.js';

/** Options every single-camera command takes: credentials, an inventory for street/point targets, a timeout. */
export function deviceOptions<Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(
  command: Command<Args, Opts, Globals>,
) {
  return credentialOptions(command)
    .option('--inventory <dir>', 'resolve a street/point TARGET in this inventory (with its credential profile)')
    .option('-t, --timeout <seconds>', 'time limit of each call to the camera', nonNegativeNumber('--timeout'), 5);
}

export interface DeviceFlags {
  user?: string;
  passwordStdin?: boolean;
  credentials?: string;
  inventory?: string;
  timeout: number;
}
