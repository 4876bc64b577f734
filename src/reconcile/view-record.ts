import { mkdir } from 'node:fs/promises';
import pLimit from 'p-limit';
import { dirname, join } from 'node:path';
import type { CredentialResolver } from '../credentials/resolve.js';
import { move, ptzProfile, requirePreset, waitIdle } from '../device/ptz-ops.js';
import { openSession } from '../device/session.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { InventoryEditor, type FileChange } from '../inventory/editor.js';
import { writeInventoryFiles } from '../inventory/writer.js';
import type { SiteInventory } from '../inventory/model.js';
import * as ptz from '../onvif/ptz.js';
import { displayText } from '../text/display.js';
import { getProfiles } from '../onvif/media.js';
import { referenceFile, type ReferencePicture, referencePicture } from '../view/reference.js';
import type { DesiredPoint } from './desired.js';
import { fetchSnapshot } from './view-read.js';

/** One reference picture taken: where it goes, and the picture (or why it could not be taken). */
export interface Capture {
  site: string;
  pointId: string;
  preset: string | undefined;
  light: 'day' | 'night';
  /** Relative to the site folder. */
  file: string;
  /** Absolute path of the file. */
  path: string;
  picture: ReferencePicture | undefined;
  replaces: boolean;
  error: string | undefined;
}

export interface RecordOptions {
  /** Only this preset (else a PTZ point's every preset, a fixed point's own view). */
  preset?: string;
  night: boolean;
  timeoutMs: number;
  concurrency: number;
  credentials: CredentialResolver;
  now: () => Date;
}

const message = (err: unknown): string => displayText(err instanceof Error ? err.message : String(err), 200);

/**
 * Takes the reference views of one point. A PTZ preset is visited (the head goes there, the picture is
 * taken once it is still) and the head is put back where it was; a fixed camera is taken as it is.
 */
async function capturePoint(d: DesiredPoint, siteDir: string, options: RecordOptions): Promise<Capture[]> {
  const light = options.night ? 'night' : 'day';
  const presets = (d.point.ptz?.presets ?? []).map((p) => p.name).filter((name) => options.preset === undefined || name === options.preset);
  const targets: (string | undefined)[] = options.preset !== undefined || presets.length ? presets : [undefined];
  const blank = (preset: string | undefined): Capture => {
    const file = referenceFile(d.point.id, preset, light);
    return {
      site: d.site,
      pointId: d.point.id,
      preset,
      light,
      file,
      path: join(siteDir, file),
      picture: undefined,
      replaces: false,
      error: undefined,
    };
  };
  const captures = targets.map(blank);
  let session: Awaited<ReturnType<typeof openSession>>;
  try {
    session = await openSession(d.endpoint, await options.credentials.forProfile(d.credentialProfile), {
      timeoutMs: options.timeoutMs,
      policy: d.policy,
    });
  } catch (err) {
    for (const c of captures) c.error = message(err);
    return captures;
  }
  const shoot = async (c: Capture): Promise<void> => {
    c.picture = await referencePicture(
      await fetchSnapshot(session.client, session.access, { profiles: getProfiles(session.client) }, options.timeoutMs),
    );
  };
  if (targets[0] === undefined) {
    await shoot(captures[0]!).catch((err: unknown) => (captures[0]!.error = message(err)));
    return captures;
  }
  // A PTZ camera: visit each preset, then put the head back where it was.
  let profile: string;
  let home: ptz.Position;
  try {
    profile = await ptzProfile(session, 'GotoPreset');
    home = (await ptz.getStatus(session.client, profile)).position;
  } catch (err) {
    for (const c of captures) c.error = message(err);
    return captures;
  }
  for (const c of captures) {
    try {
      const preset = await requirePreset(session, profile, c.preset!);
      await ptz.gotoPreset(session.client, profile, preset.token);
      await waitIdle(session, profile);
      await shoot(c);
    } catch (err) {
      c.error = message(err);
    }
  }
  await move(session, profile, { kind: 'absolute', to: home })
    .then(() => waitIdle(session, profile))
    .catch(() => undefined);
  return captures;
}

/**
 * Takes the reference views of the selected points, and the inventory changes that record them. Nothing
 * is written here: the caller shows what will be written and writes (pictures and inventory) on yes.
 */
export async function recordViews(
  points: DesiredPoint[],
  sites: SiteInventory[],
  options: RecordOptions,
): Promise<{ captures: Capture[]; changes: FileChange[] }> {
  // Cameras in parallel (a bounded number); each camera's presets one after the other.
  const limit = pLimit(options.concurrency);
  const perPoint = await Promise.all(
    points.map((d) => limit(() => capturePoint(d, sites.find((s) => s.site.doc.id === d.site)?.dir ?? '.', options))),
  );
  const captures = perPoint.flat();
  const editor = new InventoryEditor(sites);
  const takenAt = options
    .now()
    .toISOString()
    .replace(/\.\d+Z$/, 'Z');
  for (const c of captures) {
    if (!c.picture) continue;
    c.replaces = editor.setView(c.pointId, c.preset, { file: c.file, takenAt, resolution: c.picture.resolution, light: c.light });
  }
  return { captures, changes: editor.changes() };
}

/** Writes the pictures taken, then the inventory that names them (all files or none of the inventory's). */
export async function saveViews(captures: Capture[], changes: FileChange[]): Promise<string[]> {
  const written: string[] = [];
  for (const c of captures) {
    if (!c.picture) continue;
    await mkdir(dirname(c.path), { recursive: true });
    await writeFileAtomic(c.path, c.picture.jpeg);
    written.push(c.path);
  }
  await writeInventoryFiles(changes.map((c) => ({ path: c.path, kind: c.kind, doc: c.doc, before: c.before })));
  return written;
}
