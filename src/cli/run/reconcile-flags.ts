/**
 * The flags of the reconciling commands: commander's inference from each command's chain of options
 * (src/cli/options/), so that a flag added, renamed or given a default changes the type the action reads.
 */
export type { AdoptFlags } from '../options/adopt.js';
export type { ReconcileFlags } from '../options/groups.js';
export type { ReaimFlags } from '../options/reaim.js';
export type { ApplyFlags, CheckFlags, PlanFlags } from '../options/reconcile.js';
