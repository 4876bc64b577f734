import pLimit from 'p-limit';
import type { ReferenceLoader } from '../view/reference.js';
import type { CredentialResolver } from '../credentials/resolve.js';
import { openSession } from '../device/session.js';
import { byExecutionOrder, describeAction, executeAction } from './actions.js';
import type { DesiredPoint } from './desired.js';
import type { ActionOutcome, ApplyReport, FixAction, PointOutcome } from './model.js';
import { observeOne } from './observe.js';
import { verifyAction } from './verify.js';
import { droppedByInterrupt } from '../reach/ping.js';

export interface ApplyWork {
  point: DesiredPoint;
  actions: FixAction[];
}

export interface ApplyOptions {
  concurrency: number;
  timeoutMs: number;
  rtspPort: number;
  credentials: CredentialResolver;
  /** The reference views, to verify the view where a goto or a preset leaves the head. */
  references?: ReferenceLoader;
  signal?: AbortSignal;
  onPoint?: (outcome: PointOutcome, done: number, total: number) => void;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Carries out one camera's actions, then reads the camera again and verifies each. */
async function applyPoint(w: ApplyWork, options: ApplyOptions): Promise<PointOutcome> {
  const d = w.point;
  const base = { site: d.site, street: d.street.id, pointId: d.point.id, address: d.address };
  const actions = [...w.actions].sort(byExecutionOrder);
  const outcomes: ActionOutcome[] = actions.map((a) => ({ type: a.type, description: describeAction(a), status: 'skipped', detail: null }));
  const credentials = await options.credentials.forProfile(d.credentialProfile);
  let session;
  try {
    // No abort signal: on Ctrl-C a camera under way finishes, so that no camera is left half-changed.
    session = await openSession(d.endpoint, credentials, { timeoutMs: options.timeoutMs, policy: d.policy });
  } catch (err) {
    for (const o of outcomes) Object.assign(o, { status: 'failed', detail: message(err) });
    return { ...base, status: 'failed', actions: outcomes };
  }
  const sent: boolean[] = [];
  for (const [i, action] of actions.entries()) {
    try {
      await executeAction(session, action);
      sent[i] = true;
    } catch (err) {
      Object.assign(outcomes[i]!, { status: 'failed', detail: message(err) });
    }
  }
  let after;
  try {
    after = await observeOne(d, credentials, { timeoutMs: options.timeoutMs, rtspPort: options.rtspPort, references: options.references });
  } catch (err) {
    after = undefined;
    for (const [i] of actions.entries())
      if (sent[i]) Object.assign(outcomes[i]!, { status: 'failed', detail: `could not be read back: ${message(err)}` });
  }
  if (after) {
    for (const [i, action] of actions.entries()) {
      if (!sent[i]) continue;
      const v = verifyAction(action, after, d.defaults.maxClockSkewSeconds);
      // Where the head went, its view is checked against the preset's reference: a camera that reaches the
      // right coordinates but sees the wrong thing (turned on its mount, covered) is not re-aimed.
      const view = after.view;
      const aimed = action.type === 'goto-preset' || action.type === 'set-preset';
      if (aimed && v.ok && view?.status === 'compared' && view.preset === action.name && view.verdict !== 'ok') {
        Object.assign(outcomes[i]!, { status: 'failed', detail: `at the preset, the view is ${view.verdict}: ${view.reason}` });
        continue;
      }
      Object.assign(outcomes[i]!, { status: v.ok === null ? 'done' : v.ok ? 'verified' : 'failed', detail: v.detail });
    }
  }
  const status = outcomes.some((o) => o.status === 'failed')
    ? 'failed'
    : outcomes.every((o) => o.status === 'verified')
      ? 'verified'
      : 'done';
  return { ...base, status, actions: outcomes };
}

/**
 * Applies fixes camera by camera, a bounded number at a time. On SIGINT (the signal) no new camera is
 * started; cameras under way finish; the report says what was and was not done. A camera that fails
 * (offline, refusing) is reported and the others go on.
 */
export async function applyWork(work: ApplyWork[], options: ApplyOptions): Promise<ApplyReport> {
  // Queued cameras are dropped on an interrupt: their promises reject, and they are reported as skipped.
  const limit = pLimit({ concurrency: options.concurrency, rejectOnClear: true });
  let interrupted = options.signal?.aborted ?? false;
  options.signal?.addEventListener('abort', () => {
    interrupted = true;
    limit.clearQueue();
  });
  let done = 0;
  const skipped = (w: ApplyWork): PointOutcome => ({
    site: w.point.site,
    street: w.point.street.id,
    pointId: w.point.point.id,
    address: w.point.address,
    status: 'skipped',
    actions: w.actions.map((a) => ({
      type: a.type,
      description: describeAction(a),
      status: 'skipped',
      detail: 'not started: interrupted',
    })),
  });
  const results = await Promise.all(
    work.map((w) =>
      limit(async () => {
        const outcome = interrupted ? skipped(w) : await applyPoint(w, options);
        options.onPoint?.(outcome, ++done, work.length);
        return outcome;
      }).catch((err: unknown) => droppedByInterrupt(err) ?? skipped(w)),
    ),
  );
  const points = results;
  const count = (s: PointOutcome['status']): number => points.filter((p) => p.status === s).length;
  return {
    formatVersion: 1,
    interrupted,
    points,
    summary: { verified: count('verified'), done: count('done'), failed: count('failed'), skipped: count('skipped') },
  };
}
