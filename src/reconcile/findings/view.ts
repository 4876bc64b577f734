import type { Finding } from '../model.js';
import type { TopicInput } from './context.js';

const HINTS: Record<string, string> = {
  turned: 'go on site and re-aim it; if it was re-aimed on purpose, take a new reference with',
  covered: 'go on site and uncover the lens (a bag, paint, a board); then check again with',
  blurred: 'go on site to clean, dry or refocus the lens; then check again with',
};

const scoreText = (s: { structure: number; layout: number; detail: number; blocked: number }): string =>
  `structure ${s.structure.toFixed(2)}, layout ${s.layout.toFixed(2)}, detail ${s.detail.toFixed(2)}, blocked ${s.blocked.toFixed(2)}`;

/** What the view check found: a changed view needs a person; no reference is a warning with the command to take one. */
export function viewFindings({ d, o, finding }: TopicInput): Finding[] {
  const v = o.view;
  if (!v) return [];
  const record = `camfleet view record --point ${d.point.id}`;
  switch (v.status) {
    case 'compared': {
      if (v.verdict === 'ok') return [];
      const at = v.preset ? ` at preset '${v.preset}'` : '';
      const again =
        v.verdict === 'turned' ? `'${record}${v.preset ? ` --preset ${v.preset}` : ''}'` : `'camfleet check --point ${d.point.id}'`;
      return [
        finding(
          'attention',
          'view',
          `view ${v.verdict}${at}: ${v.reason} (${scoreText(v.scores)}; against ${v.reference})`,
          `${HINTS[v.verdict]} ${again}`,
        ),
      ];
    }
    case 'no-reference':
      return [finding('warning', 'view', 'no reference view: what this camera should see is not recorded', `take one with '${record}'`)];
    case 'not-at-preset':
      return [
        finding(
          'warning',
          'view',
          'view not compared: the head is at no preset that has a reference view (a check does not move it)',
          `take a reference at its current preset with '${record} --preset NAME', or send it home with 'camfleet ptz reaim'`,
        ),
      ];
    case 'snapshot-failed':
      return [
        finding(
          'attention',
          'view',
          `view not checked: the snapshot failed (${v.reason})`,
          `look at it with 'camfleet snapshot ${d.address}'`,
        ),
      ];
    case 'reference-unreadable':
      return [
        finding(
          'attention',
          'view',
          `view not checked: the reference ${v.reference} cannot be read (${v.reason})`,
          `take it again with '${record}'`,
        ),
      ];
  }
}
