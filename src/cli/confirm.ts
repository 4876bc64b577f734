import { UserError } from '../errors.js';
import type { Cli } from './context.js';

/**
 * Asks before a change: `--yes` answers for the user; with no terminal to ask on, it refuses (a script
 * must say --yes), and `what` says what would have changed.
 */
export async function confirmChange(
  cli: Cli,
  yes: boolean | undefined,
  question: string,
  what: string,
  hint = 'review the plan, then add --yes',
): Promise<boolean> {
  if (yes) return true;
  if (!cli.interactive) throw new UserError(`${what}, and there is no terminal to confirm on`, { hint });
  const { confirm } = await import('@inquirer/prompts');
  return confirm({ message: question, default: false });
}
