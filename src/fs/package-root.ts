import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The folder of camfleet's package.json, found by walking up from wherever this code runs: its sources
 * (under vitest), dist/, or the bundle in dist/bundle/. Files shipped beside the code (schemas, the sample
 * inventory, helpers) are found from here, never by counting '../' from one module's own place.
 */
export const PACKAGE_ROOT: string = (() => {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`camfleet: no package.json above ${start}: is the package complete?`);
  }
})();

/** A file or folder of the package, as a file: URL (a folder's with its trailing slash). */
export const packageUrl = (path: string): URL => pathToFileURL(join(PACKAGE_ROOT, path) + (path.endsWith('/') ? '/' : ''));
