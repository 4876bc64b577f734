import type { Command, OptionValues } from '@commander-js/extra-typings';
import type { CredentialOptions, CredentialResolver } from '../credentials/resolve.js';
import type { Cli } from './context.js';

/** Adds --user, --password-stdin and --credentials to a command, keeping its typed options. */
export function credentialOptions<Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(
  command: Command<Args, Opts, Globals>,
  credentialsHelp = 'use this credential profile from ~/.config/camfleet/credentials.json ($CAMFLEET_CREDENTIALS)',
) {
  return command
    .option('--user <name>', 'camera user name (default: $CAMFLEET_USER or admin)')
    .option('--password-stdin', 'read the camera password from standard input (or set CAMFLEET_PASSWORD)')
    .option('--credentials <profile>', credentialsHelp);
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => (data += chunk));
    process.stdin.on('end', () => resolve(data));
    process.stdin.on('error', reject);
  });
}

async function promptPassword(message: string): Promise<string> {
  const { password } = await import('@inquirer/prompts');
  return password({ message });
}

/** The credential flags as the command parsed them. */
export interface CredentialFlags {
  user?: string;
  passwordStdin?: boolean;
  credentials?: string;
}

/** The resolver for a command's flags; imported when a command runs, not when the CLI starts. */
export async function credentialResolver(
  cli: Cli,
  flags: CredentialFlags,
  promptWhen: 'user-given' | 'missing' = 'user-given',
): Promise<CredentialResolver> {
  const { CredentialResolver: Resolver } = await import('../credentials/resolve.js');
  const options: CredentialOptions = { user: flags.user, passwordStdin: flags.passwordStdin, profile: flags.credentials };
  return new Resolver(options, { env: cli.env, interactive: cli.interactive, readStdin, prompt: promptPassword }, promptWhen);
}
