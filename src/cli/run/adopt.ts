import type { Owner } from '../../inventory/model.js';
import { adoptChanges } from '../../reconcile/adopt.js';
import { readPlan } from '../../reconcile/plan-file.js';
import { planSelection } from '../../reconcile/run.js';
import { counted } from '../../text/counted.js';
import { confirmChange } from '../confirm.js';
import type { Cli } from '../context.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { progressLine } from '../progress.js';
import { inventoryChangesView } from '../views/inventory-changes-view.js';
import { writeChanges } from '../../inventory/write-changes.js';
import { assignmentsOf } from '../adopt-flags.js';
import type { AdoptFlags } from '../options/adopt.js';
import { depsOf, loadSelection, settingsOf } from './reconcile-setup.js';

/** `camfleet inventory adopt`: writes observed facts back into the inventory, after showing the diff. */
export async function runAdopt(cli: Cli, planPath: string | undefined, flags: AdoptFlags): Promise<ExitCode> {
  const { assign, ignore } = assignmentsOf(flags);
  const saved = planPath ? await readPlan(planPath) : undefined;
  const selection = saved
    ? await loadSelection({ ...flags, street: undefined, point: undefined }, flags.inventory ?? saved.inventory)
    : await loadSelection(flags);
  const progress = progressLine(cli);
  const plan =
    saved ?? (await planSelection(selection, settingsOf(flags), await depsOf(cli, flags, progress.update)).finally(progress.done));
  const { changes, notes } = adoptChanges(plan, selection.sites, {
    street: flags.into,
    owner: flags.owner as Owner,
    assign,
    ignore,
    today: new Date().toISOString().slice(0, 10),
  });
  const view = inventoryChangesView(cli);
  view.notes(notes);
  if (changes.length === 0) {
    view.nothing('Nothing to adopt: the inventory already says what the network shows.');
    return Exit.Ok;
  }
  view.changes(changes);
  const question = `Write these changes to ${counted(changes.length, 'file')}?`;
  if (!(await confirmChange(cli, flags.yes, question, `adopt rewrites ${counted(changes.length, 'inventory file')}`))) {
    cli.info('Nothing was written.');
    return Exit.Ok;
  }
  await writeChanges(changes);
  view.written(changes);
  return Exit.Ok;
}
