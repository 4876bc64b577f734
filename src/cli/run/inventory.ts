import { UserError } from '../../errors.js';
import { formatInventory } from '../../inventory/format-files.js';
import { defaultInventoryDir, loadInventory } from '../../inventory/load.js';
import { resolvePoints } from '../../inventory/resolve.js';
import { validateInventory } from '../../inventory/validate.js';
import type { Cli } from '../context.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { renderFormat, renderPoints, renderValidation, type PointRow } from '../views/inventory-view.js';

export async function runValidate(cli: Cli, dir: string | undefined, strict: boolean): Promise<ExitCode> {
  const results = await validateInventory(dir ?? (await defaultInventoryDir()));
  const diagnostics = results.flatMap((r) => r.diagnostics);
  const failing = diagnostics.filter((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
  renderValidation(cli, diagnostics, failing.length === 0, results.length);
  return failing.length === 0 ? Exit.Ok : Exit.Usage;
}

export async function runFormat(cli: Cli, dir: string | undefined, check: boolean): Promise<ExitCode> {
  const target = dir ?? (await defaultInventoryDir());
  const outcomes = await formatInventory(target, check);
  if (outcomes.length === 0) throw new UserError(`no inventory files under ${target}`, { hint: 'pass the folder that holds site.json' });
  renderFormat(cli, outcomes, check);
  if (outcomes.some((o) => o.status === 'skipped')) return Exit.Usage;
  return check && outcomes.some((o) => o.status === 'changed') ? Exit.Findings : Exit.Ok;
}

export async function runList(cli: Cli, dir: string | undefined, street: string | undefined): Promise<ExitCode> {
  const sites = await loadInventory(dir ?? (await defaultInventoryDir()));
  const rows: PointRow[] = sites.flatMap((site) =>
    resolvePoints(site, { street }).map(({ point, street: s }) => ({
      site: site.site.doc.id,
      street: s.id,
      id: point.id,
      label: point.label,
      owner: point.owner,
      watches: point.watches ?? null,
      address: point.device.address,
      serialNumber: point.device.identity?.serialNumber ?? null,
      presets: (point.ptz?.presets ?? []).map((p) => p.name),
    })),
  );
  if (street && rows.length === 0) {
    const known = sites.flatMap((s) => s.streets.map((f) => f.doc.id));
    throw new UserError(`no street '${street}' in the inventory`, { hint: `known streets: ${known.join(', ')}` });
  }
  renderPoints(cli, rows);
  return Exit.Ok;
}
