import { createTwoFilesPatch } from 'diff';
import { formatDocument } from '../../inventory/canonical.js';
import { displayPath } from '../../inventory/diagnostics.js';
import type { FileChange } from '../../inventory/editor.js';
import { counted } from '../../text/counted.js';
import type { Cli } from '../context.js';

/** The unified diff of each changed inventory file, as git would show it. */
export function inventoryPatches(changes: FileChange[]): string[] {
  return changes.map((c) =>
    createTwoFilesPatch(displayPath(c.path), displayPath(c.path), c.before, formatDocument(c.kind, c.doc), '', '', { context: 2 }),
  );
}

/** The diff in colour: added lines green, removed red. */
export function renderPatches(cli: Cli, patches: string[]): void {
  const paint = (l: string) =>
    l.startsWith('+') && !l.startsWith('+++') ? cli.paint('green', l) : l.startsWith('-') && !l.startsWith('---') ? cli.paint('red', l) : l;
  cli.out(patches.map((p) => p.split('\n').map(paint).join('\n')).join('\n'));
}

export interface InventoryChangesView {
  notes(notes: string[]): void;
  nothing(message: string): void;
  changes(changes: FileChange[]): void;
  written(changes: FileChange[]): void;
}

/** What adopt (and survey) will write, before it asks: the diff for a person, a document with --json. */
export function inventoryChangesView(cli: Cli): InventoryChangesView {
  const human: InventoryChangesView = {
    notes: (notes) => {
      for (const n of notes) cli.info(n);
    },
    nothing: (message) => cli.out(message),
    changes: (changes) => renderPatches(cli, inventoryPatches(changes)),
    written: (changes) => cli.info(`Wrote ${counted(changes.length, 'file')}: ${changes.flatMap((c) => c.notes).join('; ')}.`),
  };
  if (!cli.json) return human;
  return {
    ...human,
    changes: (changes) =>
      cli.out(
        JSON.stringify({
          formatVersion: 1,
          files: changes.map((c) => ({ file: displayPath(c.path), changes: c.notes })),
          diff: inventoryPatches(changes).join(''),
        }),
      ),
  };
}
