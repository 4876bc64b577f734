import { writeFile } from 'node:fs/promises';
import { UserError } from '../../errors.js';
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

/** Writes one report file; a path that cannot be written is the user's to fix, said in one line. */
async function writeReport(path: string, what: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'its folder does not exist'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : (err as Error).message;
    throw new UserError(`cannot write the ${what} to ${path} (${why})`, {
      hint: 'give a path in a folder that exists and you may write to',
    });
  }
}

/** Writes the asked-for report files, then shows the result: the plan for a person, the report with --json. */
export async function renderCheck(cli: Cli, outcome: CheckOutcome, files: CheckReportFiles): Promise<void> {
  const { report, plan } = outcome;
  if (files.junit) await writeReport(files.junit, 'JUnit report', junitXml(report));
  if (files.json) await writeReport(files.json, 'JSON report', `${JSON.stringify(report, null, 2)}\n`);
  if (files.markdown) await writeReport(files.markdown, 'markdown summary', markdownSummary(report));
  // On GitHub Actions, workflow commands put each problem on its inventory line.
  if (cli.env.GITHUB_ACTIONS === 'true') for (const line of githubAnnotations(report)) cli.out(line);
  if (cli.json) cli.out(JSON.stringify(report));
  else if (plan) renderPlanText(cli, plan);
}
