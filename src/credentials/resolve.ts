import { UserError } from '../errors.js';
import { credentialsPath, loadProfiles } from './store.js';
import { Secret, type Credentials } from './secret.js';

/** What the credential flags ask for: a user, where the password comes from, a named profile. */
export interface CredentialOptions {
  user?: string;
  passwordStdin?: boolean;
  profile?: string;
}

export interface CredentialIo {
  env: NodeJS.ProcessEnv;
  /** Whether a person can be asked for a password. */
  interactive: boolean;
  readStdin: () => Promise<string>;
  /** Asks for a password without echo. */
  prompt: (message: string) => Promise<string>;
}

/**
 * Finds the credentials for cameras: a named profile (from --credentials or the inventory point) from the
 * profiles file; otherwise --user (or CAMFLEET_USER, default admin) with the password from
 * CAMFLEET_PASSWORD, --password-stdin, or a prompt that does not echo (on a terminal only).
 */
export class CredentialResolver {
  private profiles: Map<string, Credentials> | undefined;
  private fallback: Credentials | null | undefined;

  constructor(
    private readonly options: CredentialOptions,
    private readonly io: CredentialIo,
    /** Ask for a password only when --user was given (discovery, ping), or whenever none is found (device commands). */
    private readonly promptWhen: 'user-given' | 'missing' = 'user-given',
  ) {}

  get path(): string {
    return credentialsPath(this.io.env);
  }

  /** Credentials for a camera that names `profile` (or none); undefined when none are available. */
  async forProfile(profile: string | undefined): Promise<Credentials | undefined> {
    const name = this.options.profile ?? profile;
    if (name !== undefined) {
      this.profiles ??= await loadProfiles(this.path);
      const found = this.profiles.get(name);
      if (found) return found;
      // A profile the file lacks: the user-and-password flags may still stand in for it.
      const fallback = await this.fromFlags();
      if (fallback) return fallback;
      throw new UserError(`credential profile '${name}' is not in ${this.path}`, {
        hint: `add it there (chmod 600), or give --user with CAMFLEET_PASSWORD or --password-stdin`,
      });
    }
    return (await this.fromFlags()) ?? undefined;
  }

  private async fromFlags(): Promise<Credentials | undefined> {
    if (this.fallback !== undefined) return this.fallback ?? undefined;
    const username = this.options.user ?? this.io.env.CAMFLEET_USER ?? 'admin';
    let password: string | undefined;
    let source = '';
    if (this.options.passwordStdin) {
      password = (await this.io.readStdin()).replace(/\r?\n$/, '');
      source = '--password-stdin';
      if (!password)
        throw new UserError('--password-stdin read an empty password', {
          hint: 'pipe the password in, e.g. printf \'%s\' "$PW" | camfleet …',
        });
    } else if (this.io.env.CAMFLEET_PASSWORD) {
      password = this.io.env.CAMFLEET_PASSWORD;
      source = 'CAMFLEET_PASSWORD';
    } else if (this.io.interactive && (this.options.user !== undefined || this.promptWhen === 'missing')) {
      password = await this.io.prompt(`Password for ${username}:`);
      source = 'prompt';
    }
    this.fallback = password === undefined ? null : { username, password: new Secret(password), source };
    return this.fallback ?? undefined;
  }
}
