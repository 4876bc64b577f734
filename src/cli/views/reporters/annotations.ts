import type { CheckReport } from '../../../reconcile/check-report.js';
import { SYMBOL } from '../symbols.js';

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
        `::${f.kind === 'warning' ? 'warning' : 'error'} ${where}title=${escapeProperty(`${p.pointId}: ${f.topic}`)}::${escapeData(`${SYMBOL[f.kind]} ${f.message}. ${f.hint}`)}`,
      );
    }
  }
  for (const f of r.unknownDevices)
    out.push(`::warning title=${escapeProperty(`unknown device ${f.address}`)}::${escapeData(`${f.message}. ${f.hint}`)}`);
  return out;
}
