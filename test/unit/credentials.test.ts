import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { CredentialResolver } from '../../src/credentials/resolve.js';
import { Secret } from '../../src/credentials/secret.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function profilesFile(content: unknown, mode: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'camfleet-cred-'));
  dirs.push(dir);
  const path = join(dir, 'credentials.json');
  await writeFile(path, JSON.stringify(content));
  await chmod(path, mode);
  return path;
}

const io = (env: Record<string, string>, extra: Partial<{ interactive: boolean; stdin: string }> = {}) => ({
  env,
  interactive: extra.interactive ?? false,
  readStdin: async () => extra.stdin ?? '',
  prompt: async () => 'typed-at-prompt',
});

describe('credentials', () => {
  it('a Secret never shows its value when printed, logged, interpolated or serialised', () => {
    const s = new Secret('hunter2');
    expect(`${s}`).toBe('[hidden]');
    expect(JSON.stringify({ s })).toBe('{"s":"[hidden]"}');
    expect(inspect({ s })).not.toContain('hunter2');
    expect(s.reveal()).toBe('hunter2');
  });

  it('reads a named profile from a private file', async () => {
    const path = await profilesFile({ profiles: { ward: { username: 'tech', password: 'p1' } } }, 0o600);
    const creds = await new CredentialResolver({}, io({ CAMFLEET_CREDENTIALS: path })).forProfile('ward');
    expect(creds?.username).toBe('tech');
    expect(creds?.password.reveal()).toBe('p1');
  });

  it('refuses a credentials file others can read, and says how to fix it', async () => {
    const path = await profilesFile({ profiles: { ward: { username: 'tech', password: 'p1' } } }, 0o644);
    await expect(new CredentialResolver({}, io({ CAMFLEET_CREDENTIALS: path })).forProfile('ward')).rejects.toThrow(
      /can be read by other users \(mode 644\)/,
    );
  });

  it('a missing profile is an error naming the file, unless a password is given another way', async () => {
    const path = await profilesFile({ profiles: {} }, 0o600);
    await expect(new CredentialResolver({}, io({ CAMFLEET_CREDENTIALS: path })).forProfile('nope')).rejects.toThrow(
      /credential profile 'nope' is not in .*credentials\.json/,
    );
    const viaEnv = await new CredentialResolver({ user: 'u' }, io({ CAMFLEET_CREDENTIALS: path, CAMFLEET_PASSWORD: 'env-pw' })).forProfile(
      'nope',
    );
    expect(viaEnv?.source).toBe('CAMFLEET_PASSWORD');
  });

  it('takes the password from --password-stdin, or a prompt only on a terminal', async () => {
    const fromStdin = await new CredentialResolver({ passwordStdin: true }, io({}, { stdin: 'piped\n' })).forProfile(undefined);
    expect(fromStdin?.password.reveal()).toBe('piped');
    expect(await new CredentialResolver({ user: 'u' }, io({})).forProfile(undefined)).toBeUndefined();
    const prompted = await new CredentialResolver({ user: 'u' }, io({}, { interactive: true })).forProfile(undefined);
    expect(prompted?.password.reveal()).toBe('typed-at-prompt');
  });
});
