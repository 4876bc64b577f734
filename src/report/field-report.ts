import type { SiteInventory } from '../inventory/model.js';
import type { CheckReport } from '../reconcile/check-report.js';
import type { DesiredPoint } from '../reconcile/desired.js';
import type { Plan } from '../reconcile/model.js';
import { BADGE_TEXT, BADGES, type Badge, badgeOf } from './badge.js';
import { type PlanMarker, streetPlanSvg } from './street-plan.js';

/** One point's card: what people at the ward meeting look at and act on. Plain data; images by relative path. */
export interface ReportCard {
  id: string;
  label: string;
  site: string;
  street: string;
  owner: string;
  address: string;
  identity: string | null;
  badge: Badge;
  badgeText: string;
  /** What differs or is wrong, one line each. */
  lines: string[];
  /** The one next step: a command, or what to do on site. */
  nextStep: string;
  view: string | null;
  recording: string | null;
  current: string | null;
  reference: string | null;
}

export interface FieldReport {
  title: string;
  subtitle: string;
  checkedAt: string;
  counts: { badge: Badge; text: string; count: number }[];
  streets: { key: string; name: string; cards: ReportCard[] }[];
  /** The street plan (inline SVG), or null when no point has coordinates. */
  plan: string | null;
  unknownDevices: { address: string; message: string }[];
}

export interface FieldReportInput {
  report: CheckReport;
  plan: Plan | null;
  points: DesiredPoint[];
  sites: SiteInventory[];
  checkedAt: string;
  /** Per point, the relative paths of its thumbnails (now, and its reference view). */
  images: Map<string, { current?: string; reference?: string }>;
}

const VIEW_TEXT: Record<string, string> = {
  'no-reference': 'no reference view yet',
  'not-at-preset': 'not at a preset with a reference',
};

/** Builds the report's data from a check: points with problems first, by urgency, then by street order. */
export function fieldReport(input: FieldReportInput): FieldReport {
  const desired = new Map(input.points.map((d) => [d.point.id, d]));
  const observed = new Map((input.plan?.points ?? []).map((p) => [p.pointId, p.observedIdentity]));
  const cards = input.report.points.map((p): ReportCard => {
    const d = desired.get(p.pointId);
    const badge = badgeOf(p);
    const problems = p.findings.filter((f) => f.kind !== 'warning');
    const id = observed.get(p.pointId) ?? d?.point.device.identity;
    const v = p.view;
    return {
      id: p.pointId,
      label: d?.point.label ?? p.pointId,
      site: p.site,
      street: d?.street.name ?? p.street,
      owner: d?.point.owner ?? '',
      address: p.address,
      identity: id ? [id.manufacturer, id.model, id.serialNumber && `serial ${id.serialNumber}`].filter(Boolean).join(' ') : null,
      badge,
      badgeText: BADGE_TEXT[badge],
      lines: p.findings.map((f) => f.message),
      nextStep: (problems[0] ?? p.findings[0])?.hint ?? 'nothing to do',
      view:
        v === null
          ? null
          : v.status === 'compared'
            ? `view ${v.verdict}${v.preset ? ` at preset '${v.preset}'` : ''}`
            : (VIEW_TEXT[v.status] ?? `view not compared (${v.status})`),
      recording: p.recording ? (p.recording.verdict?.message ?? 'recording not read') : null,
      current: input.images.get(p.pointId)?.current ?? null,
      reference: input.images.get(p.pointId)?.reference ?? null,
    };
  });
  const order = (c: ReportCard) => BADGES.indexOf(c.badge);
  // Points with problems first, most urgent first, whatever their street; then the others street by street.
  const problem = (c: ReportCard) => c.badge !== 'ok' && c.badge !== 'warning';
  const streets = new Map<string, { key: string; name: string; cards: ReportCard[] }>();
  const attention = cards.filter(problem).sort((a, b) => order(a) - order(b));
  if (attention.length) streets.set('attention', { key: 'attention', name: 'Needs attention', cards: attention });
  for (const c of cards.filter((c) => !problem(c)).sort((a, b) => order(a) - order(b))) {
    const key = `${c.site}/${c.street}`;
    if (!streets.has(key)) streets.set(key, { key, name: c.street, cards: [] });
    streets.get(key)!.cards.push(c);
  }
  const markers: PlanMarker[] = input.report.points.flatMap((p) => {
    const loc = desired.get(p.pointId)?.point.location;
    if (loc?.latitude === undefined || loc.longitude === undefined) return [];
    const card = cards.find((c) => c.id === p.pointId)!;
    return [
      {
        id: p.pointId,
        label: card.label,
        latitude: loc.latitude,
        longitude: loc.longitude,
        facing: desired.get(p.pointId)?.point.facing ?? null,
        badge: card.badge,
      },
    ];
  });
  const siteDocs = input.sites.map((s) => s.site.doc);
  const title = siteDocs.map((s) => s.name).join(' · ') || 'camfleet field report';
  return {
    title,
    subtitle: siteDocs.map((s) => [s.residentialGroup, s.ward, s.district].filter(Boolean).join(', ')).join(' · '),
    checkedAt: input.checkedAt,
    counts: BADGES.map((badge) => ({ badge, text: BADGE_TEXT[badge], count: cards.filter((c) => c.badge === badge).length })).filter(
      (c) => c.count > 0,
    ),
    streets: [...streets.values()],
    plan: streetPlanSvg(markers, `Street plan of ${title}`),
    unknownDevices: input.report.unknownDevices.map((f) => ({ address: f.address, message: f.message })),
  };
}
