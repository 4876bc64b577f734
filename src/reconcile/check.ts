import { validateInventory } from '../inventory/validate.js';
import { type CheckReport, checkReport } from './check-report.js';
import type { Plan } from './model.js';
import type { Selection } from './selection.js';
import { type ObserveSettings, planSelection, type ReconcileDeps } from './run.js';
import { inShard, type SelectionFilter, selectPoints } from './selection.js';

export interface CheckRequest {
  dir: string;
  filter?: SelectionFilter;
  /** Check only shard I of N (deterministic), for parallel CI jobs; written as text in the report. */
  shard?: { index: number; count: number; text: string };
}

export interface CheckOutcome {
  report: CheckReport;
  /** The plan behind the report; null when the inventory is invalid. */
  plan: Plan | null;
  /** The points checked and their sites (what the HTML report describes); null when the inventory is invalid. */
  selection: Selection | null;
}

/**
 * The CI check: validate the inventory, then plan read-only (health, drift, reads), and report per point.
 * An invalid inventory gives a report that says so and no plan; the caller decides how to end.
 */
export async function runCheck(request: CheckRequest, settings: ObserveSettings, deps: ReconcileDeps): Promise<CheckOutcome> {
  const shardText = request.shard?.text ?? null;
  const validation = await validateInventory(request.dir);
  const diagnostics = validation.flatMap((v) => v.diagnostics);
  if (validation.some((v) => !v.inventory))
    return { report: checkReport(request.dir, shardText, diagnostics, null), plan: null, selection: null };
  const selection = selectPoints(
    request.dir,
    validation.map((v) => v.inventory!),
    request.filter ?? {},
    settings.access,
  );
  const sharded = { ...selection, points: inShard(selection.points, request.shard) };
  // Only the first shard looks for unknown devices, so that they are reported once.
  const plan = await planSelection(sharded, settings, deps, {
    discovery: settings.discovery && (!request.shard || request.shard.index === 1),
  });
  return { report: checkReport(request.dir, shardText, diagnostics, plan), plan, selection: sharded };
}
