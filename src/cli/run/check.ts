import { writeFile } from 'node:fs/promises';
import { UserError } from '../../errors.js';
import { defaultInventoryDir, invalidInventory } from '../../inventory/load.js';
import { validateInventory } from '../../inventory/validate.js';
import { checkReport, githubAnnotations, inShard, junitXml, markdownSummary, type CheckReport } from '../../reconcile/reports.js';
import type { Cli } from '../context.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { renderPlan } from '../views/plan-view.js';
import { makePlan, select } from './reconcile-context.js';
import type { CheckFlags } from './reconcile-flags.js';

function parseShard(text: string | undefined): { index: number; count: number } | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count)
    throw new UserError(`--shard '${text}' is not I/N with 1 ≤ I ≤ N`, { hint: 'e.g. --shard 2/4 for the second of four CI jobs' });
  return { index, count };
}

async function writeReports(cli: Cli, flags: CheckFlags, report: CheckReport): Promise<void> {
  if (flags.junit) await writeFile(flags.junit, junitXml(report));
  if (typeof flags.json === 'string') await writeFile(flags.json, `${JSON.stringify(report, null, 2)}\n`);
  if (flags.markdown) await writeFile(flags.markdown, markdownSummary(report));
  // On GitHub Actions, workflow commands put each problem on its inventory line.
  if (cli.env.GITHUB_ACTIONS === 'true') for (const line of githubAnnotations(report)) cli.out(line);
}

/** `camfleet check`: for CI. Validates the inventory, then plans (read-only), and writes the reports. */
export async function runCheck(cli: Cli, flags: CheckFlags): Promise<ExitCode> {
  const shard = parseShard(flags.shard);
  const dir = flags.inventory ?? (await defaultInventoryDir());
  const validation = await validateInventory(dir);
  const diagnostics = validation.flatMap((v) => v.diagnostics);
  if (validation.some((v) => !v.inventory)) {
    const report = checkReport(dir, flags.shard ?? null, diagnostics, null);
    await writeReports(cli, flags, report);
    if (cli.json) cli.out(JSON.stringify(report));
    throw invalidInventory(
      dir,
      diagnostics.filter((d) => d.severity === 'error'),
    );
  }
  const selection = await select(
    flags,
    dir,
    validation.map((v) => v.inventory!),
  );
  const sharded = { ...selection, points: inShard(selection.points, shard) };
  // Only the first shard looks for unknown devices, so that they are reported once.
  const plan = await makePlan(cli, flags, sharded, { discovery: !shard || shard.index === 1 });
  const report = checkReport(dir, flags.shard ?? null, diagnostics, plan);
  await writeReports(cli, flags, report);
  if (cli.json) cli.out(JSON.stringify(report));
  else renderPlan(cli, plan);
  return report.healthy ? Exit.Ok : Exit.Findings;
}
