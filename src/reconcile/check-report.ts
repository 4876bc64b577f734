import type { Diagnostic } from '../inventory/diagnostics.js';
import type { Finding, Plan } from './model.js';

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
  }[];
  unknownDevices: Finding[];
  summary: { points: number; passed: number; failed: number; fix: number; attention: number; missing: number; unknown: number };
}

/** The report of a check: the validation's diagnostics and, when the inventory was valid, the plan per point. */
export function checkReport(inventory: string, shard: string | null, diagnostics: Diagnostic[], plan: Plan | null): CheckReport {
  const valid = !diagnostics.some((d) => d.severity === 'error');
  const points = (plan?.points ?? []).map((p) => {
    const findings = plan!.findings.filter((f) => f.pointId === p.pointId);
    return {
      site: p.site,
      street: p.street,
      pointId: p.pointId,
      address: p.address,
      state: p.state,
      status: findings.length ? ('fail' as const) : ('pass' as const),
      findings,
    };
  });
  const unknownDevices = (plan?.findings ?? []).filter((f) => f.pointId === null);
  const s = plan?.summary ?? { fix: 0, attention: 0, missing: 0, unknown: 0 };
  const failed = points.filter((p) => p.status === 'fail').length;
  return {
    formatVersion: 1,
    inventory,
    shard,
    valid,
    healthy: valid && plan !== null && plan.findings.length === 0,
    diagnostics,
    points,
    unknownDevices,
    summary: { points: points.length, passed: points.length - failed, failed, ...s },
  };
}
