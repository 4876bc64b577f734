import { type ApplyWork, applyWork } from '../../reconcile/apply.js';
import { readPlan } from '../../reconcile/plan-file.js';
import { planSelection, referencesOf } from '../../reconcile/run.js';
import type { ReferenceLoader } from '../../view/reference.js';
import { verifySavedPlan } from '../../reconcile/saved-plan.js';
import { workOf } from '../../reconcile/work.js';
import { counted } from '../../text/counted.js';
import { confirmChange } from '../confirm.js';
import type { Cli } from '../context.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { progressLine } from '../progress.js';
import { planView } from '../views/plan-view.js';
import type { ApplyFlags, ReaimFlags } from './reconcile-flags.js';
import { depsOf, loadSelection, settingsOf } from './reconcile-setup.js';

/** Shows the work, asks (or takes --yes), applies it camera by camera and shows what became of each change. */
export async function executeWork(
  cli: Cli,
  work: ApplyWork[],
  flags: ApplyFlags | ReaimFlags,
  what: string,
  references: ReferenceLoader,
): Promise<ExitCode> {
  const view = planView(cli);
  if (work.length === 0) {
    view.nothingToApply();
    return Exit.Ok;
  }
  const count = work.reduce((n, w) => n + w.actions.length, 0);
  view.work(what, work);
  const question = `Apply ${counted(count, 'change')} to ${counted(work.length, 'camera')}?`;
  if (!(await confirmChange(cli, flags.yes, question, `${what} changes ${counted(work.length, 'camera')}`))) {
    cli.info('Nothing was changed.');
    return Exit.Ok;
  }
  const progress = progressLine(cli);
  const deps = await depsOf(cli, flags);
  const report = await applyWork(work, {
    concurrency: flags.concurrency,
    timeoutMs: flags.timeout * 1000,
    rtspPort: flags.rtspPort,
    credentials: deps.credentials,
    references,
    signal: cli.signal,
    onPoint: (_o, done, total) => progress.update(`applying… ${done}/${total} cameras`),
  }).finally(progress.done);
  view.apply(report);
  return report.interrupted || report.summary.failed > 0 ? Exit.Findings : Exit.Ok;
}

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
