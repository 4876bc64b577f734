import type { Diagnostic } from '../../inventory/diagnostics.js';
import type { FormatOutcome } from '../../inventory/format-files.js';
import type { Cli } from '../context.js';
import { renderTable } from './table.js';
import { counted } from '../../text/counted.js';

/** Compiler-style diagnostics, or the JSON document `inventory validate --json` promises. */
export function renderValidation(cli: Cli, diagnostics: Diagnostic[], valid: boolean, sites: number): void {
  if (cli.json) {
    cli.out(JSON.stringify({ formatVersion: 1, valid, diagnostics }));
    return;
  }
  for (const d of diagnostics) {
    const severity = d.severity === 'error' ? cli.paint(['bold', 'red'], 'error') : cli.paint(['bold', 'yellow'], 'warning');
    const where = d.pointer ? ` (${d.pointer})` : '';
    cli.out(
      `${cli.paint('bold', `${d.file}:${d.line}:${d.column}`)}: ${severity}: ${d.message}${where}\n  ${cli.paint('dim', `hint: ${d.hint}`)}`,
    );
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const summary = `${counted(sites, 'site')} checked: ${counted(errors, 'error')}, ${counted(warnings, 'warning')}`;
  cli.out(valid ? cli.paint('green', `${summary}. The inventory is valid.`) : summary);
}

export function renderFormat(cli: Cli, outcomes: FormatOutcome[], check: boolean): void {
  const changed = outcomes.filter((o) => o.status === 'changed');
  const skipped = outcomes.filter((o) => o.status === 'skipped');
  if (cli.json) {
    cli.out(JSON.stringify({ formatVersion: 1, check, files: outcomes }));
    return;
  }
  for (const o of changed) cli.out(check ? `${o.file}: not canonical` : `${o.file}: formatted`);
  for (const o of skipped) cli.warn(`${o.file}: skipped, ${o.reason} (run 'camfleet inventory validate' for details)`);
  if (changed.length === 0 && skipped.length === 0) cli.info(`${outcomes.length} files already canonical.`);
  else if (check && changed.length > 0)
    cli.info(`\n${counted(changed.length, 'file')} would change; run 'camfleet inventory fmt' to format them.`);
}

export interface PointRow {
  site: string;
  street: string;
  id: string;
  label: string;
  owner: string;
  watches: string | null;
  address: string;
  serialNumber: string | null;
  presets: string[];
}

export function renderPoints(cli: Cli, rows: PointRow[]): void {
  if (cli.json) {
    cli.out(JSON.stringify({ formatVersion: 1, points: rows }));
    return;
  }
  const table = rows.map((r) => [r.site, r.street, r.id, r.owner, r.watches ?? '', r.address, r.presets.join(',') || '-', r.label]);
  cli.out(renderTable(['SITE', 'STREET', 'POINT', 'OWNER', 'WATCHES', 'ADDRESS', 'PRESETS', 'LABEL'], table, (s) => cli.paint('bold', s)));
  cli.info(counted(rows.length, 'point'));
}
