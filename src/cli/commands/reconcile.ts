import { type Command, Option } from '@commander-js/extra-typings';
import type { CommandKit, Example } from '../kit.js';
import { withDiscovery, withInterface, withLimits, withPoint, withSelection, withViews } from '../reconcile-options.js';
import { withAccessOptions } from '../access-options.js';

/** plan's options; its flags type (PlanFlags) is what commander infers from this chain. */
export function planCommand(program: Command) {
  const command = program.command('plan').summary('compare the cameras with the inventory: what drifted, what is missing, what is unknown');
  return withLimits(withAccessOptions(withDiscovery(withInterface(withViews(withPoint(withSelection(command)))))))
    .option('--out <file>', 'save the plan (JSON) for a later apply')
    .option('--prune', 'also plan to remove presets the inventory does not list')
    .option('--html <dir>', "also write the field report (DIR/index.html): every camera's view, a street plan, what to do");
}

export function registerPlan(program: Command, kit: CommandKit): Example {
  planCommand(program)
    .addHelpText(
      'after',
      '\n  ~ drift apply can fix   ! needs a person   - missing   + unknown or moved device\n\nExamples:\n  camfleet plan --inventory inventory/tan-xuan-2\n  camfleet plan --inventory inventory/tan-xuan-2 --street ngo-8 --out plan.json\n\nExit: 0 nothing to do, 1 findings, 2 error.',
    )
    .action(kit.action(async (cli, flags) => (await import('../run/plan.js')).runPlan(cli, flags)));
  return { command: 'plan', example: 'camfleet plan --inventory inventory/tan-xuan-2 # what drifted?' };
}

export function applyCommand(program: Command) {
  const command = program
    .command('apply')
    .summary('fix what the plan found: presets, encoder settings, clocks, network settings; verified after')
    .argument('[plan]', 'a plan saved with plan --out (refused if a camera changed since); default: plan now');
  return withLimits(withAccessOptions(withDiscovery(withInterface(withViews(withPoint(withSelection(command)))))))
    .option('--yes', 'apply without asking (needed when there is no terminal)')
    .option('--prune', 'also remove presets the inventory does not list')
    .option('--home', "also set each PTZ camera's home position from the inventory (ONVIF cannot read it back)");
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

export function checkCommand(program: Command) {
  const command = program.command('check').summary('for CI: validate the inventory, then plan; JUnit, JSON and markdown reports');
  return withLimits(withAccessOptions(withDiscovery(withInterface(withViews(withPoint(withSelection(command)))))))
    .option('--junit <file>', 'write JUnit XML: one test case per point')
    .option('--json <file>', 'write the JSON report (schemas/report.schema.json); camfleet --json check prints it instead')
    .option('--markdown <file>', 'write a markdown summary for CI job pages')
    .option(
      '--html <dir>',
      "write the field report: DIR/index.html with every camera's view beside its reference, a street plan, and what to do",
    )
    .addOption(new Option('--shard <i/n>', 'check only shard I of N (deterministic), for parallel CI jobs'));
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
