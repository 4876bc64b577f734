import { writeFile } from 'node:fs/promises';
import type { CheckOutcome } from '../../reconcile/check.js';
import type { Cli } from '../context.js';
import { renderPlanText } from './plan-view.js';
import { githubAnnotations } from './reporters/annotations.js';
import { junitXml } from './reporters/junit.js';
import { markdownSummary } from './reporters/markdown.js';

/** The report files check writes (each only when asked for). */
export interface CheckReportFiles {
  junit?: string;
  json?: string;
  markdown?: string;
}

/** Writes the asked-for report files, then shows the result: the plan for a person, the report with --json. */
export async function renderCheck(cli: Cli, outcome: CheckOutcome, files: CheckReportFiles): Promise<void> {
  const { report, plan } = outcome;
  if (files.junit) await writeFile(files.junit, junitXml(report));
  if (files.json) await writeFile(files.json, `${JSON.stringify(report, null, 2)}\n`);
  if (files.markdown) await writeFile(files.markdown, markdownSummary(report));
  // On GitHub Actions, workflow commands put each problem on its inventory line.
  if (cli.env.GITHUB_ACTIONS === 'true') for (const line of githubAnnotations(report)) cli.out(line);
  if (cli.json) cli.out(JSON.stringify(report));
  else if (plan) renderPlanText(cli, plan);
}
