import type { Owner, ViewReference, Watches } from '../inventory/model.js';
import type { Position } from '../onvif/ptz.js';

/** What the network told about one device, enough to record it in the inventory. */
export interface DeviceFacts {
  /** How the survey recognises the device across runs: endpoint reference, else serial, else address. */
  key: string;
  address: string;
  port: number | null;
  manufacturer: string | null;
  model: string | null;
  serialNumber: string | null;
  mac: string | null;
  endpointReference: string | null;
  /** The name scope, when the device has one. */
  name: string | null;
}

/** A device the technician must decide about. */
export type SurveyCase =
  | { kind: 'unknown'; device: DeviceFacts }
  /** A point's camera, recognised by identity, found at another address. */
  | { kind: 'moved'; device: DeviceFacts; pointId: string; from: string }
  /** Another camera answers at a point's address: the old one was replaced. */
  | { kind: 'replaced'; device: DeviceFacts; pointId: string };

export interface PointSummary {
  site: string;
  street: string;
  pointId: string;
  label: string;
  address: string;
  /** Why it was not confirmed (missing points only). */
  reason?: string;
}

export interface SurveyOverview {
  /** Found with the expected identity (or reachable, for points that record none). */
  confirmed: PointSummary[];
  changed: SurveyCase[];
  /** Not found, or not readable (with the reason). */
  missing: PointSummary[];
  unknown: SurveyCase[];
}

/** What the technician said about a new point. */
export interface NewPointAnswers {
  id: string;
  label: string;
  location?: { address?: string; latitude?: number; longitude?: number };
  watches?: Watches;
  facing?: number;
  owner: Owner;
}

/** One answer of the survey, in the order given: replayed to resume, turned into inventory edits at the end. */
export type Decision =
  | { type: 'assign'; key: string; device: DeviceFacts; pointId: string }
  | { type: 'create'; key: string; device: DeviceFacts; street: string; point: NewPointAnswers }
  | { type: 'ignore'; key: string; device: DeviceFacts; site: string; note?: string }
  | { type: 'skip'; key: string }
  | { type: 'preset'; pointId: string; name: string; position: Position }
  | { type: 'snapshot'; pointId: string; file: string }
  /** A reference view taken on the walk: the picture is already in the site's views/ folder. */
  | { type: 'view'; pointId: string; view: ViewReference }
  /** The point's camera was looked at (snapshot, preset, stream check), so a resumed survey skips it. */
  | { type: 'walked'; pointId: string };

/** A survey in progress, kept on disk so that Ctrl-C loses nothing. */
export interface SurveySession {
  formatVersion: 1;
  /** The inventory folder it is about (absolute). */
  inventory: string;
  startedAt: string;
  decisions: Decision[];
}

/** An answer about a device (as against a result of the walk). */
export type DeviceDecision = Extract<Decision, { key: string }>;
