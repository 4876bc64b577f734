import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ptzProfile, setPresetByName } from '../../device/ptz-ops.js';
import { openSession } from '../../device/session.js';
import { takeSnapshot } from '../../device/snapshot.js';
import { displayPath } from '../../inventory/diagnostics.js';
import type { StreamSpec } from '../../inventory/model.js';
import { getProfiles } from '../../onvif/media.js';
import * as ptz from '../../onvif/ptz.js';
import { encoderChangeFor, profileFor } from '../../reconcile/encoder-change.js';
import type { Decision } from '../../survey/model.js';
import { writeFileAtomic } from '../../fs/atomic-write.js';
import { referenceFile, referencePicture } from '../../view/reference.js';
import type { Cli } from '../context.js';
import { roundedPosition } from '../../device/ptz-ops.js';
import type { WalkTarget } from '../../survey/walk-targets.js';
import type { Ask } from './survey-questions.js';

/** A camera to look at on the walk: a confirmed point, or one the survey just assigned or created. */

type Task = 'snapshot' | 'view' | 'preset' | 'streams';

/** What the camera streams, against what its street asks for: one line per profile. */
async function streamCheck(cli: Cli, session: Awaited<ReturnType<typeof openSession>>, streams: StreamSpec[]): Promise<void> {
  if (streams.length === 0) {
    cli.out('  streams: the inventory asks for no stream settings here');
    return;
  }
  const profiles = await getProfiles(session.client);
  for (const spec of streams) {
    const encoder = profileFor(profiles, spec)?.encoder;
    const change = encoder && encoderChangeFor(encoder, spec);
    if (!encoder) cli.out(`  ${spec.profile}: the camera has no such profile (it has ${profiles.map((p) => p.name).join(', ') || 'none'})`);
    else if (change) cli.out(`  ${spec.profile}: ${change.differences.join(', ')}; 'camfleet apply' sets it once the inventory is written`);
    else cli.out(`  ${spec.profile}: as the street asks (${encoder.codec} ${encoder.width}x${encoder.height} ${encoder.fps} fps)`);
  }
}

/**
 * Looks at one camera with the technician: a snapshot for the record, where it points saved as a preset,
 * and its streams against the street's. Each result is recorded as soon as it is had. A camera that cannot
 * be reached is reported and passed over.
 */
export async function walkCamera(
  cli: Cli,
  ask: Ask,
  t: WalkTarget,
  options: { timeoutMs: number; today: string; now: () => Date; record: (d: Decision) => Promise<void> },
): Promise<void> {
  let session;
  try {
    session = await openSession(t.endpoint, t.credentials, { timeoutMs: options.timeoutMs });
  } catch (err) {
    cli.warn(`${t.pointId}: cannot look at it now (${err instanceof Error ? err.message : String(err)})`);
    await options.record({ type: 'walked', pointId: t.pointId });
    return;
  }
  const tasks = await ask.checkbox<Task>({
    message: `${t.pointId} (${t.label}, ${t.endpoint.host}): what to do?`,
    choices: [
      { name: 'Save a snapshot for the record', value: 'snapshot', checked: true },
      { name: 'Record what it sees as its reference view (check compares with it)', value: 'view' },
      ...(session.ptz ? [{ name: 'Record where it points now as a preset', value: 'preset' as const }] : []),
      { name: "Check its streams against the street's settings", value: 'streams', checked: true },
    ],
  });
  // A camera that fails one task (a refused snapshot URL, say) is reported; the survey goes on.
  const attempt = async (what: string, task: () => Promise<void>) => {
    try {
      await task();
    } catch (err) {
      if (err instanceof Error && /Exit|Abort/.test(err.name)) throw err;
      cli.warn(`${t.pointId}: ${what} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  if (tasks.includes('snapshot'))
    await attempt('the snapshot', async () => {
      const shot = await takeSnapshot(session, undefined, options.timeoutMs);
      const folder = join(t.siteDir, 'survey', options.today);
      await mkdir(folder, { recursive: true });
      const file = join(folder, `${t.pointId}.${shot.extension}`);
      await writeFile(file, shot.image.body);
      cli.out(`  snapshot: ${displayPath(file)} (${Math.round(shot.image.body.length / 1024)} KB)`);
      await options.record({ type: 'snapshot', pointId: t.pointId, file: displayPath(file) });
    });
  if (tasks.includes('view'))
    await attempt('the reference view', async () => {
      const shot = await takeSnapshot(session, undefined, options.timeoutMs);
      const picture = await referencePicture(shot.image.body);
      const file = referenceFile(t.pointId, undefined, 'day');
      await mkdir(join(t.siteDir, 'views'), { recursive: true });
      await writeFileAtomic(join(t.siteDir, file), picture.jpeg);
      cli.out(`  reference view: ${file} (${picture.width}x${picture.height}, ${Math.round(picture.jpeg.length / 1024)} KB)`);
      const takenAt = options
        .now()
        .toISOString()
        .replace(/\.\d+Z$/, 'Z');
      await options.record({ type: 'view', pointId: t.pointId, view: { file, takenAt, resolution: picture.resolution, light: 'day' } });
    });
  if (tasks.includes('preset'))
    await attempt('recording the preset', async () => {
      const name = await ask.input({
        message: 'Preset name:',
        default: t.presetNames[0] ?? 'road',
        validate: (v) => (v.trim() && v.length <= 64 ? true : 'a name of up to 64 characters'),
      });
      const profile = await ptzProfile(session, 'GetStatus');
      const position = roundedPosition((await ptz.getStatus(session.client, profile)).position);
      cli.out(`  it points at pan ${position.pan} tilt ${position.tilt} zoom ${position.zoom}`);
      if (await ask.confirm({ message: `Also save it on the camera as '${name.trim()}'?`, default: true })) {
        const saved = await setPresetByName(session, profile, name.trim());
        cli.out(`  preset '${saved.name}' ${saved.outcome} on the camera`);
      }
      await options.record({ type: 'preset', pointId: t.pointId, name: name.trim(), position });
    });
  if (tasks.includes('streams')) await attempt('the stream check', () => streamCheck(cli, session, t.streams));
  await options.record({ type: 'walked', pointId: t.pointId });
}
