import {
  type AccessSpec,
  DEFAULT_RECORDING,
  type RecordingRequirement,
  type RecordingSpec,
  type ResolvedPoint,
  type SiteInventory,
  type StreamSpec,
} from './model.js';

/** Stream settings merged per profile: point over street over site defaults, field by field. */
function mergeStreams(...layers: (StreamSpec[] | undefined)[]): StreamSpec[] {
  const byProfile = new Map<string, StreamSpec>();
  for (const layer of layers) for (const s of layer ?? []) byProfile.set(s.profile, { ...byProfile.get(s.profile), ...s });
  return [...byProfile.values()];
}

/** The point's access relaxations over the site's: each field of the point replaces the site's. */
function mergeAccess(site: AccessSpec | undefined, point: AccessSpec | undefined): AccessSpec {
  return { ...site, ...point, legacyAuth: { ...site?.legacyAuth, ...point?.legacyAuth } };
}

/**
 * What the point must record: nothing when neither the point nor the site asks; the point's `false`
 * turns a site requirement off, and its fields replace the site's one by one.
 */
function mergeRecording(site: RecordingSpec | undefined, point: RecordingSpec | undefined): RecordingRequirement | null {
  if (point === false || (point === undefined && (site === undefined || site === false))) return null;
  return { ...DEFAULT_RECORDING, ...(site || {}), ...(point || {}) };
}

/** The stream settings a new point of this street starts with: the street's defaults over the site's. */
export function streetStreams(inventory: SiteInventory, streetId: string): StreamSpec[] {
  const street = inventory.streets.find((f) => f.doc.id === streetId)?.doc;
  return mergeStreams(inventory.site.doc.defaults?.streams, street?.defaults?.streams);
}

/** Every point of a site with what it inherits, in file order; optionally one street or point. */
export function resolvePoints(inventory: SiteInventory, filter: { street?: string; point?: string } = {}): ResolvedPoint[] {
  const site = inventory.site.doc;
  const out: ResolvedPoint[] = [];
  for (const file of inventory.streets) {
    const street = file.doc;
    if (filter.street && street.id !== filter.street) continue;
    street.points.forEach((point, i) => {
      if (filter.point && point.id !== filter.point) return;
      out.push({
        point,
        street,
        file: file.path,
        pointer: `/points/${i}`,
        credentialProfile: point.device.credentialProfile ?? street.defaults?.credentialProfile ?? site.defaults?.credentialProfile,
        access: mergeAccess(site.defaults?.access, point.device.access),
        streams: mergeStreams(site.defaults?.streams, street.defaults?.streams, point.streams),
        recording: mergeRecording(site.defaults?.recording, point.recording),
      });
    });
  }
  return out;
}
