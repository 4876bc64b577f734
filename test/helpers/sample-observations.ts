import { Secret } from '../../src/credentials/secret.js';
import { loadInventory } from '../../src/inventory/load.js';
import type { DesiredPoint } from '../../src/reconcile/desired.js';
import type { Observation } from '../../src/reconcile/model.js';
import { observeOne } from '../../src/reconcile/observe.js';
import { referencesOf } from '../../src/reconcile/run.js';
import { selectPoints } from '../../src/reconcile/selection.js';
import type { ReconcileEnv } from './reconcile-env.js';

/**
 * Real observations of the sample site's points on its simulator (every one matching its inventory): the
 * baseline table-driven tests of the pure core change one thing in.
 */
export async function observeSample(
  env: ReconcileEnv,
  filter: { street?: string; points?: string[] } = {},
): Promise<{ points: DesiredPoint[]; observed: Map<string, Observation> }> {
  const selection = selectPoints(env.site, await loadInventory(env.site), { street: filter.street });
  const points = selection.points.filter((d) => !filter.points || filter.points.includes(d.point.id));
  const credentials = { username: 'admin', password: new Secret('camfleet'), source: 'test' };
  const references = referencesOf(selection);
  const observed = new Map<string, Observation>();
  for (const d of points)
    observed.set(
      d.point.id,
      await observeOne(d, credentials, { timeoutMs: 5000, rtspPort: env.fleet.camera(d.point.id).info().rtspPort, references }),
    );
  return { points, observed };
}

/** What the view check reports of a covered lens. */
export const COVERED_VIEW: Observation['view'] = {
  status: 'compared',
  verdict: 'covered',
  reason: 'dark',
  scores: { structure: 0.1, layout: 0.1, detail: 0.1, blocked: 0.9 },
  reference: 'views/x.jpg',
  preset: null,
} as Observation['view'];
