import type { Command, OptionValues } from '@commander-js/extra-typings';
import { credentialOptions } from '../credentials.js';
import { withAccessOptions } from '../access-options.js';
import { collect, nonNegativeNumber, port, positiveInt } from '../parse-options.js';

/**
 * The options plan, apply, check, reaim, adopt, survey, view record and watch share, as groups each command
 * chains in the order --help shows them. Each group is a plain chain with no branches: commander's types
 * infer every command's flags from it. Two shapes send the type checker into minutes of inference, and are
 * avoided: a helper that adds options conditionally (a union of command types per branch), and options
 * chained inside a helper generic in its options after another such helper's result (measured: minutes for
 * watch's chain; withReconcileOptions below is generic only in the arguments, and checks in a blink).
 */

/** Credentials and which part of the inventory. */
export function withSelection<A extends unknown[], O extends OptionValues, G extends OptionValues>(command: Command<A, O, G>) {
  return credentialOptions(command, 'use this credential profile for every camera (else each point names its own)')
    .option('--inventory <dir>', 'the inventory: a site folder or a folder of sites (default: . if it holds site.json, else ./inventory)')
    .option('--street <id>', 'only this street');
}

/** --point (survey walks whole streets). */
export function withPoint<A extends unknown[], O extends OptionValues, G extends OptionValues>(command: Command<A, O, G>) {
  return command.option('--point <id>', 'only this point');
}

/** --no-views: commands that compare views (plan, check, apply, adopt, watch). */
export function withViews<A extends unknown[], O extends OptionValues, G extends OptionValues>(command: Command<A, O, G>) {
  return command.option('--no-views', 'do not compare what the cameras see with their reference views');
}

const INTERFACE_HELP = 'also look for unknown cameras by multicast through this interface (repeatable)';

/** -i/--interface: commands that look for unknown cameras by multicast (not the watch, which sends none). */
export function withInterface<A extends unknown[], O extends OptionValues, G extends OptionValues>(
  command: Command<A, O, G>,
  help = INTERFACE_HELP,
) {
  return command.option('-i, --interface <name|address>', help, collect(String));
}

/** --no-discovery: commands that look for cameras the inventory does not know (not reaim or view record). */
export function withDiscovery<A extends unknown[], O extends OptionValues, G extends OptionValues>(command: Command<A, O, G>) {
  return command.option('--no-discovery', "do not sweep the sites' networkRanges for unknown devices");
}

/** The limits of each call (after withAccessOptions in every command's chain). */
export function withLimits<A extends unknown[], O extends OptionValues, G extends OptionValues>(command: Command<A, O, G>) {
  return command
    .option('-t, --timeout <seconds>', 'time limit of each call to a camera', nonNegativeNumber('--timeout'), 5)
    .option('--concurrency <n>', 'cameras worked on at once', positiveInt('--concurrency', 1024), 32)
    .option('--rtsp-port <port>', 'RTSP port to test', port, 554);
}

/** The flags a command's chain gives its action, as commander infers them. */
export type FlagsOf<F extends (...args: never[]) => { opts(): unknown }> = ReturnType<ReturnType<F>['opts']>;

// The groups' flags, each inferred from its own chain on a bare command (no arguments, no options yet).
type None = Record<never, never>;
type SelectionFlags = FlagsOf<typeof withSelection<[], None, None>>;
type AccessOptionFlags = FlagsOf<typeof withAccessOptions<[], None, None>>;
type LimitFlags = FlagsOf<typeof withLimits<[], None, None>>;
type OptionalGroupFlags = FlagsOf<typeof withPoint<[], None, None>> &
  FlagsOf<typeof withViews<[], None, None>> &
  FlagsOf<typeof withInterface<[], None, None>> &
  FlagsOf<typeof withDiscovery<[], None, None>>;

/** What the shared set-up reads: every reconciling command's flags, the groups not all of them take optional. */
export type ReconcileFlags = SelectionFlags & AccessOptionFlags & LimitFlags & Partial<OptionalGroupFlags>;

/**
 * Everything plan, apply, check and inventory adopt share, in --help order. Generic only in the command's
 * arguments: its options start empty, so each group's result is a concrete type (the slow shape is options
 * chained on a generic option type).
 */
export function withReconcileOptions<A extends unknown[]>(command: Command<A, None, None>) {
  return withLimits(withAccessOptions(withDiscovery(withInterface(withViews(withPoint(withSelection(command)))))));
}
