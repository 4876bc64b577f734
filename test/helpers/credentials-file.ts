import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A credentials file as camfleet wants it (mode 600, in a folder of its own) with the simulator's
 * admin/camfleet under `profile`; `env` points camfleet at it.
 */
export async function credentialsFile(
  profile = 'test',
): Promise<{ path: string; env: { CAMFLEET_CREDENTIALS: string }; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'camfleet-cred-'));
  const path = join(dir, 'credentials.json');
  await writeFile(path, JSON.stringify({ profiles: { [profile]: { username: 'admin', password: 'camfleet' } } }));
  await chmod(path, 0o600);
  return { path, env: { CAMFLEET_CREDENTIALS: path }, remove: () => rm(dir, { recursive: true, force: true }) };
}
