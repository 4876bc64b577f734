import { UserError } from '../../errors.js';
import { referencesOf } from '../../reconcile/run.js';
import { reaimWork } from '../../reconcile/work.js';
import type { Cli } from '../context.js';
import type { ExitCode } from '../exit-codes.js';
import { executeWork } from './execute-work.js';
import type { ReaimFlags } from '../options/reaim.js';
import { loadSelection } from './reconcile-setup.js';

/** `camfleet ptz reaim`: every PTZ camera of a street to a preset, or the inventory's presets saved on them. */
export async function runReaim(cli: Cli, flags: ReaimFlags): Promise<ExitCode> {
  if (!flags.street) throw new UserError('reaim needs --street', { hint: 'e.g. camfleet ptz reaim --street ngo-8 --preset road' });
  if (Boolean(flags.preset) === Boolean(flags.save))
    throw new UserError('give either --preset NAME (go there) or --save (store the inventory presets)');
  const selection = await loadSelection(flags);
  const work = reaimWork(selection, flags.save ? { save: true } : { preset: flags.preset! });
  if (work.length === 0) {
    throw new UserError(
      flags.save
        ? `no PTZ point with presets on street '${flags.street}'`
        : `no point on street '${flags.street}' lists a preset '${flags.preset}'`,
    );
  }
  return executeWork(cli, work, flags, flags.save ? 'Re-saving presets' : `Re-aiming to '${flags.preset}'`, referencesOf(selection));
}
