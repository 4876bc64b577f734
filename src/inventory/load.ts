import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { displayPath, type Diagnostic } from './diagnostics.js';
import type { SiteInventory } from './model.js';
import { SITE_FILE, validateInventory } from './validate.js';
import { counted } from '../text/counted.js';

/** Where the inventory is when no folder is given: here if this folder holds site.json, else ./inventory. */
export async function defaultInventoryDir(cwd = process.cwd()): Promise<string> {
  const here = await stat(join(cwd, SITE_FILE)).then(
    () => true,
    () => false,
  );
  return here ? '.' : 'inventory';
}

/**
 * The error of a command that needs a valid inventory: how many errors, and the first with its file, line
 * and JSON path, so a technician can go straight to it.
 */
export function invalidInventory(dir: string, errors: Diagnostic[]): UserError {
  const first = errors[0];
  const where = first
    ? `; first: ${first.file}:${first.line}:${first.column}: ${first.message}${first.pointer ? ` (at ${first.pointer})` : ''}`
    : '';
  return new UserError(`the inventory at ${displayPath(dir)} is invalid (${counted(errors.length, 'error')})${where}`, {
    hint: `run 'camfleet inventory validate ${displayPath(dir)}' to see them all`,
  });
}

/** Every site under `dir`, all valid, for commands that act on the inventory; a UserError otherwise. */
export async function loadInventory(dir: string): Promise<SiteInventory[]> {
  const results = await validateInventory(dir);
  const errors = results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error'));
  if (errors.length > 0) throw invalidInventory(dir, errors);
  return results.map((r) => r.inventory!);
}
