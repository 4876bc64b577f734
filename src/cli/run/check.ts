import { UserError } from '../../errors.js';
import { defaultInventoryDir, invalidInventory } from '../../inventory/load.js';
import { runCheck as check } from '../../reconcile/check.js';
import type { Cli } from '../context.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { progressLine } from '../progress.js';
import { renderCheck } from '../views/check-view.js';
import { renderHtmlReport, thumbnailCollector } from '../views/html-report-view.js';
import type { CheckFlags } from '../options/reconcile.js';
import { depsOf, settingsOf } from './reconcile-setup.js';

function parseShard(text: string | undefined): { index: number; count: number; text: string } | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UserError(`--shard '${text}' is not I/N with 1 ≤ I ≤ N`, { hint: 'e.g. --shard 2/4 for the second of four CI jobs' });
  }
  return { index, count, text };
}

/** `camfleet check`: for CI. Validates the inventory, then plans (read-only), and writes the reports. */
export async function runCheck(cli: Cli, flags: CheckFlags): Promise<ExitCode> {
  const shard = parseShard(flags.shard);
  const dir = flags.inventory ?? (await defaultInventoryDir());
  const progress = progressLine(cli);
  const pictures = thumbnailCollector();
  const deps = { ...(await depsOf(cli, flags, progress.update)), ...(flags.html ? { keepSnapshot: pictures.keep } : {}) };
  const outcome = await check({ dir, shard, filter: { street: flags.street, point: flags.point } }, settingsOf(flags), deps).finally(
    progress.done,
  );
  await renderCheck(cli, outcome, {
    junit: flags.junit,
    json: typeof flags.json === 'string' ? flags.json : undefined,
    markdown: flags.markdown,
  });
  if (flags.html && outcome.selection) {
    const { report, plan, selection } = outcome;
    await renderHtmlReport(cli, flags.html, {
      report,
      plan,
      ...selection,
      checkedAt: plan?.createdAt ?? deps.now().toISOString(),
      thumbnails: pictures.thumbnails,
    });
  }
  if (!outcome.report.valid)
    throw invalidInventory(
      dir,
      outcome.report.diagnostics.filter((d) => d.severity === 'error'),
    );
  return outcome.report.healthy ? Exit.Ok : Exit.Findings;
}
