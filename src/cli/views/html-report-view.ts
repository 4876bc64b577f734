import { UserError } from '../../errors.js';
import { type HtmlReportInput, writeHtmlReport } from '../../report/write-html-report.js';
import type { Cli } from '../context.js';

export { thumbnailCollector } from '../../report/thumbnail.js';

/** Writes the HTML report into `dir` and says where; a folder that cannot be written is said in one line. */
export async function renderHtmlReport(cli: Cli, dir: string, input: HtmlReportInput): Promise<void> {
  try {
    const written = await writeHtmlReport(dir, input);
    cli.info(
      `Report written: ${written.index} (${written.images} pictures, ${(written.bytes / 1e6).toFixed(1)} MB); open it in a browser.`,
    );
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' ? 'permission denied' : code === 'ENOTDIR' || code === 'EEXIST' ? 'it is not a folder' : (err as Error).message;
    throw new UserError(`cannot write the HTML report to ${dir} (${why})`, { hint: 'give --html a folder you may write to' });
  }
}
