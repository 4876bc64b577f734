import { type ApplyWork, applyWork } from '../../reconcile/apply.js';
import { counted } from '../../text/counted.js';
import type { ReferenceLoader } from '../../view/reference.js';
import { confirmChange } from '../confirm.js';
import type { Cli } from '../context.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { progressLine } from '../progress.js';
import { planView } from '../views/plan-view.js';
import type { ReaimFlags } from '../options/reaim.js';
import type { ApplyFlags } from '../options/reconcile.js';
import { depsOf } from './reconcile-setup.js';

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
