import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { Secret, type Credentials } from './secret.js';

/** Where credential profiles live: outside any repository, readable by their owner only. */
export function credentialsPath(env: NodeJS.ProcessEnv): string {
  return env.CAMFLEET_CREDENTIALS || join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'camfleet', 'credentials.json');
}

export const CREDENTIALS_EXAMPLE = '{"profiles": {"tan-xuan-2": {"username": "admin", "password": "…"}}}';

/**
 * Reads the credential profiles file. A missing file is no profiles; a file others can read is refused
 * (a password file must be private); a malformed one is an error that never quotes the file's content.
 */
export async function loadProfiles(path: string): Promise<Map<string, Credentials>> {
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new UserError(`cannot read the credentials file ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (mode & 0o077) {
    throw new UserError(`the credentials file ${path} can be read by other users (mode ${(mode & 0o777).toString(8)})`, {
      hint: `make it private: chmod 600 ${path}`,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new UserError(`the credentials file ${path} is not valid JSON`, { hint: `it looks like ${CREDENTIALS_EXAMPLE}` });
  }
  const profiles = (parsed as { profiles?: unknown }).profiles;
  if (!profiles || typeof profiles !== 'object')
    throw new UserError(`the credentials file ${path} has no "profiles" object`, { hint: `it looks like ${CREDENTIALS_EXAMPLE}` });
  const out = new Map<string, Credentials>();
  for (const [name, entry] of Object.entries(profiles as Record<string, unknown>)) {
    const { username, password } = (entry ?? {}) as { username?: unknown; password?: unknown };
    if (typeof username !== 'string' || typeof password !== 'string') {
      throw new UserError(`credential profile '${name}' in ${path} needs "username" and "password" as text`);
    }
    out.set(name, { username, password: new Secret(password), source: `profile '${name}'` });
  }
  return out;
}
