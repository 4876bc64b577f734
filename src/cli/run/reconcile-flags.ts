import type { applyCommand, checkCommand, planCommand } from '../commands/reconcile.js';
import type { adoptCommand } from '../commands/inventory.js';
import type { reaimCommand } from '../commands/device.js';
import type { FlagsOf } from '../reconcile-options.js';

/**
 * The flags of the reconciling commands: commander's inference from each command's chain of options, so that
 * a flag added, renamed or given a default changes the type the action reads (one definition of each).
 */
export type { ReconcileFlags } from '../reconcile-options.js';
export type PlanFlags = FlagsOf<typeof planCommand>;
export type ApplyFlags = FlagsOf<typeof applyCommand>;
export type CheckFlags = FlagsOf<typeof checkCommand>;
export type ReaimFlags = FlagsOf<typeof reaimCommand>;
export type AdoptFlags = FlagsOf<typeof adoptCommand>;
