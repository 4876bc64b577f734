import type { DesiredPoint } from '../desired.js';
import type { Finding, FixAction, Observation } from '../model.js';

/** What every topic's findings are made from: the desired point, what was seen, and a finding builder. */
export interface TopicInput {
  d: DesiredPoint;
  o: Observation;
  finding: (kind: Finding['kind'], topic: Finding['topic'], message: string, hint: string, action?: FixAction | null) => Finding;
}

/** The finding builder for one point: its site, street, address and place in the inventory filled in. */
export function findingsFor(d: DesiredPoint): TopicInput['finding'] {
  const base = { site: d.site, street: d.street.id, pointId: d.point.id, address: d.address, file: d.file, line: d.line };
  return (kind, topic, message, hint, action = null) => ({ ...base, kind, topic, message, hint, action });
}
