import { readFile } from 'node:fs/promises';
import { UserError } from '../../errors.js';
import { scoreViews, verdictOf } from '../../view/compare.js';
import { fingerprintImage, ImageError } from '../../view/fingerprint.js';
import type { Cli } from '../context.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { renderViewVerdict } from '../views/view-view.js';

async function fingerprintFile(path: string) {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new UserError(`cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, {
      hint: 'give the path of a JPEG or PNG picture',
    });
  }
  try {
    return await fingerprintImage(bytes);
  } catch (err) {
    if (err instanceof ImageError) throw new UserError(`${path} is ${err.message}`, { hint: 'give a JPEG or PNG picture' });
    throw err;
  }
}

/** `camfleet view compare REF NOW`: the verdict check would give, and its scores. */
export async function runViewCompare(cli: Cli, reference: string, now: string): Promise<ExitCode> {
  const [a, b] = await Promise.all([fingerprintFile(reference), fingerprintFile(now)]);
  const verdict = verdictOf(scoreViews(a, b));
  renderViewVerdict(cli, verdict);
  return verdict.verdict === 'ok' ? Exit.Ok : Exit.Findings;
}
