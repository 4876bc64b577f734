import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ptzProfile, roundedPosition, setPresetByName } from '../device/ptz-ops.js';
import { type CameraSession, openSession } from '../device/session.js';
import { takeSnapshot } from '../device/snapshot.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { displayPath } from '../inventory/diagnostics.js';
import type { StreamSpec } from '../inventory/model.js';
import { getProfiles } from '../onvif/media.js';
import * as ptz from '../onvif/ptz.js';
import { encoderChangeFor, profileFor } from '../reconcile/encoder-change.js';
import { referenceFile, referencePicture } from '../view/reference.js';
import { type StreamComparison, type SurveyDialogue, SurveyInterrupted } from './dialogue.js';
import type { Decision } from './model.js';
import type { WalkTarget } from './walk-targets.js';

export interface WalkOptions {
  timeoutMs: number;
  /** The day's folder name for snapshots (YYYY-MM-DD). */
  today: string;
  now: () => Date;
  /** Keeps a result in the session at once. */
  record: (d: Decision) => Promise<void>;
  signal?: AbortSignal;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** What the camera streams, against what its street asks for: one comparison per profile asked for. */
export async function compareStreams(session: CameraSession, streams: StreamSpec[]): Promise<StreamComparison[]> {
  if (streams.length === 0) return [];
  const profiles = await getProfiles(session.client);
  return streams.map((spec): StreamComparison => {
    const encoder = profileFor(profiles, spec)?.encoder;
    if (!encoder) return { profile: spec.profile, status: 'absent', has: profiles.map((p) => p.name) };
    const change = encoderChangeFor(encoder, spec);
    if (change) return { profile: spec.profile, status: 'differs', differences: change.differences };
    return {
      profile: spec.profile,
      status: 'as-asked',
      codec: encoder.codec,
      width: encoder.width,
      height: encoder.height,
      fps: encoder.fps,
    };
  });
}

/**
 * Looks at one camera with the technician: a snapshot for the record, its reference view, where it points
 * saved as a preset, and its streams against the street's. Each result is recorded as soon as it is had. A
 * camera that cannot be reached, or fails one task, is reported and the walk goes on.
 */
export async function walkCamera(dialogue: SurveyDialogue, t: WalkTarget, options: WalkOptions): Promise<void> {
  let session: CameraSession;
  try {
    session = await openSession(t.endpoint, t.credentials, { timeoutMs: options.timeoutMs });
  } catch (err) {
    dialogue.tell({ type: 'unreachable', pointId: t.pointId, reason: message(err) });
    await options.record({ type: 'walked', pointId: t.pointId });
    return;
  }
  const tasks = await dialogue.walkTasks(t, session.ptz);
  const attempt = async (what: string, task: () => Promise<void>) => {
    try {
      await task();
    } catch (err) {
      if (err instanceof SurveyInterrupted || options.signal?.aborted) throw err;
      dialogue.tell({ type: 'task-failed', pointId: t.pointId, what, reason: message(err) });
    }
  };
  if (tasks.includes('snapshot'))
    await attempt('the snapshot', async () => {
      const shot = await takeSnapshot(session, undefined, options.timeoutMs);
      const folder = join(t.siteDir, 'survey', options.today);
      await mkdir(folder, { recursive: true });
      const file = join(folder, `${t.pointId}.${shot.extension}`);
      await writeFile(file, shot.image.body);
      dialogue.tell({ type: 'snapshot', file: displayPath(file), bytes: shot.image.body.length });
      await options.record({ type: 'snapshot', pointId: t.pointId, file: displayPath(file) });
    });
  if (tasks.includes('view'))
    await attempt('the reference view', async () => {
      const shot = await takeSnapshot(session, undefined, options.timeoutMs);
      const picture = await referencePicture(shot.image.body);
      const file = referenceFile(t.pointId, undefined, 'day');
      await mkdir(join(t.siteDir, 'views'), { recursive: true });
      await writeFileAtomic(join(t.siteDir, file), picture.jpeg);
      dialogue.tell({ type: 'reference-view', file, width: picture.width, height: picture.height, bytes: picture.jpeg.length });
      const takenAt = options
        .now()
        .toISOString()
        .replace(/\.\d+Z$/, 'Z');
      await options.record({ type: 'view', pointId: t.pointId, view: { file, takenAt, resolution: picture.resolution, light: 'day' } });
    });
  if (tasks.includes('preset'))
    await attempt('recording the preset', async () => {
      const name = (await dialogue.presetName(t.presetNames[0] ?? 'road')).trim();
      const profile = await ptzProfile(session, 'GetStatus');
      const position = roundedPosition((await ptz.getStatus(session.client, profile)).position);
      dialogue.tell({ type: 'position', position });
      if (await dialogue.savePresetOnCamera(name)) {
        const saved = await setPresetByName(session, profile, name);
        dialogue.tell({ type: 'preset-saved', name: saved.name, outcome: saved.outcome });
      }
      await options.record({ type: 'preset', pointId: t.pointId, name, position });
    });
  if (tasks.includes('streams'))
    await attempt('the stream check', async () =>
      dialogue.tell({ type: 'streams', comparisons: await compareStreams(session, t.streams) }),
    );
  await options.record({ type: 'walked', pointId: t.pointId });
}
