import type { Command } from '@commander-js/extra-typings';
import type { CommandKit, Example } from '../kit.js';
import { applyCommand, checkCommand, planCommand } from '../options/reconcile.js';

export function registerPlan(program: Command, kit: CommandKit): Example {
  planCommand(program)
    .addHelpText(
      'after',
      '\n  ~ drift apply can fix   ! needs a person   - missing   + unknown or moved device\n\nExamples:\n  camfleet plan --inventory inventory/tan-xuan-2\n  camfleet plan --inventory inventory/tan-xuan-2 --street ngo-8 --out plan.json\n\nExit: 0 nothing to do, 1 findings, 2 error.',
    )
    .action(kit.action(async (cli, flags) => (await import('../run/plan.js')).runPlan(cli, flags)));
  return { command: 'plan', example: 'camfleet plan --inventory inventory/tan-xuan-2 # what drifted?' };
}

export function registerApply(program: Command, kit: CommandKit): Example {
  applyCommand(program)
    .addHelpText(
      'after',
      '\nExamples:\n  camfleet apply --inventory inventory/tan-xuan-2\n  camfleet apply plan.json --inventory inventory/tan-xuan-2 --yes\n\nCtrl-C starts no new camera, lets running ones finish and reports what was and was not done (exit 1).',
    )
    .action(kit.action(async (cli, planPath, flags) => (await import('../run/apply.js')).runApply(cli, planPath, flags)));
  return { command: 'apply', example: 'camfleet apply --inventory inventory/tan-xuan-2 # fix the drift, verified' };
}

export function registerCheck(program: Command, kit: CommandKit): Example {
  checkCommand(program)
    .addHelpText(
      'after',
      '\nExamples:\n  camfleet check --inventory inventory/tan-xuan-2 --junit report.xml\n  camfleet check --shard 2/4 --json report.json\n\nWith GITHUB_ACTIONS=true, problems become ::error annotations on the inventory lines.\nExit: 0 healthy, 1 unhealthy or drifted, 2 invalid inventory or usage.',
    )
    .action(kit.action(async (cli, flags) => (await import('../run/check.js')).runCheck(cli, flags)));
  return { command: 'check', example: 'camfleet check --junit report.xml        # CI: healthy and as the inventory says?' };
}
