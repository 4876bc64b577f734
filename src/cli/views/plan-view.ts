import { describeAction } from '../../reconcile/actions.js';
import type { ApplyWork } from '../../reconcile/apply.js';
import type { ApplyReport, Plan } from '../../reconcile/model.js';
import { counted } from '../../text/counted.js';
import { displayText } from '../../text/display.js';
import type { Cli } from '../context.js';
import { SYMBOL, summaryLine } from './symbols.js';

const COLOR = { fix: 'yellow', attention: 'red', missing: 'red', unknown: 'cyan', warning: 'yellow' } as const;
const STATUS = { verified: 'green', done: 'green', failed: 'red', skipped: 'yellow' } as const;

/** Terraform-style: findings grouped by street, then devices no point claims, then the summary line. */
export function renderPlanText(cli: Cli, plan: Plan): void {
  const lines: string[] = [];
  const streets = [...new Set(plan.points.map((p) => `${p.site}/${p.street}`))];
  for (const key of streets) {
    const [site, street] = key.split('/') as [string, string];
    const findings = plan.findings.filter((f) => f.site === site && f.street === street && f.topic !== 'moved');
    if (findings.length === 0) continue;
    lines.push(cli.paint('bold', `${street} (${site})`));
    for (const f of findings)
      lines.push(
        `  ${cli.paint(COLOR[f.kind], SYMBOL[f.kind])} ${cli.paint('bold', f.pointId ?? f.address)}: ${displayText(f.message, 400)}`,
      );
    lines.push('');
  }
  const others = plan.findings.filter((f) => f.kind === 'unknown');
  if (others.length) {
    lines.push(cli.paint('bold', 'On the network'));
    for (const f of others) {
      const text = f.topic === 'moved' ? `${cli.paint('bold', f.pointId!)}: ${f.message}; ${f.hint}` : f.message;
      lines.push(`  ${cli.paint(COLOR.unknown, '+')} ${displayText(text, 400)}`);
    }
    lines.push('');
  }
  if (plan.findings.length === 0)
    lines.push(cli.paint('green', `No changes: ${counted(plan.points.length, 'point')} match the inventory.`));
  lines.push(cli.paint('bold', summaryLine(plan.summary)));
  cli.out(lines.join('\n'));
}

function renderApplyText(cli: Cli, report: ApplyReport): void {
  const lines: string[] = [];
  for (const p of report.points) {
    lines.push(`${cli.paint(STATUS[p.status], p.status.padEnd(8))} ${cli.paint('bold', p.pointId)} (${p.address})`);
    for (const a of p.actions)
      lines.push(
        `  ${cli.paint(STATUS[a.status], a.status.padEnd(8))} ${a.description}${a.detail ? `: ${displayText(a.detail, 400)}` : ''}`,
      );
  }
  const s = report.summary;
  if (report.interrupted)
    lines.push(cli.paint(['bold', 'yellow'], '\nInterrupted: cameras under way finished; the skipped ones were not changed.'));
  lines.push(
    cli.paint('bold', `\nApply: ${s.verified} verified, ${s.done} done (not readable back), ${s.failed} failed, ${s.skipped} skipped.`),
  );
  cli.out(lines.join('\n'));
}

/** What plan, apply and reaim show: for a person, or as JSON documents with --json. */
export interface PlanView {
  plan(plan: Plan): void;
  /** The plan apply made before it asks (only shown to a person). */
  planBeforeApply(plan: Plan): void;
  work(what: string, work: ApplyWork[]): void;
  nothingToApply(): void;
  apply(report: ApplyReport): void;
}

export function planView(cli: Cli): PlanView {
  if (cli.json) {
    return {
      plan: (plan) => cli.out(JSON.stringify(plan)),
      planBeforeApply: () => undefined,
      work: () => undefined,
      nothingToApply: () =>
        cli.out(
          JSON.stringify({ formatVersion: 1, interrupted: false, points: [], summary: { verified: 0, done: 0, failed: 0, skipped: 0 } }),
        ),
      apply: (report) => cli.out(JSON.stringify(report)),
    };
  }
  return {
    plan: (plan) => renderPlanText(cli, plan),
    planBeforeApply: (plan) => renderPlanText(cli, plan),
    work: (what, work) => {
      const count = work.reduce((n, w) => n + w.actions.length, 0);
      cli.info(`${what}: ${counted(count, 'change')} on ${counted(work.length, 'camera')}`);
      for (const w of work) for (const a of w.actions) cli.info(`  ~ ${w.point.point.id}: ${describeAction(a)}`);
    },
    nothingToApply: () => cli.out('Nothing to apply.'),
    apply: (report) => renderApplyText(cli, report),
  };
}
