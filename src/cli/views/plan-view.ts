import type { ApplyReport, Plan } from '../../reconcile/model.js';
import { SYMBOL, summaryLine } from '../../reconcile/model.js';
import type { Cli } from '../context.js';
import { counted } from '../../text/counted.js';

const COLOR = { fix: 'yellow', attention: 'red', missing: 'red', unknown: 'cyan' } as const;

/** Terraform-style: findings grouped by street, then devices no point claims, then the summary line. */
export function renderPlan(cli: Cli, plan: Plan): void {
  if (cli.json) {
    cli.out(JSON.stringify(plan));
    return;
  }
  const lines: string[] = [];
  const streets = [...new Set(plan.points.map((p) => `${p.site}/${p.street}`))];
  for (const key of streets) {
    const [site, street] = key.split('/') as [string, string];
    const findings = plan.findings.filter((f) => f.site === site && f.street === street && f.topic !== 'moved');
    if (findings.length === 0) continue;
    lines.push(cli.paint('bold', `${street} (${site})`));
    for (const f of findings)
      lines.push(`  ${cli.paint(COLOR[f.kind], SYMBOL[f.kind])} ${cli.paint('bold', f.pointId ?? f.address)}: ${f.message}`);
    lines.push('');
  }
  const others = plan.findings.filter((f) => f.kind === 'unknown');
  if (others.length) {
    lines.push(cli.paint('bold', 'On the network'));
    for (const f of others)
      lines.push(
        `  ${cli.paint(COLOR.unknown, '+')} ${f.topic === 'moved' ? `${cli.paint('bold', f.pointId!)}: ${f.message}; ${f.hint}` : f.message}`,
      );
    lines.push('');
  }
  if (plan.findings.length === 0)
    lines.push(cli.paint('green', `No changes: ${counted(plan.points.length, 'point')} match the inventory.`));
  lines.push(cli.paint('bold', summaryLine(plan.summary)));
  cli.out(lines.join('\n'));
}

const STATUS = { verified: 'green', done: 'green', failed: 'red', skipped: 'yellow' } as const;

export function renderApply(cli: Cli, report: ApplyReport): void {
  if (cli.json) {
    cli.out(JSON.stringify(report));
    return;
  }
  const lines: string[] = [];
  for (const p of report.points) {
    lines.push(`${cli.paint(STATUS[p.status], p.status.padEnd(8))} ${cli.paint('bold', p.pointId)} (${p.address})`);
    for (const a of p.actions)
      lines.push(`  ${cli.paint(STATUS[a.status], a.status.padEnd(8))} ${a.description}${a.detail ? `: ${a.detail}` : ''}`);
  }
  const s = report.summary;
  if (report.interrupted)
    lines.push(cli.paint(['bold', 'yellow'], '\nInterrupted: cameras under way finished; the skipped ones were not changed.'));
  lines.push(
    cli.paint('bold', `\nApply: ${s.verified} verified, ${s.done} done (not readable back), ${s.failed} failed, ${s.skipped} skipped.`),
  );
  cli.out(lines.join('\n'));
}
