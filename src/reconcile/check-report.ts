import type { Diagnostic } from '../inventory/diagnostics.js';
import type { Finding, Plan, PlannedPoint } from './model.js';
import type { ViewObservation } from './view-read.js';

/** What a point is checked for, each reported on its own (one JUnit case each): the camera and its settings, its view, its recordings. */
export type CheckAspect = 'device' | 'view' | 'recording';

/** One aspect of a point: pass, fail (needs a person or a fix), warn (worth doing, not a failure), or skip (not looked at). */
export interface AspectResult {
  aspect: CheckAspect;
  status: 'pass' | 'fail' | 'warn' | 'skip';
  findings: Finding[];
  /** Why it was skipped. */
  note?: string;
}

const aspectOf = (f: Finding): CheckAspect => (f.topic === 'view' ? 'view' : f.topic === 'recording' ? 'recording' : 'device');

const NOT_LOOKED_AT = 'not looked at: the camera did not answer, or refused the credentials';

/**
 * A point's findings, aspect by aspect. A view or recording that was not looked at is skipped, never
 * passed; recording is skipped where the inventory requires none.
 */
export function aspectsOf(findings: Finding[], view: ViewObservation | null, recording: PlannedPoint['recording']): AspectResult[] {
  return (['device', 'view', 'recording'] as const).map((aspect): AspectResult => {
    const mine = findings.filter((f) => aspectOf(f) === aspect);
    if (aspect === 'view' && view === null && mine.length === 0) return { aspect, status: 'skip', findings: [], note: NOT_LOOKED_AT };
    if (aspect === 'recording' && mine.length === 0) {
      if (recording === null) return { aspect, status: 'skip', findings: [], note: 'not required by the inventory' };
      if (recording.verdict === null) return { aspect, status: 'skip', findings: [], note: NOT_LOOKED_AT };
    }
    const status = mine.some((f) => f.kind !== 'warning') ? 'fail' : mine.length ? 'warn' : 'pass';
    return { aspect, status, findings: mine };
  });
}

/** The CI report (schemas/report.schema.json): one entry per point, and the devices no point claims. */
export interface CheckReport {
  formatVersion: 1;
  inventory: string;
  shard: string | null;
  valid: boolean;
  healthy: boolean;
  diagnostics: Diagnostic[];
  points: {
    site: string;
    street: string;
    pointId: string;
    address: string;
    state: string;
    status: 'pass' | 'fail';
    findings: Finding[];
    /** The aspects checked, each with its own result. */
    checks: AspectResult[];
    /** The view check as observed (null when the camera could not be looked at). */
    view: ViewObservation | null;
    /** The recording check: required, and the verdict (null when not read); null when nothing is required. */
    recording: PlannedPoint['recording'];
  }[];
  unknownDevices: Finding[];
  summary: {
    points: number;
    passed: number;
    failed: number;
    fix: number;
    attention: number;
    missing: number;
    unknown: number;
    warning: number;
  };
}

/** The report of a check: the validation's diagnostics and, when the inventory was valid, the plan per point. */
export function checkReport(inventory: string, shard: string | null, diagnostics: Diagnostic[], plan: Plan | null): CheckReport {
  const valid = !diagnostics.some((d) => d.severity === 'error');
  const points = (plan?.points ?? []).map((p) => {
    const findings = plan!.findings.filter((f) => f.pointId === p.pointId);
    const checks = aspectsOf(findings, p.view, p.recording);
    return {
      site: p.site,
      street: p.street,
      pointId: p.pointId,
      address: p.address,
      state: p.state,
      status: checks.some((c) => c.status === 'fail') ? ('fail' as const) : ('pass' as const),
      findings,
      checks,
      view: p.view,
      recording: p.recording,
    };
  });
  const unknownDevices = (plan?.findings ?? []).filter((f) => f.pointId === null);
  const s = plan?.summary ?? { fix: 0, attention: 0, missing: 0, unknown: 0, warning: 0 };
  const failed = points.filter((p) => p.status === 'fail').length;
  return {
    formatVersion: 1,
    inventory,
    shard,
    valid,
    healthy: plan === null ? false : valid && plan.findings.every((f) => f.kind === 'warning'),
    diagnostics,
    points,
    unknownDevices,
    summary: { points: points.length, passed: points.length - failed, failed, ...s },
  };
}
