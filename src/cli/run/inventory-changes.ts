import type { FileChange } from '../../inventory/editor.js';
import { writeInventoryFile } from '../../inventory/writer.js';

/** Writes the changed files atomically and canonically (each refused if it changed on disk since read). */
export async function writeChanges(changes: FileChange[]): Promise<void> {
  for (const c of changes) await writeInventoryFile(c.path, c.kind, c.doc, c.before);
}
