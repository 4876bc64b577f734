import { Option, type Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { addAccessOptions } from '../access-options.js';
import type { CommandKit, Example } from '../kit.js';
import { collect, nonNegativeNumber, port, positiveInt } from '../parse-options.js';
import type { ApplyFlags, CheckFlags, PlanFlags } from '../run/reconcile-flags.js';

/**
 * Selection and observation options shared by plan, apply, check and reaim. Added untyped: chaining this
 * many typed options through a generic helper sends the type checker into minutes of inference; the
 * actions read them as the ReconcileFlags interface instead.
 */
export interface ReconcileOptionUse {
  /** --interface and --no-discovery: commands that look for cameras the inventory does not know (not reaim). */
  discovery?: boolean;
  /** --point (survey walks whole streets). */
  point?: boolean;
  /** What --interface means for this command. */
  /** The --interface help; null: the command takes no --interface. */
  interfaceHelp?: string | null;
  /** --no-views: commands that compare views (plan, check, apply, adopt). */
  views?: boolean;
}

export function addReconcileOptions(command: CommandUnknownOpts, uses: ReconcileOptionUse = {}): CommandUnknownOpts {
  command
    .option('--user <name>', 'camera user name (default: $CAMFLEET_USER or admin)')
    .option('--password-stdin', 'read the camera password from standard input (or set CAMFLEET_PASSWORD)')
    .option('--credentials <profile>', 'use this credential profile for every camera (else each point names its own)')
    .option('--inventory <dir>', 'the inventory: a site folder or a folder of sites (default: . if it holds site.json, else ./inventory)')
    .option('--street <id>', 'only this street');
  if (uses.point !== false) command.option('--point <id>', 'only this point');
  if (uses.views !== false) command.option('--no-views', 'do not compare what the cameras see with their reference views');
  // Commands that only work on the inventory's own cameras (reaim) look for no others.
  if (uses.discovery !== false) {
    if (uses.interfaceHelp !== null)
      command.option(
        '-i, --interface <name|address>',
        uses.interfaceHelp ?? 'also look for unknown cameras by multicast through this interface (repeatable)',
        collect(String),
      );
    command.option('--no-discovery', "do not sweep the sites' networkRanges for unknown devices");
  }
  addAccessOptions(command);
  return command
    .option('-t, --timeout <seconds>', 'time limit of each call to a camera', nonNegativeNumber('--timeout'), 5)
    .option('--concurrency <n>', 'cameras worked on at once', positiveInt('--concurrency', 1024), 32)
    .option('--rtsp-port <port>', 'RTSP port to test', port, 554);
}

export function registerPlan(program: Command, kit: CommandKit): Example {
  addReconcileOptions(
    program
      .command('plan')
      .summary('compare the cameras with the inventory: what drifted, what is missing, what is unknown') as unknown as CommandUnknownOpts,
  )
    .option('--out <file>', 'save the plan (JSON) for a later apply')
    .option('--prune', 'also plan to remove presets the inventory does not list')
    .option('--html <dir>', "also write the field report (DIR/index.html): every camera's view, a street plan, what to do")
    .addHelpText(
      'after',
      '\n  ~ drift apply can fix   ! needs a person   - missing   + unknown or moved device\n\nExamples:\n  camfleet plan --inventory inventory/tan-xuan-2\n  camfleet plan --inventory inventory/tan-xuan-2 --street ngo-8 --out plan.json\n\nExit: 0 nothing to do, 1 findings, 2 error.',
    )
    .action(kit.action(async (cli, ...args: unknown[]) => (await import('../run/plan.js')).runPlan(cli, args[0] as PlanFlags)));
  return { command: 'plan', example: 'camfleet plan --inventory inventory/tan-xuan-2 # what drifted?' };
}

export function registerApply(program: Command, kit: CommandKit): Example {
  addReconcileOptions(
    program
      .command('apply')
      .summary('fix what the plan found: presets, encoder settings, clocks, network settings; verified after')
      .argument(
        '[plan]',
        'a plan saved with plan --out (refused if a camera changed since); default: plan now',
      ) as unknown as CommandUnknownOpts,
  )
    .option('--yes', 'apply without asking (needed when there is no terminal)')
    .option('--prune', 'also remove presets the inventory does not list')
    .option('--home', "also set each PTZ camera's home position from the inventory (ONVIF cannot read it back)")
    .addHelpText(
      'after',
      '\nExamples:\n  camfleet apply --inventory inventory/tan-xuan-2\n  camfleet apply plan.json --inventory inventory/tan-xuan-2 --yes\n\nCtrl-C starts no new camera, lets running ones finish and reports what was and was not done (exit 1).',
    )
    .action(
      kit.action(async (cli, ...args: unknown[]) =>
        (await import('../run/apply.js')).runApply(cli, args[0] as string | undefined, args[1] as ApplyFlags),
      ),
    );
  return { command: 'apply', example: 'camfleet apply --inventory inventory/tan-xuan-2 # fix the drift, verified' };
}

export function registerCheck(program: Command, kit: CommandKit): Example {
  addReconcileOptions(
    program
      .command('check')
      .summary('for CI: validate the inventory, then plan; JUnit, JSON and markdown reports') as unknown as CommandUnknownOpts,
  )
    .option('--junit <file>', 'write JUnit XML: one test case per point')
    .option('--json <file>', 'write the JSON report (schemas/report.schema.json); camfleet --json check prints it instead')
    .option('--markdown <file>', 'write a markdown summary for CI job pages')
    .option(
      '--html <dir>',
      "write the field report: DIR/index.html with every camera's view beside its reference, a street plan, and what to do",
    )
    .addOption(new Option('--shard <i/n>', 'check only shard I of N (deterministic), for parallel CI jobs'))
    .addHelpText(
      'after',
      '\nExamples:\n  camfleet check --inventory inventory/tan-xuan-2 --junit report.xml\n  camfleet check --shard 2/4 --json report.json\n\nWith GITHUB_ACTIONS=true, problems become ::error annotations on the inventory lines.\nExit: 0 healthy, 1 unhealthy or drifted, 2 invalid inventory or usage.',
    )
    .action(kit.action(async (cli, ...args: unknown[]) => (await import('../run/check.js')).runCheck(cli, args[0] as CheckFlags)));
  return { command: 'check', example: 'camfleet check --junit report.xml        # CI: healthy and as the inventory says?' };
}
