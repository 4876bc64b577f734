import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SITE = {
  schemaVersion: 1,
  id: 'test-site',
  name: 'Test site',
  district: 'District',
  ward: 'Ward',
  residentialGroup: 'Group 1',
  contact: { name: 'Someone' },
  credentialProfiles: ['test'],
  defaults: { credentialProfile: 'test', networkRanges: ['127.30.0.0/24'] },
};

export function point(id: string, address: string, extra: Record<string, unknown> = {}) {
  return { id, label: `Point ${id}`, owner: 'public', device: { address }, ...extra };
}

/** A temporary site folder; `files` maps paths under it to text or to a value written as JSON. */
export async function makeSite(files: Record<string, unknown>): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'camfleet-inv-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
