import type { Command } from '@commander-js/extra-typings';
import { collect } from '../parse-options.js';
import { type FlagsOf, withReconcileOptions } from './groups.js';

/** inventory adopt's options; AdoptFlags is what commander infers from this chain. */
export function adoptCommand(inventory: Command) {
  const command = inventory
    .command('adopt')
    .description(
      'write what the network shows into the inventory: moved addresses, identities of points that had none, unknown devices as new points (--into)',
    )
    .argument('[plan]', 'a plan saved with camfleet plan --out; default: plan now');
  return withReconcileOptions(command)
    .option('--into <street>', 'add unknown devices as new points of this street')
    .option('--owner <owner>', 'owner of new points: public, household or business', 'public')
    .option(
      '--assign <address=point>',
      "the device found at ADDRESS is this point's camera: record its address and identity (repeatable)",
      collect(String),
    )
    .option(
      '--ignore <address[=note]>',
      "the device found at ADDRESS is not part of the programme: list it in the site's ignoredDevices (repeatable)",
      collect(String),
    )
    .option('--yes', 'write without asking (needed when there is no terminal)');
}

export type AdoptFlags = FlagsOf<typeof adoptCommand>;
