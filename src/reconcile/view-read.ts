import type { CameraAccess } from '../auth/access-policy.js';
import { httpGet } from '../device/http-get.js';
import type { ViewReference } from '../inventory/model.js';
import type { OnvifClient } from '../onvif/client.js';
import { getSnapshotUri, type MediaProfile } from '../onvif/media.js';
import type { KeptAddress } from '../reach/camera-memory.js';
import type { Position } from '../onvif/ptz.js';
import type { EarlyReads } from '../reach/inspect.js';
import { displayText } from '../text/display.js';
import { compareWithReferences } from '../view/compare.js';
import { fingerprintImage } from '../view/fingerprint.js';
import type { ViewScores, ViewVerdictKind } from '../view/model.js';
import type { ReferenceLoader } from '../view/reference.js';
import { positionDistance as distance } from '../onvif/ptz.js';

/** The reference views of one point: its own (a fixed camera), and those of its presets. */
export interface ViewPlan {
  site: string;
  point: ViewReference[];
  presets: { name: string; position: Position; tolerance: number; views: ViewReference[] }[];
}

/** What the view check of one point found. */
export type ViewObservation =
  | { status: 'compared'; verdict: ViewVerdictKind; reason: string; scores: ViewScores; reference: string; preset: string | null }
  | { status: 'no-reference' }
  /** A PTZ camera whose head is at no preset with a reference: a read-only check does not move it. */
  | { status: 'not-at-preset' }
  | { status: 'snapshot-failed'; reason: string }
  | { status: 'reference-unreadable'; reference: string; reason: string };

const reason = (err: unknown): string => displayText(err instanceof Error ? err.message : String(err), 160);

/** The references to compare with where the head is now, or why there are none. */
function referencesAt(
  plan: ViewPlan,
  position: Position | null,
): { views: ViewReference[]; preset: string | null } | 'no-reference' | 'not-at-preset' {
  if (plan.point.length === 0 && plan.presets.length === 0) return 'no-reference';
  if (position && plan.presets.length) {
    const at = plan.presets.find((p) => distance(p.position, position) <= p.tolerance);
    if (at) return { views: at.views, preset: at.name };
    return plan.point.length ? { views: plan.point, preset: null } : 'not-at-preset';
  }
  return plan.point.length ? { views: plan.point, preset: null } : 'not-at-preset';
}

/** Snapshots narrower than this would hold less detail than a reference view (416 px wide). */
const MIN_SNAPSHOT_WIDTH = 416;

/**
 * The profile to take a view check's snapshot from: the smallest that is at least as wide as a reference
 * view and has the main profile's shape. Comparison happens on a 256×144 raster whatever the resolution,
 * so a 640×360 sub stream sees what 1080p sees, at a tenth of the decoding (measured: the watch of 1,000
 * cameras spent half its CPU decoding 1080p snapshots). The main profile when no other fits.
 */
export function snapshotProfile(profiles: MediaProfile[]): MediaProfile | undefined {
  const main = profiles[0];
  const shape = main?.encoder && main.encoder.height > 0 ? main.encoder.width / main.encoder.height : undefined;
  if (!main || shape === undefined) return main;
  const fits = profiles.filter((p) => {
    const e = p.encoder;
    return e && e.height > 0 && e.width >= MIN_SNAPSHOT_WIDTH && Math.abs(e.width / e.height - shape) / shape < 0.03;
  });
  return fits.reduce((best, p) => (p.encoder!.width < best.encoder!.width ? p : best), main);
}

/**
 * Fetches a snapshot, from the camera's own host only (as its access policy says): of the main profile (a
 * reference view records the main stream), or of the profile `choose` picks. With `kept` (a watch's memory
 * of the camera), a snapshot URI kept for that profile is used without asking, and asked for again when it
 * no longer gives a picture; the URI and its challenge that worked are kept.
 */
export async function fetchSnapshot(
  client: OnvifClient,
  access: CameraAccess,
  early: Pick<EarlyReads, 'profiles'>,
  timeoutMs: number,
  choose: (profiles: MediaProfile[]) => MediaProfile | undefined = (profiles) => profiles[0],
  kept?: KeptAddress,
): Promise<Buffer> {
  const profile = choose(await early.profiles);
  if (!profile) throw new Error('the camera has no media profile');
  const keptUri = kept?.uri?.profile === profile.token ? kept.uri.uri : undefined;
  if (keptUri) {
    // A camera that answers with something else than a picture may have moved it; one that does not
    // answer at all would not answer GetSnapshotUri either.
    const image = await httpGet(keptUri, access, { timeoutMs, kept });
    if (image.status === 200) return image.body;
    kept!.uri = undefined;
  }
  const uri = await getSnapshotUri(client, profile.token);
  if (!uri) throw new Error('the camera gives no snapshot URI');
  const image = await httpGet(uri, access, { timeoutMs, kept });
  if (image.status !== 200) throw new Error(`the snapshot URI answered HTTP ${image.status}`);
  if (kept) kept.uri = { profile: profile.token, uri };
  return image.body;
}

/** Fetches a snapshot only to hand it on (the report's thumbnail); a failure leaves the card without one. */
export async function keepSnapshot(
  client: OnvifClient,
  access: CameraAccess,
  early: Pick<EarlyReads, 'profiles'>,
  timeoutMs: number,
  keep: (snapshot: Buffer) => void,
  kept?: KeptAddress,
): Promise<void> {
  await fetchSnapshot(client, access, early, timeoutMs, snapshotProfile, kept).then(keep, () => undefined);
}

/**
 * Compares what the camera sees now with its reference views: for a PTZ camera only while its head is at
 * a preset that has references (a read-only check never moves it). The snapshot is handed to `keep`
 * (the HTML report's thumbnails) when given.
 */
export async function readView(
  client: OnvifClient,
  access: CameraAccess,
  early: Pick<EarlyReads, 'profiles'>,
  position: Promise<Position | null>,
  plan: ViewPlan,
  loader: ReferenceLoader,
  options: { timeoutMs: number; keep?: (snapshot: Buffer) => void; kept?: KeptAddress },
): Promise<ViewObservation> {
  const where = referencesAt(plan, await position.catch(() => null));
  if (typeof where === 'string') {
    // Nothing to compare with; the report still shows what the camera sees.
    if (options.keep) await keepSnapshot(client, access, early, options.timeoutMs, options.keep, options.kept);
    return { status: where };
  }
  let snapshot: Buffer;
  let now: Awaited<ReturnType<typeof fingerprintImage>>;
  try {
    snapshot = await fetchSnapshot(client, access, early, options.timeoutMs, snapshotProfile, options.kept);
    now = await fingerprintImage(snapshot);
  } catch (err) {
    return { status: 'snapshot-failed', reason: reason(err) };
  }
  options.keep?.(snapshot);
  const loaded = await Promise.all(where.views.map((v) => loader.load(plan.site, v)));
  const bad = loaded.find((l) => !l.fingerprint);
  if (bad) return { status: 'reference-unreadable', reference: bad.view.file, reason: bad.problem ?? 'unreadable' };
  const best = compareWithReferences(
    loaded.map((l) => l.fingerprint!),
    now,
  );
  const v = best.verdict;
  return {
    status: 'compared',
    verdict: v.verdict,
    reason: v.reason,
    scores: v.scores,
    reference: loaded[best.reference]!.view.file,
    preset: where.preset,
  };
}
