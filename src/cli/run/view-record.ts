import { UserError } from '../../errors.js';
import { recordViews, saveViews } from '../../reconcile/view-record.js';
import { counted } from '../../text/counted.js';
import { confirmChange } from '../confirm.js';
import type { Cli } from '../context.js';
import { credentialResolver } from '../credentials.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { renderCaptures } from '../views/view-view.js';
import type { ViewRecordFlags } from '../options/view-record.js';
import { loadSelection } from './reconcile-setup.js';

/** `camfleet view record`: takes reference views, shows what will be written, asks, then writes. */
export async function runViewRecord(cli: Cli, flags: ViewRecordFlags): Promise<ExitCode> {
  const selection = await loadSelection(flags);
  const points = flags.preset
    ? selection.points.filter((d) => d.point.ptz?.presets?.some((p) => p.name === flags.preset))
    : selection.points;
  if (points.length === 0)
    throw new UserError(`no selected point lists a preset '${flags.preset}'`, { hint: 'the presets are in the points\' "ptz" blocks' });
  if (!flags.yes && !cli.interactive) {
    throw new UserError('view record writes reference views into the inventory, and there is no terminal to confirm on', {
      hint: 'add --yes',
    });
  }
  cli.info(`Taking ${flags.night ? 'night' : 'day'} reference views of ${counted(points.length, 'point')}…`);
  const { captures, changes } = await recordViews(points, selection.sites, {
    preset: flags.preset,
    night: flags.night === true,
    timeoutMs: flags.timeout * 1000,
    concurrency: flags.concurrency,
    credentials: await credentialResolver(cli, flags),
    now: () => new Date(),
  });
  renderCaptures(cli, captures);
  const taken = captures.filter((c) => c.picture);
  const failed = captures.length - taken.length;
  if (taken.length === 0) return Exit.Findings;
  if (
    !(await confirmChange(
      cli,
      flags.yes,
      `Write ${counted(taken.length, 'reference view')} and update ${counted(changes.length, 'inventory file')}?`,
      'view record writes reference views',
    ))
  ) {
    cli.info('Nothing was written.');
    return Exit.Ok;
  }
  await saveViews(captures, changes);
  cli.info(
    `Wrote ${counted(taken.length, 'picture')} and ${counted(changes.length, 'inventory file')}; review them with 'git diff' and 'git status'.`,
  );
  return failed ? Exit.Findings : Exit.Ok;
}
