import type { DiscoveredDevice } from '../discovery/model.js';
import type { EncoderOptions, EncoderConfig, MediaProfile } from '../onvif/media.js';
import type { Position, Preset } from '../onvif/ptz.js';
import type { HealthState } from '../reach/health.js';
import type { RecordingRequirement } from '../inventory/model.js';
import type { RecordingsRead, RecordingVerdict } from '../recording/health.js';
import type { ViewObservation } from './view-read.js';

/** What camfleet saw of one inventory point's camera (plain data: the diff is a pure function of it). */
export interface Observation {
  pointId: string;
  address: string;
  state: HealthState;
  errors: string[];
  identity: { manufacturer: string; model: string; serialNumber: string; mac: string | null } | null;
  clock: { skewSeconds: number; mode: string | null; timezone: string | null } | null;
  network: { dhcp: boolean; address: string | null; prefixLength: number | null; gateway: string[]; dns: string[]; ntp: string[] } | null;
  profiles: MediaProfile[] | null;
  encoderOptions: Record<string, EncoderOptions[]>;
  ptz: boolean | null;
  presets: Preset[] | null;
  /** Where the head points now (PTZ cameras). */
  position: Position | null;
  stream: { ok: boolean; codec: string | null; width: number | null; height: number | null; error: string | null } | null;
  /** The view check: what the camera sees against its reference views; null when it was not looked at. */
  view: ViewObservation | null;
  /** What the camera keeps on its storage (Profile G); null when the inventory requires nothing, or it was not read. */
  recording: RecordingsRead | null;
  /** Reads a comparison needed that the camera did not answer: each makes the point fail. */
  failedReads: { operation: string; reason: string }[];
}

export type FixAction =
  | { type: 'set-preset'; name: string; position: Position; tolerance: number; token: string | null }
  | { type: 'remove-preset'; name: string; token: string }
  | { type: 'set-encoder'; profile: string; encoder: EncoderConfig }
  | { type: 'sync-time'; ntpServer: string | null; timezone: string | null }
  | { type: 'set-network'; ntp?: string[]; dns?: string[]; gateway?: string; staticAddress?: { address: string; prefixLength: number } }
  | { type: 'set-home'; position: Position }
  | { type: 'goto-preset'; name: string; position: Position | null; tolerance: number };

/** Fixable drift, needs a person, missing, unknown or moved device; a warning does not fail a check. */
export type FindingKind = 'fix' | 'attention' | 'missing' | 'unknown' | 'warning';

export interface Finding {
  kind: FindingKind;
  topic:
    | 'preset'
    | 'encoder'
    | 'time'
    | 'network'
    | 'home'
    | 'identity'
    | 'auth'
    | 'stream'
    | 'unsupported'
    | 'unreachable'
    | 'moved'
    | 'unknown-device'
    | 'read-failed'
    | 'view'
    | 'recording';
  site: string;
  street: string | null;
  pointId: string | null;
  address: string;
  message: string;
  hint: string;
  action: FixAction | null;
  /** Where the point is written, for CI annotations. */
  file: string | null;
  line: number | null;
}

export interface PlannedPoint {
  site: string;
  street: string;
  pointId: string;
  address: string;
  state: HealthState;
  /** A digest of what was observed; apply refuses a saved plan when it has changed. */
  fingerprint: string | null;
  credentialProfile: string | null;
  /** The view check as observed: the verdict and its scores, or why there is none. */
  view: ViewObservation | null;
  /** The recording check: what the inventory requires, and the verdict (null when it was not read); null when nothing is required. */
  recording: { required: RecordingRequirement; verdict: RecordingVerdict | null } | null;
  /** The identity the camera reported, for adopt to record where the inventory has none. */
  observedIdentity: { manufacturer: string; model: string; serialNumber: string; mac: string | null } | null;
}

export interface Plan {
  formatVersion: 1;
  createdAt: string;
  inventory: string;
  /** A digest of the inventory files the plan was made from: apply refuses the plan when they changed. */
  inventoryDigest: string;
  /** What the plan was asked to include; apply re-derives the actions with the same options. */
  options: { prune: boolean; home: boolean };
  points: PlannedPoint[];
  findings: Finding[];
  /** Devices found on the site's networks, for adopt (identity of unknown or moved cameras). */
  devices: DiscoveredDevice[];
  summary: { fix: number; attention: number; missing: number; unknown: number; warning: number };
}

/** What became of one action in apply. */
export interface ActionOutcome {
  type: FixAction['type'];
  description: string;
  /** verified: read back and right; done: sent but not readable over ONVIF; failed; skipped: not attempted. */
  status: 'verified' | 'done' | 'failed' | 'skipped';
  detail: string | null;
}

export interface PointOutcome {
  site: string;
  street: string | null;
  pointId: string;
  address: string;
  status: 'verified' | 'done' | 'failed' | 'skipped';
  actions: ActionOutcome[];
}

export interface ApplyReport {
  formatVersion: 1;
  interrupted: boolean;
  points: PointOutcome[];
  summary: { verified: number; done: number; failed: number; skipped: number };
}

export function summarise(findings: Finding[]): Plan['summary'] {
  const count = (k: FindingKind): number => findings.filter((f) => f.kind === k).length;
  return {
    fix: count('fix'),
    attention: count('attention'),
    missing: count('missing'),
    unknown: count('unknown'),
    warning: count('warning'),
  };
}
