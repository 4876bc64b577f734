import type { AspectResult, CheckReport } from '../../../reconcile/check-report.js';
import type { Finding } from '../../../reconcile/model.js';
import { xmlEscape as x } from '../../../xml/escape.js';
import { SYMBOL } from '../symbols.js';

const line = (f: Finding): string => `${SYMBOL[f.kind]} ${f.message}. ${f.hint}`;

/** One test case: passed, failed (why and what to do), or skipped with a warning. */
function testcase(classname: string, name: string, check: Pick<AspectResult, 'status' | 'findings' | 'note'>): string {
  const first = check.findings[0];
  const attrs = `classname="${x(classname)}" name="${x(name)}"${first?.file ? ` file="${x(first.file)}" line="${first.line}"` : ''}`;
  const summary = x(check.findings.map((f) => `${SYMBOL[f.kind]} ${f.message}`).join('; '));
  const body = x(check.findings.map(line).join('\n'));
  if (check.status === 'pass') return `    <testcase ${attrs}/>`;
  if (check.status === 'skip') return `    <testcase ${attrs}><skipped message="${x(check.note ?? 'not checked')}"/></testcase>`;
  if (check.status === 'warn') return `    <testcase ${attrs}><skipped message="${summary}"/><system-out>${body}</system-out></testcase>`;
  return `    <testcase ${attrs}><failure message="${summary}">${body}</failure></testcase>`;
}

/**
 * JUnit XML: per point one test case for the camera and its settings and one for its view (each failure
 * says why and what to do; a warning is a skipped case), and one per unknown device.
 */
export function junitXml(r: CheckReport): string {
  const suites = new Map<string, CheckReport['points']>();
  for (const p of r.points) suites.set(`${p.site}/${p.street}`, [...(suites.get(`${p.site}/${p.street}`) ?? []), p]);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const cases = r.points.reduce((n, p) => n + p.checks.length, 0);
  const failedCases = r.points.reduce((n, p) => n + p.checks.filter((c) => c.status === 'fail').length, 0);
  const tests = cases + r.unknownDevices.length + (r.valid ? 0 : 1);
  const failures = failedCases + r.unknownDevices.length + (r.valid ? 0 : 1);
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
    const checks = points.flatMap((p) => p.checks);
    const classname = name.replace('/', '.');
    out.push(`  <testsuite name="${x(name)}" tests="${checks.length}" failures="${checks.filter((c) => c.status === 'fail').length}">`);
    for (const p of points)
      for (const c of p.checks) out.push(testcase(classname, c.aspect === 'device' ? p.pointId : `${p.pointId} ${c.aspect}`, c));
    out.push('  </testsuite>');
  }
  if (r.unknownDevices.length) {
    out.push(`  <testsuite name="unknown devices" tests="${r.unknownDevices.length}" failures="${r.unknownDevices.length}">`);
    for (const f of r.unknownDevices) out.push(testcase('unknown', f.address, { status: 'fail', findings: [f] }));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
