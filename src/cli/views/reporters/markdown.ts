import type { CheckReport } from '../../../reconcile/check-report.js';
import { counted } from '../../../text/counted.js';
import { SYMBOL } from '../symbols.js';

/** Text inside a markdown table cell: a `|` would end the cell. */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** A markdown summary for CI job pages. */
export function markdownSummary(r: CheckReport): string {
  const s = r.summary;
  const lines = [
    `## camfleet check${r.shard ? ` (shard ${r.shard})` : ''}: ${r.healthy ? '✅ healthy' : r.valid ? '❌ problems found' : '❌ invalid inventory'}`,
    '',
  ];
  if (!r.valid) {
    lines.push('| file | line | JSON path | problem |', '|---|---|---|---|');
    for (const d of r.diagnostics.filter((d) => d.severity === 'error'))
      lines.push(`| ${d.file} | ${d.line} | \`${d.pointer || '/'}\` | ${cell(d.message)} |`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `${s.points} points: ${s.passed} healthy, ${s.failed} with problems. ${s.fix} to fix, ${s.attention} need attention, ${s.missing} missing, ${counted(s.unknown, 'unknown device')}${s.warning ? `, ${counted(s.warning, 'warning')}` : ''}.`,
    '',
  );
  // Points with problems first, then those with warnings only.
  const failing = [...r.points.filter((p) => p.status === 'fail'), ...r.points.filter((p) => p.status === 'pass' && p.findings.length)];
  if (failing.length || r.unknownDevices.length) {
    lines.push('| point | street | address | finding | what to do |', '|---|---|---|---|---|');
    for (const p of failing)
      for (const f of p.findings)
        lines.push(`| ${p.pointId} | ${p.street} | ${f.address} | ${SYMBOL[f.kind]} ${cell(f.message)} | ${cell(f.hint)} |`);
    for (const f of r.unknownDevices) lines.push(`| – | – | ${f.address} | + ${cell(f.message)} | ${cell(f.hint)} |`);
  }
  return `${lines.join('\n')}\n`;
}
