/** The inventory as camfleet reads it (see schemas/*.schema.json for the authoritative form). */

export type Codec = 'H264' | 'H265' | 'JPEG';
export type Owner = 'public' | 'household' | 'business';

export interface StreamSpec {
  profile: string;
  codec?: Codec;
  resolution?: string;
  fps?: number;
  bitrateKbps?: { min: number; max: number };
  gop?: number;
}

export interface PtzPositionSpec {
  pan: number;
  tilt: number;
  zoom: number;
}

/** A reference view: a small picture of what the camera should see, kept in the site's views/ folder. */
export interface ViewReference {
  /** Relative to the site folder: views/<point>.jpg, views/<point>@<preset>.jpg, with .night for night. */
  file: string;
  takenAt: string;
  resolution?: string;
  light: 'day' | 'night';
}

export interface PresetSpec extends PtzPositionSpec {
  name: string;
  tolerance?: number;
  views?: ViewReference[];
}

export interface DeviceIdentity {
  manufacturer?: string;
  model?: string;
  serialNumber?: string;
  mac?: string;
  endpointReference?: string;
}

/** What a camera's credentials may be used for beyond the safe default (site defaults, then the point's device). */
export interface AccessSpec {
  tls?: { certificateSha256?: string; acceptAnyCertificate?: true };
  credentialHosts?: string[];
  legacyAuth?: { basic?: boolean; digestWithoutQop?: boolean };
}

/** What a camera must keep on its own storage; false: it records elsewhere (an NVR) or not at all. */
export type RecordingSpec = false | { minRetentionDays?: number; maxSilenceMinutes?: number };

export interface Point {
  id: string;
  label: string;
  location?: { latitude?: number; longitude?: number; address?: string; mounting?: string };
  facing?: number;
  watches?: string;
  owner: Owner;
  device: { address: string; identity?: DeviceIdentity; credentialProfile?: string; access?: AccessSpec };
  streams?: StreamSpec[];
  /** What a fixed camera (or a PTZ camera at home) should see. */
  views?: ViewReference[];
  recording?: RecordingSpec;
  ptz?: { presets?: PresetSpec[]; home?: PtzPositionSpec };
  tags?: string[];
  notes?: string;
  [extension: `x-${string}`]: unknown;
}

export interface Street {
  $schema?: string;
  schemaVersion: 1;
  id: string;
  name: string;
  defaults?: { credentialProfile?: string; streams?: StreamSpec[] };
  points: Point[];
  notes?: string;
}

export interface Site {
  $schema?: string;
  schemaVersion: 1;
  id: string;
  name: string;
  country?: string;
  province?: string;
  district: string;
  ward: string;
  residentialGroup: string;
  contact: { name: string; role?: string; phone?: string; email?: string };
  credentialProfiles?: string[];
  defaults?: {
    networkRanges?: string[];
    credentialProfile?: string;
    access?: AccessSpec;
    recording?: RecordingSpec;
    ntpServer?: string;
    gateway?: string;
    dns?: string[];
    timezone?: string;
    maxClockSkewSeconds?: number;
    streams?: StreamSpec[];
  };
  /** Devices that are not part of the programme: not reported as unknown. */
  ignoredDevices?: IgnoredDevice[];
  notes?: string;
}

export interface IgnoredDevice {
  identity: DeviceIdentity;
  address?: string;
  note?: string;
  date?: string;
}

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
