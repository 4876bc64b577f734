import type { Command, OptionValues } from '@commander-js/extra-typings';
import { CredentialResolver, type CredentialOptions } from '../credentials/resolve.js';
import type { Cli } from './context.js';

/** Adds --user, --password-stdin and --profile to a command, keeping its typed options. */
export function credentialOptions<Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(command: Command<Args, Opts, Globals>) {
  return command
    .option('--user <name>', 'camera user name (default: $CAMFLEET_USER or admin)')
    .option('--password-stdin', 'read the camera password from standard input (or set CAMFLEET_PASSWORD)')
    .option('--profile <name>', 'use this credential profile from ~/.config/camfleet/credentials.json ($CAMFLEET_CREDENTIALS)');
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

export function credentialResolver(cli: Cli, options: CredentialOptions, promptWhen: 'user-given' | 'missing' = 'user-given'): CredentialResolver {
  return new CredentialResolver(options, { env: cli.env, interactive: cli.interactive, readStdin, prompt: promptPassword }, promptWhen);
}
