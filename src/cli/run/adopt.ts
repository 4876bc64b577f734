import { isIPv4 } from 'node:net';
import { UserError } from '../../errors.js';
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
import type { AdoptFlags } from './reconcile-flags.js';
import { depsOf, loadSelection, settingsOf } from './reconcile-setup.js';

/** `--assign ADDRESS=POINT` and `--ignore ADDRESS[=NOTE]`, as maps. */
function addressPairs(flag: string, values: string[] | undefined, valueRequired: boolean): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const v of values ?? []) {
    const at = v.indexOf('=');
    const address = at === -1 ? v : v.slice(0, at);
    const value = at === -1 ? undefined : v.slice(at + 1);
    if (!isIPv4(address) || (valueRequired && !value)) {
      throw new UserError(`${flag} '${v}' is not ${valueRequired ? 'ADDRESS=POINT' : 'ADDRESS or ADDRESS=NOTE'}`, {
        hint: valueRequired ? 'e.g. --assign 192.168.1.50=tx2-gate-parking' : "e.g. --ignore 192.168.1.77='the shop opposite'",
      });
    }
    out.set(address, value);
  }
  return out;
}

/** `camfleet inventory adopt`: writes observed facts back into the inventory, after showing the diff. */
export async function runAdopt(cli: Cli, planPath: string | undefined, flags: AdoptFlags): Promise<ExitCode> {
  const assign = addressPairs('--assign', flags.assign, true) as Map<string, string>;
  const ignore = addressPairs('--ignore', flags.ignore, false);
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
