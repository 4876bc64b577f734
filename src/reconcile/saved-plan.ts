import pLimit from 'p-limit';
import { UserError } from '../errors.js';
import type { ApplyWork } from './apply.js';
import { describeAction } from './actions.js';
import { buildPlan } from './build-plan.js';
import { syncTimeAction } from './findings/settings.js';
import { fingerprintOf } from './fingerprint.js';
import { inventoryDigest } from './inventory-digest.js';
import type { FixAction, Observation, Plan } from './model.js';
import { observeOne } from './observe.js';
import type { ObserveSettings, ReconcileDeps } from './run.js';
import type { Selection } from './selection.js';
import { workOf } from './work.js';

/** JSON with sorted keys: two actions are the same when this is. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A saved plan is only a request: before anything is touched, apply checks that the inventory is the one
 * the plan was made from, that no camera changed since, and that every action in the file is one the
 * inventory produces now for that camera. A plan file edited by hand (a foreign DNS server, a preset
 * moved elsewhere) is refused whole. Returns the work to do.
 */
export async function verifySavedPlan(
  plan: Plan,
  selection: Selection,
  settings: ObserveSettings,
  deps: ReconcileDeps,
): Promise<ApplyWork[]> {
  const hint = "run 'camfleet plan --out FILE' again, review it, and apply the new plan";
  if (plan.inventoryDigest !== inventoryDigest(selection.dir, selection.sites)) {
    throw new UserError('the inventory changed since the plan was made (or the plan is not from it); nothing was changed', { hint });
  }
  const work = workOf(plan, selection);
  const limit = pLimit(settings.concurrency);
  const fresh = new Map<string, Observation>();
  await Promise.all(
    work.map((w) =>
      limit(async () => {
        const credentials = await deps.credentials.forProfile(w.point.credentialProfile);
        fresh.set(w.point.point.id, await observeOne(w.point, credentials, { timeoutMs: settings.timeoutMs, rtspPort: settings.rtspPort }));
      }),
    ),
  );
  const stale = work
    .filter((w) => fingerprintOf(fresh.get(w.point.point.id)!) !== plan.points.find((p) => p.pointId === w.point.point.id)?.fingerprint)
    .map((w) => w.point.point.id);
  if (stale.length) throw new UserError(`the plan is stale: ${stale.join(', ')} changed since it was made; nothing was changed`, { hint });

  const derived = buildPlan({
    inventory: selection.dir,
    inventoryDigest: plan.inventoryDigest,
    createdAt: plan.createdAt,
    points: work.map((w) => w.point),
    observations: fresh,
    devices: [],
    prune: plan.options.prune,
    home: plan.options.home,
  });
  const foreign: string[] = [];
  for (const w of work) {
    // The clock drifts by itself: a clock action is judged by its content, not by whether it is still due.
    const allowed = new Set(
      [
        ...derived.findings.filter((f) => f.pointId === w.point.point.id && f.action).map((f) => f.action as FixAction),
        syncTimeAction(w.point),
      ].map(canonical),
    );
    for (const action of w.actions) if (!allowed.has(canonical(action))) foreign.push(`${w.point.point.id}: ${describeAction(action)}`);
  }
  if (foreign.length) {
    throw new UserError(`the plan asks for changes the inventory does not produce (${foreign.join('; ')}); nothing was changed`, {
      hint: `a plan is made by 'camfleet plan --out FILE' and applied as it is; ${hint.replace('run', 'or run')}`,
    });
  }
  return work;
}
