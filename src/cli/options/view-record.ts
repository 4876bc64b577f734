import type { Command } from '@commander-js/extra-typings';
import { withAccessOptions } from '../access-options.js';
import { type FlagsOf, withLimits, withPoint, withSelection } from './groups.js';

/** view record's options: the inventory's own cameras (no discovery), whose views it takes (no --no-views). */
export function viewRecordCommand(view: Command) {
  const command = view
    .command('record')
    .description(
      'take the reference views of the selected points: a fixed camera as it is, a PTZ camera at each of its presets\n(it goes there, waits until still, and is put back); shows what it will write, then asks',
    );
  return withLimits(withAccessOptions(withPoint(withSelection(command))))
    .option('--preset <name>', 'only this preset of a PTZ point')
    .option('--night', 'a night (infrared) reference, kept beside the day one')
    .option('--yes', 'write without asking (needed when there is no terminal)');
}

export type ViewRecordFlags = FlagsOf<typeof viewRecordCommand>;
