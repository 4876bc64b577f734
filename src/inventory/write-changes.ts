import type { FileChange } from './editor.js';
import { writeInventoryFiles } from './writer.js';

/** Writes the changed files canonically, all or nothing (refused whole if any changed on disk since read). */
export async function writeChanges(changes: FileChange[]): Promise<void> {
  await writeInventoryFiles(changes.map((c) => ({ path: c.path, kind: c.kind, doc: c.doc, before: c.before })));
}
