import { createTwoFilesPatch } from 'diff';
import { formatDocument } from '../../inventory/canonical.js';
import { displayPath } from '../../inventory/diagnostics.js';
import type { FileChange } from '../../inventory/editor.js';
import { writeInventoryFile } from '../../inventory/writer.js';
import type { Cli } from '../context.js';
import { counted } from '../../text/counted.js';

/** The unified diff of each changed inventory file, as git would show it. */
export function inventoryPatches(changes: FileChange[]): string[] {
  return changes.map((c) =>
    createTwoFilesPatch(displayPath(c.path), displayPath(c.path), c.before, formatDocument(c.kind, c.doc), '', '', { context: 2 }),
  );
}

export function renderPatches(cli: Cli, patches: string[]): void {
  const paint = (l: string) =>
    l.startsWith('+') && !l.startsWith('+++') ? cli.paint('green', l) : l.startsWith('-') && !l.startsWith('---') ? cli.paint('red', l) : l;
  cli.out(patches.map((p) => p.split('\n').map(paint).join('\n')).join('\n'));
}

/** Writes the changed files atomically and canonically (each refused if it changed on disk since read). */
export async function writeChanges(cli: Cli, changes: FileChange[]): Promise<void> {
  for (const c of changes) await writeInventoryFile(c.path, c.kind, c.doc, c.before);
  cli.info(`Wrote ${counted(changes.length, 'file')}: ${changes.flatMap((c) => c.notes).join('; ')}.`);
}
