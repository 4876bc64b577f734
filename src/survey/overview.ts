import type { DiscoveredDevice } from '../discovery/model.js';
import type { DesiredPoint } from '../reconcile/desired.js';
import type { Plan } from '../reconcile/model.js';
import type { DeviceFacts, PointSummary, SurveyCase, SurveyOverview } from './model.js';

export const deviceKey = (d: { endpointReference: string | null; serialNumber: string | null; address: string }): string =>
  d.endpointReference?.toLowerCase() ?? (d.serialNumber ? `serial:${d.serialNumber.toUpperCase()}` : `address:${d.address}`);

export function factsOf(device: DiscoveredDevice): DeviceFacts {
  const { address, port, manufacturer, model, serialNumber, mac, endpointReference, name } = device;
  return { key: deviceKey(device), address, port, manufacturer, model, serialNumber, mac, endpointReference, name };
}

/**
 * Sorts what a plan saw into what a survey asks about: points confirmed, devices changed (moved, or
 * replaced at a point's address), points missing, and devices no point claims. Pure.
 */
export function surveyOverview(plan: Plan, points: DesiredPoint[]): SurveyOverview {
  const out: SurveyOverview = { confirmed: [], changed: [], missing: [], unknown: [] };
  const deviceAt = (address: string) => plan.devices.find((d) => d.address === address);
  for (const p of plan.points) {
    const d = points.find((x) => x.point.id === p.pointId);
    const summary: PointSummary = {
      site: p.site,
      street: p.street,
      pointId: p.pointId,
      label: d?.point.label ?? p.pointId,
      address: p.address,
    };
    const findings = plan.findings.filter((f) => f.pointId === p.pointId);
    const moved = findings.find((f) => f.topic === 'moved');
    const replaced = findings.find((f) => f.topic === 'identity');
    if (moved) {
      const device = deviceAt(moved.address);
      if (device) out.changed.push({ kind: 'moved', device: factsOf(device), pointId: p.pointId, from: p.address });
    } else if (replaced && p.observedIdentity) {
      const seen = p.observedIdentity;
      const discovered = deviceAt(p.address);
      const facts = {
        address: p.address,
        port: d?.endpoint.port ?? discovered?.port ?? null,
        manufacturer: seen.manufacturer,
        model: seen.model,
        serialNumber: seen.serialNumber,
        mac: seen.mac,
        endpointReference: discovered?.endpointReference ?? null,
        name: discovered?.name ?? null,
      };
      out.changed.push({ kind: 'replaced', device: { key: deviceKey(facts), ...facts }, pointId: p.pointId });
    } else if (p.state === 'ok') {
      out.confirmed.push(summary);
    } else {
      const why = findings.find((f) => f.kind === 'missing' || f.topic === 'auth');
      out.missing.push({ ...summary, reason: why?.message ?? p.state });
    }
  }
  for (const f of plan.findings.filter((f) => f.topic === 'unknown-device')) {
    const device = deviceAt(f.address);
    if (device) out.unknown.push({ kind: 'unknown', device: factsOf(device) } satisfies SurveyCase);
  }
  return out;
}
