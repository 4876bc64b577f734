import type { CheckReport } from '../reconcile/check-report.js';

/** The one state a card shows, most urgent first: what the people at the ward meeting act on. */
export const BADGES = [
  'unreachable',
  'auth-failed',
  'covered',
  'turned',
  'blurred',
  'not-recording',
  'drift',
  'attention',
  'warning',
  'ok',
] as const;
export type Badge = (typeof BADGES)[number];

export const BADGE_TEXT: Record<Badge, string> = {
  unreachable: 'unreachable',
  'auth-failed': 'auth failed',
  covered: 'covered',
  turned: 'turned',
  blurred: 'blurred',
  'not-recording': 'not recording',
  drift: 'drift',
  attention: 'needs a person',
  warning: 'warning',
  ok: 'ok',
};

type ReportPoint = Pick<CheckReport['points'][number], 'state' | 'view' | 'findings'>;

/** A point's badge: the camera's reachability first, then what it sees, records, and how it differs. */
export function badgeOf(p: ReportPoint): Badge {
  if (p.state === 'unreachable' || p.state === 'onvif-down') return 'unreachable';
  if (p.state === 'auth-failed') return 'auth-failed';
  if (p.view?.status === 'compared' && p.view.verdict !== 'ok') return p.view.verdict;
  const kinds = p.findings.map((f) => f.kind);
  if (p.findings.some((f) => f.topic === 'recording')) return 'not-recording';
  if (kinds.includes('fix')) return 'drift';
  if (kinds.includes('attention') || kinds.includes('missing') || kinds.includes('unknown')) return 'attention';
  if (kinds.includes('warning')) return 'warning';
  return 'ok';
}
