import { isIPv4 } from 'node:net';
import { UserError } from '../../errors.js';
import { displayPath } from '../../inventory/diagnostics.js';
import type { Owner } from '../../inventory/model.js';
import { describeAction } from '../../reconcile/actions.js';
import { adoptChanges } from '../../reconcile/adopt.js';
import { applyWork, type ApplyWork } from '../../reconcile/apply.js';
import { DEFAULT_TOLERANCE } from '../../reconcile/diff.js';
import type { Plan } from '../../reconcile/model.js';
import { readPlan, writePlan } from '../../reconcile/plan-file.js';
import { confirmChange } from '../confirm.js';
import type { Cli } from '../context.js';
import { credentialResolver } from '../credentials.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { progressLine } from '../progress.js';
import { renderApply, renderPlan } from '../views/plan-view.js';
import { inventoryPatches, renderPatches, writeChanges } from './inventory-changes.js';
import { makePlan, select, type Selection } from './reconcile-context.js';
import type { AdoptFlags, ApplyFlags, PlanFlags, ReaimFlags } from './reconcile-flags.js';
import { counted } from '../../text/counted.js';

export async function runPlan(cli: Cli, flags: PlanFlags): Promise<ExitCode> {
  const plan = await makePlan(cli, flags, await select(flags), { prune: flags.prune });
  if (flags.out) {
    await writePlan(flags.out, plan);
    cli.info(`Plan saved to ${flags.out}; apply it with 'camfleet apply ${flags.out}'.`);
  }
  renderPlan(cli, plan);
  return plan.findings.length ? Exit.Findings : Exit.Ok;
}

/** Groups a plan's fixable findings into one unit of work per camera. */
function workOf(plan: Plan, selection: Selection, fingerprints: boolean): ApplyWork[] {
  const work = new Map<string, ApplyWork>();
  for (const f of plan.findings) {
    if (f.kind !== 'fix' || !f.action || !f.pointId) continue;
    const point = selection.points.find((p) => p.point.id === f.pointId);
    if (!point)
      throw new UserError(`the plan names point '${f.pointId}', which the inventory does not have`, {
        hint: 'make a new plan from the current inventory',
      });
    const entry = work.get(f.pointId) ?? {
      point,
      actions: [],
      fingerprint: fingerprints ? (plan.points.find((p) => p.pointId === f.pointId)?.fingerprint ?? null) : undefined,
    };
    entry.actions.push(f.action);
    work.set(f.pointId, entry);
  }
  return [...work.values()];
}

async function execute(
  cli: Cli,
  work: ApplyWork[],
  flags: ApplyFlags | ReaimFlags,
  checkFingerprints: boolean,
  what: string,
): Promise<ExitCode> {
  if (work.length === 0) {
    cli.out('Nothing to apply.');
    return Exit.Ok;
  }
  const count = work.reduce((n, w) => n + w.actions.length, 0);
  if (!cli.json) {
    cli.info(`${what}: ${counted(count, 'change')} on ${counted(work.length, 'camera')}`);
    for (const w of work) for (const a of w.actions) cli.info(`  ~ ${w.point.point.id}: ${describeAction(a)}`);
  }
  if (
    !(await confirmChange(
      cli,
      flags.yes,
      `Apply ${counted(count, 'change')} to ${counted(work.length, 'camera')}?`,
      `${what} changes ${counted(work.length, 'camera')}`,
    ))
  ) {
    cli.info('Nothing was changed.');
    return Exit.Ok;
  }
  const progress = progressLine(cli);
  const report = await applyWork(work, {
    concurrency: flags.concurrency,
    timeoutMs: flags.timeout * 1000,
    rtspPort: flags.rtspPort,
    credentials: await credentialResolver(cli, flags),
    checkFingerprints,
    signal: cli.signal,
    onPoint: (_o, done, total) => progress.update(`applying… ${done}/${total} cameras`),
  });
  progress.done();
  renderApply(cli, report);
  return report.interrupted || report.summary.failed > 0 ? Exit.Findings : Exit.Ok;
}

export async function runApply(cli: Cli, planPath: string | undefined, flags: ApplyFlags): Promise<ExitCode> {
  if (planPath) {
    const plan = await readPlan(planPath);
    const selection = await select({ ...flags, street: undefined, point: undefined }, flags.inventory ?? plan.inventory);
    return execute(cli, workOf(plan, selection, true), flags, true, `Applying ${planPath}`);
  }
  const selection = await select(flags);
  const plan = await makePlan(cli, flags, selection, { prune: flags.prune, home: flags.home });
  if (!cli.json) renderPlan(cli, plan);
  return execute(cli, workOf(plan, selection, false), flags, false, 'Apply');
}

/** `camfleet ptz reaim`: every PTZ camera of a street to a preset, or the inventory's presets saved on them. */
export async function runReaim(cli: Cli, flags: ReaimFlags): Promise<ExitCode> {
  if (!flags.street) throw new UserError('reaim needs --street', { hint: 'e.g. camfleet ptz reaim --street ngo-8 --preset road' });
  if (Boolean(flags.preset) === Boolean(flags.save))
    throw new UserError('give either --preset NAME (go there) or --save (store the inventory presets)');
  const selection = await select(flags);
  const work: ApplyWork[] = selection.points
    // --preset goes to the cameras whose inventory lists that preset; --save to every PTZ point with presets.
    .filter((d) => (flags.save ? d.point.ptz?.presets?.length : d.point.ptz?.presets?.some((p) => p.name === flags.preset)))
    .map((d) => {
      const presets = d.point.ptz!.presets!;
      const actions = flags.save
        ? presets.map((p) => ({
            type: 'set-preset' as const,
            name: p.name,
            position: { pan: p.pan, tilt: p.tilt, zoom: p.zoom },
            tolerance: p.tolerance ?? DEFAULT_TOLERANCE,
            token: null,
          }))
        : presets
            .filter((p) => p.name === flags.preset)
            .map((p) => ({
              type: 'goto-preset' as const,
              name: p.name,
              position: { pan: p.pan, tilt: p.tilt, zoom: p.zoom },
              tolerance: p.tolerance ?? DEFAULT_TOLERANCE,
            }));
      return { point: d, actions, fingerprint: undefined };
    });
  if (work.length === 0)
    throw new UserError(
      flags.save
        ? `no PTZ point with presets on street '${flags.street}'`
        : `no point on street '${flags.street}' lists a preset '${flags.preset}'`,
    );
  return execute(cli, work, flags, false, flags.save ? 'Re-saving presets' : `Re-aiming to '${flags.preset}'`);
}

/** `--assign ADDRESS=POINT` and `--ignore ADDRESS[=NOTE]`, as maps. */
function addressPairs(flag: string, values: string[] | undefined, valueRequired: boolean): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const v of values ?? []) {
    const at = v.indexOf('=');
    const address = at === -1 ? v : v.slice(0, at);
    const value = at === -1 ? undefined : v.slice(at + 1);
    if (!isIPv4(address) || (valueRequired && !value)) {
      throw new UserError(`${flag} '${v}' is not ${valueRequired ? 'ADDRESS=POINT' : 'ADDRESS or ADDRESS=NOTE'}`, {
        hint: valueRequired ? 'e.g. --assign 192.168.1.50=tx2-gate-parking' : "e.g. --ignore 192.168.1.77='the shop opposite'",
      });
    }
    out.set(address, value);
  }
  return out;
}

/** `camfleet inventory adopt`: writes observed facts back into the inventory, after showing the diff. */
export async function runAdopt(cli: Cli, planPath: string | undefined, flags: AdoptFlags): Promise<ExitCode> {
  const assign = addressPairs('--assign', flags.assign, true) as Map<string, string>;
  const ignore = addressPairs('--ignore', flags.ignore, false);
  const plan = planPath ? await readPlan(planPath) : undefined;
  const selection = await select(
    planPath ? { ...flags, street: undefined, point: undefined } : flags,
    plan ? (flags.inventory ?? plan.inventory) : undefined,
  );
  const source = plan ?? (await makePlan(cli, flags, selection));
  const { changes, notes } = adoptChanges(source, selection.sites, {
    street: flags.into,
    owner: flags.owner as Owner,
    assign,
    ignore,
    today: new Date().toISOString().slice(0, 10),
  });
  for (const n of notes) cli.info(n);
  if (changes.length === 0) {
    cli.out('Nothing to adopt: the inventory already says what the network shows.');
    return Exit.Ok;
  }
  const patches = inventoryPatches(changes);
  if (cli.json)
    cli.out(
      JSON.stringify({
        formatVersion: 1,
        files: changes.map((c) => ({ file: displayPath(c.path), changes: c.notes })),
        diff: patches.join(''),
      }),
    );
  else renderPatches(cli, patches);
  if (
    !(await confirmChange(
      cli,
      flags.yes,
      `Write these changes to ${counted(changes.length, 'file')}?`,
      `adopt rewrites ${counted(changes.length, 'inventory file')}`,
    ))
  ) {
    cli.info('Nothing was written.');
    return Exit.Ok;
  }
  await writeChanges(cli, changes);
  return Exit.Ok;
}
