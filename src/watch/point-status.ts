import type { DesiredPoint } from '../reconcile/desired.js';
import type { Observation } from '../reconcile/model.js';
import { pointFindings } from '../reconcile/build-plan.js';
import { recordingVerdictOf } from '../reconcile/findings/recording.js';
import { type Badge, badgeOf } from '../report/badge.js';

/** What the watch knows of one point after a check: what it logs changes of, and what the metrics show. */
export interface PointStatus {
  up: boolean;
  badge: Badge;
  /** Why, in a few words (the first problem's message), or null when all is well. */
  detail: string | null;
  /** The view's structure score against its reference (0..1), when compared. */
  viewScore: number | null;
  skewSeconds: number | null;
  recordingDays: number | null;
  /** Reads that failed in this check. */
  failedReads: number;
}

/** The status of a point from one observation: the same findings as check, the same badge as the report. */
export function statusOf(d: DesiredPoint, o: Observation): PointStatus {
  const findings = pointFindings(d, o, { devices: [], prune: false });
  const badge = badgeOf({ state: o.state, view: o.view, findings });
  const problem = findings.find((f) => f.kind !== 'warning') ?? findings[0];
  const recording = recordingVerdictOf(d, o);
  return {
    up: o.state === 'ok',
    badge,
    detail: problem ? problem.message : null,
    viewScore: o.view?.status === 'compared' ? o.view.scores.structure : null,
    skewSeconds: o.clock?.skewSeconds ?? null,
    recordingDays: recording?.daysKept ?? null,
    failedReads: o.failedReads.length,
  };
}
