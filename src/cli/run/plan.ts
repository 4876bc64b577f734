import { writePlan } from '../../reconcile/plan-file.js';
import { planSelection } from '../../reconcile/run.js';
import type { Cli } from '../context.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { progressLine } from '../progress.js';
import { planView } from '../views/plan-view.js';
import type { PlanFlags } from './reconcile-flags.js';
import { depsOf, loadSelection, settingsOf } from './reconcile-setup.js';

/** `camfleet plan`: what drifted from the inventory, what needs a person, what is missing or unknown. */
export async function runPlan(cli: Cli, flags: PlanFlags): Promise<ExitCode> {
  const progress = progressLine(cli);
  const plan = await planSelection(await loadSelection(flags), settingsOf(flags), await depsOf(cli, flags, progress.update), {
    prune: flags.prune,
  }).finally(progress.done);
  if (flags.out) {
    await writePlan(flags.out, plan);
    cli.info(`Plan saved to ${flags.out}; apply it with 'camfleet apply ${flags.out}'.`);
  }
  planView(cli).plan(plan);
  // Warnings (a view without a reference) are worth doing, not a failure.
  return plan.findings.some((f) => f.kind !== 'warning') ? Exit.Findings : Exit.Ok;
}
