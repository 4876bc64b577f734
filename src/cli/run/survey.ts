import { dirname, resolve } from 'node:path';
import { localInterfaces, selectInterfaces } from '../../discovery/interfaces.js';
import { UserError } from '../../errors.js';
import { displayPath } from '../../inventory/diagnostics.js';
import { surveyChanges } from '../../survey/edits.js';
import type { Decision, SurveySession } from '../../survey/model.js';
import { surveyOverview } from '../../survey/overview.js';
import { loadSession, removeSession, saveSession, sessionPath } from '../../survey/session-file.js';
import type { Cli } from '../context.js';
import { credentialResolver } from '../credentials.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { describeAnswer, describeCase, renderOverview } from '../views/survey-view.js';
import { inventoryChangesView, inventoryPatches, renderPatches } from '../views/inventory-changes-view.js';
import { writeChanges } from './inventory-changes.js';
import { planSelection } from '../../reconcile/run.js';
import { depsOf, loadSelection, settingsOf } from './reconcile-setup.js';
import type { ReconcileFlags } from './reconcile-flags.js';
import { askCase, asker, type Ask, type QuestionContext } from './survey-questions.js';
import { walkCamera } from './survey-walk.js';
import { walkTargets } from '../../survey/walk-targets.js';
import { counted } from '../../text/counted.js';

export interface SurveyFlags extends ReconcileFlags {
  range?: string[];
  /** false with --no-multicast. */
  multicast?: boolean;
}

export const NON_INTERACTIVE_HINT =
  "without a terminal, the same steps are: 'camfleet inventory adopt' (moved cameras and identities; --assign ADDRESS=POINT, --into STREET for new points, --ignore ADDRESS for devices that are not ours), " +
  "'camfleet ptz preset set STREET/POINT NAME --record', 'camfleet snapshot STREET/POINT -o FILE', and 'camfleet plan' for stream settings";

/** A person stopped the survey: Ctrl-C at a question, or SIGINT while camfleet was working. */
const isInterrupt = (err: unknown, signal: AbortSignal): boolean =>
  signal.aborted || (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError'));

async function startOrResume(ask: Ask, cli: Cli, dir: string, now: Date): Promise<SurveySession> {
  const stored = await loadSession(dir, now);
  if (stored.kind === 'unreadable')
    cli.warn(`The interrupted survey's session file ${stored.reason}; it was kept as ${stored.movedTo}. Starting a new survey.`);
  const previous = stored.kind === 'session' ? stored.session : undefined;
  if (previous) {
    const answers = previous.decisions.filter((d) => d.type !== 'walked').length;
    const resume = await ask.confirm({
      message: `A survey started ${previous.startedAt.slice(0, 16).replace('T', ' ')} UTC was interrupted with ${counted(answers, 'answer')}. Continue it?`,
      default: true,
    });
    if (resume) return previous;
    await removeSession(dir);
    cli.info('Starting a new survey; the interrupted one is discarded.');
  }
  return { formatVersion: 1, inventory: dir, startedAt: now.toISOString(), decisions: [] };
}

/**
 * `camfleet survey`: a technician walks a residential group. Discovers and observes, asks about each
 * changed or unknown camera, looks at each camera found (snapshot, preset, streams), then shows the
 * inventory diff and writes it. Every answer is kept in a session file at once, so Ctrl-C loses nothing.
 */
export async function runSurvey(cli: Cli, flags: SurveyFlags, clock: { now: () => Date } = { now: () => new Date() }): Promise<ExitCode> {
  if (!cli.interactive) {
    throw new UserError(`survey asks questions, and ${cli.json ? 'with --json' : 'without a terminal'} there is nobody to answer them`, {
      hint: NON_INTERACTIVE_HINT,
    });
  }
  const selection = await loadSelection({ ...flags, point: undefined });
  const dir = resolve(selection.dir);
  const ask = asker(await import('@inquirer/prompts'), cli.signal);
  const today = clock.now().toISOString().slice(0, 10);
  let session: SurveySession | undefined;
  try {
    session = await startOrResume(ask, cli, dir, clock.now());
    const kept = session;
    const record = async (...decisions: Decision[]) => {
      kept.decisions.push(...decisions);
      await saveSession(kept);
    };

    cli.info('Looking at the network and the cameras of the inventory…');
    // As `camfleet discover`: multicast through every up IPv4 interface unless told which, or none.
    const interfaces = flags.multicast === false ? [] : selectInterfaces(flags.interface, localInterfaces());
    // The overview needs no views: each camera's view is looked at on the walk.
    const plan = await planSelection(
      selection,
      { ...settingsOf(flags), interfaces, ranges: flags.range, views: false },
      await depsOf(cli, flags),
    );
    const overview = surveyOverview(plan, selection.points);
    const answered = new Map(kept.decisions.flatMap((d) => ('key' in d ? [[d.key, describeAnswer(d) ?? 'answered'] as const] : [])));
    renderOverview(cli, overview, answered);

    const cases = [...overview.changed, ...overview.unknown].filter((c) => !answered.has(c.device.key));
    const ctx: QuestionContext = {
      sites: selection.sites,
      overview,
      takenIds: new Set([
        ...selection.all.map((p) => p.point.id),
        ...kept.decisions.flatMap((d) => (d.type === 'create' ? [d.point.id] : [])),
      ]),
      street: flags.street,
    };
    for (const [i, c] of cases.entries()) {
      cli.out(`\n[${i + 1}/${cases.length}] ${describeCase(c)}`);
      await record(
        await askCase(ask, ctx, c, plan.findings.find((f) => f.address === c.device.address)?.site ?? selection.sites[0]!.site.doc.id),
      );
    }

    const walked = new Set(kept.decisions.flatMap((d) => (d.type === 'walked' ? [d.pointId] : [])));
    const credentials = await credentialResolver(cli, flags);
    const confirmed = overview.confirmed.map((p) => p.pointId);
    const targets = (await walkTargets(selection, confirmed, kept.decisions, (profile) => credentials.forProfile(profile))).filter(
      (t) => !walked.has(t.pointId),
    );
    if (
      targets.length &&
      (await ask.confirm({
        message: `Look at the ${counted(targets.length, 'camera')} found, one by one (snapshot, preset, streams)?`,
        default: true,
      }))
    ) {
      for (const t of targets) await walkCamera(cli, ask, t, { timeoutMs: flags.timeout * 1000, today, now: clock.now, record });
    }

    const changes = surveyChanges(selection.sites, kept.decisions, today);
    const snapshots = kept.decisions.filter((d) => d.type === 'snapshot');
    if (snapshots.length) cli.info(`${counted(snapshots.length, 'snapshot')} saved in ${dirname(snapshots[0]!.file)}.`);
    if (changes.length === 0) {
      cli.out('\nThe inventory already says all this: nothing to write.');
      await removeSession(dir);
      return Exit.Ok;
    }
    cli.out('');
    renderPatches(cli, inventoryPatches(changes));
    if (!(await ask.confirm({ message: `Write these changes to ${counted(changes.length, 'inventory file')}?`, default: true }))) {
      cli.info(`Nothing was written; your answers are kept in ${displayPath(sessionPath(dir))}: run 'camfleet survey' again to continue.`);
      return Exit.Findings;
    }
    await writeChanges(changes);
    inventoryChangesView(cli).written(changes);
    await removeSession(dir);
    cli.info("Review the change with 'git diff', then commit it.");
    return Exit.Ok;
  } catch (err) {
    if (!isInterrupt(err, cli.signal)) throw err;
    const answers = session?.decisions.length ?? 0;
    cli.warn(
      `\nSurvey interrupted. ${answers ? `${counted(answers, 'answer')} kept in ${displayPath(sessionPath(dir))}; run 'camfleet survey' again to continue.` : 'Nothing was kept.'}`,
    );
    return Exit.Findings;
  }
}
