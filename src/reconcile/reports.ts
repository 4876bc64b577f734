import { xmlEscape as x } from '../xml/escape.js';
import type { Diagnostic } from '../inventory/diagnostics.js';
import { SYMBOL, type Finding, type Plan } from './model.js';
import { counted } from '../text/counted.js';

/** The CI report (schemas/report.schema.json): one entry per point, and the devices no point claims. */
export interface CheckReport {
  formatVersion: 1;
  inventory: string;
  shard: string | null;
  valid: boolean;
  healthy: boolean;
  diagnostics: Diagnostic[];
  points: { site: string; street: string; pointId: string; address: string; state: string; status: 'pass' | 'fail'; findings: Finding[] }[];
  unknownDevices: Finding[];
  summary: { points: number; passed: number; failed: number; fix: number; attention: number; missing: number; unknown: number };
}

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

const line = (f: Finding): string => `${SYMBOL[f.kind]} ${f.message}. ${f.hint}`;

/** JUnit XML: one test case per point (its failure says why and what to do), and one per unknown device. */
export function junitXml(r: CheckReport): string {
  const suites = new Map<string, CheckReport['points']>();
  for (const p of r.points) suites.set(`${p.site}/${p.street}`, [...(suites.get(`${p.site}/${p.street}`) ?? []), p]);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const tests = r.points.length + r.unknownDevices.length + (r.valid ? 0 : 1);
  const failures = r.summary.failed + r.unknownDevices.length + (r.valid ? 0 : 1);
  out.push(`<testsuites name="camfleet check" tests="${tests}" failures="${failures}">`);
  if (!r.valid) {
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    out.push(`  <testsuite name="inventory" tests="1" failures="1">`);
    out.push(
      `    <testcase classname="inventory" name="the inventory is valid"><failure message="${x(`${errors.length} error(s) in the inventory`)}">${x(errors.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message} at ${d.pointer || '/'} (hint: ${d.hint})`).join('\n'))}</failure></testcase>`,
    );
    out.push('  </testsuite>');
  }
  for (const [name, points] of suites) {
    out.push(`  <testsuite name="${x(name)}" tests="${points.length}" failures="${points.filter((p) => p.status === 'fail').length}">`);
    for (const p of points) {
      const file = p.findings[0]?.file;
      const attrs = `classname="${x(name.replace('/', '.'))}" name="${x(p.pointId)}"${file ? ` file="${x(file)}" line="${p.findings[0]!.line}"` : ''}`;
      if (p.status === 'pass') out.push(`    <testcase ${attrs}/>`);
      else
        out.push(
          `    <testcase ${attrs}><failure message="${x(p.findings.map((f) => `${SYMBOL[f.kind]} ${f.message}`).join('; '))}">${x(p.findings.map(line).join('\n'))}</failure></testcase>`,
        );
    }
    out.push('  </testsuite>');
  }
  if (r.unknownDevices.length) {
    out.push(`  <testsuite name="unknown devices" tests="${r.unknownDevices.length}" failures="${r.unknownDevices.length}">`);
    for (const f of r.unknownDevices)
      out.push(
        `    <testcase classname="unknown" name="${x(f.address)}"><failure message="${x(f.message)}">${x(line(f))}</failure></testcase>`,
      );
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

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
    `${s.points} points: ${s.passed} healthy, ${s.failed} with problems. ${s.fix} to fix, ${s.attention} need attention, ${s.missing} missing, ${counted(s.unknown, 'unknown device')}.`,
    '',
  );
  const failing = r.points.filter((p) => p.status === 'fail');
  if (failing.length || r.unknownDevices.length) {
    lines.push('| point | street | address | finding | what to do |', '|---|---|---|---|---|');
    for (const p of failing)
      for (const f of p.findings)
        lines.push(`| ${p.pointId} | ${p.street} | ${f.address} | ${SYMBOL[f.kind]} ${cell(f.message)} | ${cell(f.hint)} |`);
    for (const f of r.unknownDevices) lines.push(`| – | – | ${f.address} | + ${cell(f.message)} | ${cell(f.hint)} |`);
  }
  return `${lines.join('\n')}\n`;
}

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands pointing at the inventory line of each problem. */
export function githubAnnotations(r: CheckReport): string[] {
  const out: string[] = [];
  for (const d of r.diagnostics) {
    out.push(
      `::${d.severity === 'error' ? 'error' : 'warning'} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty('invalid inventory')}::${escapeData(`${d.message} (${d.hint})`)}`,
    );
  }
  for (const p of r.points) {
    for (const f of p.findings) {
      const where = f.file ? `file=${escapeProperty(f.file)},line=${f.line},` : '';
      out.push(
        `::error ${where}title=${escapeProperty(`${p.pointId}: ${f.topic}`)}::${escapeData(`${SYMBOL[f.kind]} ${f.message}. ${f.hint}`)}`,
      );
    }
  }
  for (const f of r.unknownDevices)
    out.push(`::warning title=${escapeProperty(`unknown device ${f.address}`)}::${escapeData(`${f.message}. ${f.hint}`)}`);
  return out;
}

/** Deterministic sharding: points sorted by site and id, every N-th from the I-th. */
export function inShard<T extends { site: string; point: { id: string } }>(
  points: T[],
  shard: { index: number; count: number } | undefined,
): T[] {
  if (!shard) return points;
  const sorted = [...points].sort((a, b) => `${a.site}/${a.point.id}`.localeCompare(`${b.site}/${b.point.id}`));
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}
