import { dirname, resolve } from 'node:path';
import type { FileChange } from '../inventory/editor.js';
import { writeChanges } from '../inventory/write-changes.js';
import { type ObserveSettings, planSelection, type ReconcileDeps } from '../reconcile/run.js';
import type { Selection } from '../reconcile/selection.js';
import { type QuestionContext, type SurveyDialogue, SurveyInterrupted } from './dialogue.js';
import { surveyChanges } from './edits.js';
import type { Decision, DeviceDecision, SurveySession } from './model.js';
import { surveyOverview } from './overview.js';
import { loadSession, removeSession, saveSession, sessionPath } from './session-file.js';
import { walkCamera } from './walk.js';
import { walkTargets } from './walk-targets.js';

export interface SurveySettings {
  observe: ObserveSettings;
  /** The street asked for: offered first when a street is asked. */
  street?: string;
}

export interface SurveyDeps extends ReconcileDeps {
  dialogue: SurveyDialogue;
}

/** How a survey ended. `sessionFile`: where the answers are kept for the next run. */
export type SurveyOutcome =
  | { kind: 'nothing-to-write' }
  | { kind: 'written'; changes: FileChange[] }
  | { kind: 'not-written'; sessionFile: string }
  | { kind: 'interrupted'; answers: number; sessionFile: string };

async function startOrResume(dialogue: SurveyDialogue, dir: string, now: Date): Promise<SurveySession> {
  const stored = await loadSession(dir, now);
  if (stored.kind === 'unreadable') dialogue.tell({ type: 'session-unreadable', reason: stored.reason, movedTo: stored.movedTo });
  if (stored.kind === 'session') {
    const previous = stored.session;
    if (await dialogue.resume(previous, previous.decisions.filter((d) => d.type !== 'walked').length)) return previous;
    await removeSession(dir);
    dialogue.tell({ type: 'restarting' });
  }
  return { formatVersion: 1, inventory: dir, startedAt: now.toISOString(), decisions: [] };
}

/**
 * A technician walks a residential group: discovers and observes, asks about each changed or unknown
 * camera, looks at each camera found (snapshot, reference view, preset, streams), then shows the inventory
 * changes and writes them. Every answer is kept in a session file at once, so an interruption loses nothing.
 */
export async function survey(selection: Selection, settings: SurveySettings, deps: SurveyDeps): Promise<SurveyOutcome> {
  const { dialogue } = deps;
  const dir = resolve(selection.dir);
  const today = deps.now().toISOString().slice(0, 10);
  let session: SurveySession | undefined;
  try {
    const kept = await startOrResume(dialogue, dir, deps.now());
    session = kept;
    const record = async (...decisions: Decision[]) => {
      kept.decisions.push(...decisions);
      await saveSession(kept);
    };

    dialogue.tell({ type: 'looking' });
    // The overview needs no views: each camera's view is looked at on the walk.
    const plan = await planSelection(selection, { ...settings.observe, views: false }, deps);
    const overview = surveyOverview(plan, selection.points);
    const answers = kept.decisions.filter((d): d is DeviceDecision => 'key' in d);
    dialogue.tell({ type: 'overview', overview, answers });

    const answered = new Set(answers.map((d) => d.key));
    const cases = [...overview.changed, ...overview.unknown].filter((c) => !answered.has(c.device.key));
    const ctx: QuestionContext = {
      sites: selection.sites,
      overview,
      takenIds: new Set([
        ...selection.all.map((p) => p.point.id),
        ...kept.decisions.flatMap((d) => (d.type === 'create' ? [d.point.id] : [])),
      ]),
      street: settings.street,
    };
    for (const [i, c] of cases.entries()) {
      dialogue.tell({ type: 'case', index: i + 1, total: cases.length, case: c });
      const site = plan.findings.find((f) => f.address === c.device.address)?.site ?? selection.sites[0]!.site.doc.id;
      await record(await dialogue.identify(c, ctx, site));
    }

    const walked = new Set(kept.decisions.flatMap((d) => (d.type === 'walked' ? [d.pointId] : [])));
    const confirmed = overview.confirmed.map((p) => p.pointId);
    const targets = (await walkTargets(selection, confirmed, kept.decisions, (profile) => deps.credentials.forProfile(profile))).filter(
      (t) => !walked.has(t.pointId),
    );
    if (targets.length && (await dialogue.walkAll(targets.length))) {
      const options = { timeoutMs: settings.observe.timeoutMs, today, now: deps.now, record, signal: deps.signal };
      for (const t of targets) await walkCamera(dialogue, t, options);
    }

    const changes = surveyChanges(selection.sites, kept.decisions, today);
    const snapshots = kept.decisions.filter((d) => d.type === 'snapshot');
    if (snapshots.length) dialogue.tell({ type: 'snapshots-saved', count: snapshots.length, folder: dirname(snapshots[0]!.file) });
    if (changes.length === 0) {
      await removeSession(dir);
      return { kind: 'nothing-to-write' };
    }
    dialogue.tell({ type: 'changes', changes });
    if (!(await dialogue.write(changes.length))) return { kind: 'not-written', sessionFile: sessionPath(dir) };
    await writeChanges(changes);
    await removeSession(dir);
    return { kind: 'written', changes };
  } catch (err) {
    if (!(err instanceof SurveyInterrupted || deps.signal?.aborted)) throw err;
    return { kind: 'interrupted', answers: session?.decisions.length ?? 0, sessionFile: sessionPath(dir) };
  }
}
