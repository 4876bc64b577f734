/**
 * The inventory as camfleet reads it. Its shape has one source, the JSON Schemas in schemas/: the types are
 * generated from them (src/inventory/schema-types.ts, `npm run schema-types`), and this file names the parts
 * the code works with.
 */
import type * as Schema from './schema-types.js';

export type Site = Schema.Site;
export type Street = Schema.Street;
export type Point = Schema.Point;
export type DeviceIdentity = Schema.DeviceIdentity;
export type StreamSpec = Schema.Stream;
export type PtzPositionSpec = Schema.Position;
/** What a camera's credentials may be used for beyond the safe default (site defaults, then the point's device). */
export type AccessSpec = Schema.Access;
export type Codec = NonNullable<StreamSpec['codec']>;
export type Owner = Point['owner'];
/** What a point's camera watches: a road, a gate… */
export type Watches = NonNullable<Point['watches']>;
/** A reference view: a small picture of what the camera should see, kept in the site's views/ folder. */
export type ViewReference = Schema.Views[number];
export type PresetSpec = NonNullable<NonNullable<Point['ptz']>['presets']>[number];
/** What a camera must keep on its own storage; false: it records elsewhere (an NVR) or not at all. */
export type RecordingSpec = Schema.Recording;
/** Devices that are not part of the programme: not reported as unknown. */
export type IgnoredDevice = NonNullable<Site['ignoredDevices']>[number];

/** A file as read: its path, text, parsed value, and where each value sits. */
export interface LoadedFile<T> {
  path: string;
  text: string;
  doc: T;
  positions: import('./json-source.js').JsonSource;
}

/** A whole site: site.json and its street files, all valid when produced by `loadSite`. */
export interface SiteInventory {
  dir: string;
  site: LoadedFile<Site>;
  streets: LoadedFile<Street>[];
}

/** A point with the street it is on and the settings it inherits from street and site defaults. */
export interface ResolvedPoint {
  point: Point;
  street: Street;
  file: string;
  /** JSON pointer of the point in its street file. */
  pointer: string;
  credentialProfile: string | undefined;
  /** The site's access defaults under the point's own, field by field. */
  access: AccessSpec;
  streams: StreamSpec[];
  /** What the camera must keep, the point's fields over the site's; null when nothing is required. */
  recording: RecordingRequirement | null;
}

/** A recording requirement with its defaults filled in. */
export interface RecordingRequirement {
  minRetentionDays: number;
  maxSilenceMinutes: number;
}

export const DEFAULT_RECORDING: RecordingRequirement = { minRetentionDays: 7, maxSilenceMinutes: 15 };
