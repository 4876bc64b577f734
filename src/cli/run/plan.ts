import { checkReport } from '../../reconcile/check-report.js';
import { writePlan } from '../../reconcile/plan-file.js';
import { planSelection } from '../../reconcile/run.js';
import type { Cli } from '../context.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { progressLine } from '../progress.js';
import { renderHtmlReport, thumbnailCollector } from '../views/html-report-view.js';
import { planView } from '../views/plan-view.js';
import type { PlanFlags } from '../options/reconcile.js';
import { depsOf, loadSelection, settingsOf } from './reconcile-setup.js';

/** `camfleet plan`: what drifted from the inventory, what needs a person, what is missing or unknown. */
export async function runPlan(cli: Cli, flags: PlanFlags): Promise<ExitCode> {
  const progress = progressLine(cli);
  const pictures = thumbnailCollector();
  const deps = { ...(await depsOf(cli, flags, progress.update)), ...(flags.html ? { keepSnapshot: pictures.keep } : {}) };
  const selection = await loadSelection(flags);
  const plan = await planSelection(selection, settingsOf(flags), deps, { prune: flags.prune }).finally(progress.done);
  if (flags.html) {
    const report = checkReport(selection.dir, null, [], plan);
    await renderHtmlReport(cli, flags.html, { report, plan, ...selection, checkedAt: plan.createdAt, thumbnails: pictures.thumbnails });
  }
  if (flags.out) {
    await writePlan(flags.out, plan);
    cli.info(`Plan saved to ${flags.out}; apply it with 'camfleet apply ${flags.out}'.`);
  }
  planView(cli).plan(plan);
  // Warnings (a view without a reference) are worth doing, not a failure.
  return plan.findings.some((f) => f.kind !== 'warning') ? Exit.Findings : Exit.Ok;
}
