import { readPlan } from '../../reconcile/plan-file.js';
import { planSelection, referencesOf } from '../../reconcile/run.js';
import { verifySavedPlan } from '../../reconcile/saved-plan.js';
import { workOf } from '../../reconcile/work.js';
import type { Cli } from '../context.js';
import type { ExitCode } from '../exit-codes.js';
import { progressLine } from '../progress.js';
import { planView } from '../views/plan-view.js';
import { executeWork } from './execute-work.js';
import type { ApplyFlags } from '../options/reconcile.js';
import { depsOf, loadSelection, settingsOf } from './reconcile-setup.js';

/** `camfleet apply [plan.json]`: a saved plan (checked against the inventory and the cameras), or a plan made now. */
export async function runApply(cli: Cli, planPath: string | undefined, flags: ApplyFlags): Promise<ExitCode> {
  if (planPath) {
    const plan = await readPlan(planPath);
    const selection = await loadSelection({ ...flags, street: undefined, point: undefined }, flags.inventory ?? plan.inventory);
    const work = await verifySavedPlan(plan, selection, settingsOf(flags), await depsOf(cli, flags));
    return executeWork(cli, work, flags, `Applying ${planPath}`, referencesOf(selection));
  }
  const selection = await loadSelection(flags);
  const progress = progressLine(cli);
  const plan = await planSelection(selection, settingsOf(flags), await depsOf(cli, flags, progress.update), {
    prune: flags.prune,
    home: flags.home,
  }).finally(progress.done);
  planView(cli).planBeforeApply(plan);
  return executeWork(cli, workOf(plan, selection), flags, 'Apply', referencesOf(selection));
}
