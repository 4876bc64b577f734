import { type Command, Option } from '@commander-js/extra-typings';
import { type FlagsOf, withReconcileOptions } from './groups.js';

/** plan's options; its flags type (PlanFlags) is what commander infers from this chain. */
export function planCommand(program: Command) {
  const command = program.command('plan').summary('compare the cameras with the inventory: what drifted, what is missing, what is unknown');
  return withReconcileOptions(command)
    .option('--out <file>', 'save the plan (JSON) for a later apply')
    .option('--prune', 'also plan to remove presets the inventory does not list')
    .option('--html <dir>', "also write the field report (DIR/index.html): every camera's view, a street plan, what to do");
}

export function applyCommand(program: Command) {
  const command = program
    .command('apply')
    .summary('fix what the plan found: presets, encoder settings, clocks, network settings; verified after')
    .argument('[plan]', 'a plan saved with plan --out (refused if a camera changed since); default: plan now');
  return withReconcileOptions(command)
    .option('--yes', 'apply without asking (needed when there is no terminal)')
    .option('--prune', 'also remove presets the inventory does not list')
    .option('--home', "also set each PTZ camera's home position from the inventory (ONVIF cannot read it back)");
}

export function checkCommand(program: Command) {
  const command = program.command('check').summary('for CI: validate the inventory, then plan; JUnit, JSON and markdown reports');
  return withReconcileOptions(command)
    .option('--junit <file>', 'write JUnit XML: one test case per point')
    .option('--json <file>', 'write the JSON report (schemas/report.schema.json); camfleet --json check prints it instead')
    .option('--markdown <file>', 'write a markdown summary for CI job pages')
    .option(
      '--html <dir>',
      "write the field report: DIR/index.html with every camera's view beside its reference, a street plan, and what to do",
    )
    .addOption(new Option('--shard <i/n>', 'check only shard I of N (deterministic), for parallel CI jobs'));
}

export type PlanFlags = FlagsOf<typeof planCommand>;
export type ApplyFlags = FlagsOf<typeof applyCommand>;
export type CheckFlags = FlagsOf<typeof checkCommand>;
