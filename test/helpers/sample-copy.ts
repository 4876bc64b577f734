import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SAMPLE_DIR = resolve(import.meta.dirname, '../../inventory');

/**
 * A private copy of a sample site whose loopback addresses are moved from 127.20.x.y to
 * 127.<octet>.x.y, so test files that simulate the sample can run side by side.
 */
export async function copySample(site: string, octet: number): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'camfleet-sample-'));
  const dir = join(root, site);
  await cp(join(SAMPLE_DIR, site), dir, { recursive: true });
  const files = [join(dir, 'site.json'), ...(await readdir(join(dir, 'streets'))).map((f) => join(dir, 'streets', f))];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/127\.20\./g, `127.${octet}.`));
  }
  return { dir, cleanup: () => rm(root, { recursive: true, force: true }) };
}
