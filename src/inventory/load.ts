import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { displayPath, type Diagnostic } from './diagnostics.js';
import type { SiteInventory } from './model.js';
import { SITE_FILE, validateInventory } from './validate.js';

/** Where the inventory is when no folder is given: here if this folder holds site.json, else ./inventory. */
export async function defaultInventoryDir(cwd = process.cwd()): Promise<string> {
  const here = await stat(join(cwd, SITE_FILE)).then(() => true, () => false);
  return here ? '.' : 'inventory';
}

export const formatDiagnosticLine = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;

/** Every site under `dir`, all valid, for commands that act on the inventory; a UserError otherwise. */
export async function loadInventory(dir: string): Promise<SiteInventory[]> {
  const results = await validateInventory(dir);
  const errors = results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error'));
  if (errors.length > 0) {
    throw new UserError(`the inventory at ${displayPath(dir)} is invalid (${errors.length} error${errors.length === 1 ? '' : 's'}); first: ${formatDiagnosticLine(errors[0]!)}`, {
      hint: `run 'camfleet inventory validate ${displayPath(dir)}' to see them all`,
    });
  }
  return results.map((r) => r.inventory!);
}
