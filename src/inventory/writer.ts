import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { UserError } from '../errors.js';
import { formatDocument } from './canonical.js';
import { displayPath } from './diagnostics.js';

/**
 * Writes an inventory file the way every camfleet command does: canonical text, atomically, and only
 * if nobody changed the file since camfleet read it (`readText`; undefined for a new file). Fields
 * camfleet does not know stay, because the document is written back whole.
 */
export async function writeInventoryFile(
  path: string,
  kind: 'site' | 'street',
  doc: unknown,
  readText: string | undefined,
): Promise<boolean> {
  const current = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (current !== readText) {
    throw new UserError(
      `${displayPath(path)} ${readText === undefined ? 'already exists' : 'changed on disk since camfleet read it'}; nothing was written`,
      {
        hint: 'run the command again to work from the current file',
      },
    );
  }
  const text = formatDocument(kind, doc);
  if (text === current) return false;
  await writeFileAtomic(path, text);
  return true;
}
