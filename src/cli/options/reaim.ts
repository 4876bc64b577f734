import type { Command } from '@commander-js/extra-typings';
import { withAccessOptions } from '../access-options.js';
import { type FlagsOf, withLimits, withPoint, withSelection } from './groups.js';

/** ptz reaim's options (it works on the inventory's own cameras: no discovery, no views). */
export function reaimCommand(ptz: Command) {
  const command = ptz
    .command('reaim')
    .description("bulk: every PTZ camera of a street to a preset (--preset NAME), or the inventory's presets saved on each (--save)");
  return withLimits(withAccessOptions(withPoint(withSelection(command))))
    .option('--preset <name>', 'send each camera to this preset')
    .option('--save', 'move each camera to each of its inventory presets and save it there')
    .option('--yes', 'go ahead without asking (needed when there is no terminal)');
}

export type ReaimFlags = FlagsOf<typeof reaimCommand>;
