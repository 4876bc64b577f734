import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import type { SiteInventory } from '../inventory/model.js';

/**
 * A digest of the inventory files as read (paths relative to the inventory folder, and their bytes): a
 * saved plan carries it, and apply refuses the plan when the inventory has changed since.
 */
export function inventoryDigest(dir: string, sites: SiteInventory[]): string {
  const files = sites.flatMap((s) => [s.site, ...s.streets]).map((f) => [relative(dir, f.path).split('\\').join('/'), f.text] as const);
  files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const hash = createHash('sha256');
  for (const [path, text] of files) hash.update(`${path}\0${text.length}\0${text}\0`);
  return `sha256:${hash.digest('hex')}`;
}
