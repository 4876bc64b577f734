import type { CheckReport } from '../../../reconcile/check-report.js';
import type { Finding } from '../../../reconcile/model.js';
import { xmlEscape as x } from '../../../xml/escape.js';
import { SYMBOL } from '../symbols.js';

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
