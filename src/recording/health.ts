import type { RecordingRequirement } from '../inventory/model.js';
import type { RecordingInformation } from '../onvif/recording.js';

/** One recording as camfleet reports it: what the camera said, and what that means on its own clock. */
export interface RecordingEntry extends RecordingInformation {
  /** The oldest and newest footage of its video tracks (all tracks when it has no video track). */
  from: string | null;
  until: string | null;
  /** How many days of footage it keeps, to a tenth; null when the camera gave no times. */
  daysKept: number | null;
  /** How long ago, on the camera's clock, the newest footage was written, in whole minutes. */
  lastDataMinutesAgo: number | null;
  /** Where a player fetches it (GetReplayUri); null when the camera has no replay service, or it was not asked. */
  replayUri: string | null;
}

/** What reading a camera's recordings gave. */
export type RecordingsRead =
  | { available: false; reason: 'no-recording-service'; detail: string }
  | {
      available: true;
      /** The camera's clock when read (host clock plus its measured offset), ISO. */
      cameraTime: string;
      recordings: RecordingEntry[];
      /** Optional reads the camera did not answer (a replay address), with the reason. */
      unavailable: { field: string; reason: string }[];
    };

const DAY_MS = 86_400_000;
const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/** A recording's span and age, measured against the camera's clock `cameraNowMs` (never the host's). */
export function entryOf(info: RecordingInformation, cameraNowMs: number, replayUri: string | null): RecordingEntry {
  const video = info.tracks.filter((t) => t.type === 'Video');
  const tracks = video.length ? video : info.tracks;
  const froms = tracks.map((t) => ms(t.from)).filter((n): n is number => n !== null);
  const tos = tracks.map((t) => ms(t.to)).filter((n): n is number => n !== null);
  const from = froms.length ? Math.min(...froms) : ms(info.earliest);
  const until = tos.length ? Math.max(...tos) : ms(info.latest);
  return {
    ...info,
    from: from === null ? null : new Date(from).toISOString(),
    until: until === null ? null : new Date(until).toISOString(),
    daysKept: from !== null && until !== null ? Math.round(((until - from) / DAY_MS) * 10) / 10 : null,
    lastDataMinutesAgo: until === null ? null : Math.max(0, Math.floor((cameraNowMs - until) / 60_000)),
    replayUri,
  };
}

export type RecordingVerdictStatus = 'ok' | 'not-recording' | 'short-retention' | 'no-recording-service' | 'no-recordings';

/** The recording check of one camera: its status, the line people read, and the figures behind it. */
export interface RecordingVerdict {
  status: RecordingVerdictStatus;
  message: string;
  daysKept: number | null;
  lastDataMinutesAgo: number | null;
}

/** "6 h", "40 min", "3 days": how long ago, as people say it. */
export function ago(minutes: number): string {
  if (minutes < 90) return `${minutes} min`;
  // Compared after rounding, so a time a few seconds short of two days reads "2 days", never "48 h".
  if (Math.round(minutes / 60) < 48) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} days`;
}

/**
 * Judges what was read against what the inventory requires. The camera's best recording counts (the
 * newest footage, the longest span): a camera that keeps a second, older recording is not penalised for it.
 * Silence is judged first: a camera that stopped recording has the more urgent problem.
 */
export function recordingVerdict(required: RecordingRequirement, read: RecordingsRead): RecordingVerdict {
  if (!read.available)
    return { status: 'no-recording-service', message: `no-recording-service: ${read.detail}`, daysKept: null, lastDataMinutesAgo: null };
  const timed = read.recordings.filter((r) => r.daysKept !== null && r.lastDataMinutesAgo !== null);
  if (timed.length === 0) {
    return {
      status: 'no-recordings',
      message: read.recordings.length ? 'the camera keeps recordings without any footage times' : 'the camera keeps no recordings',
      daysKept: null,
      lastDataMinutesAgo: null,
    };
  }
  const lastDataMinutesAgo = Math.min(...timed.map((r) => r.lastDataMinutesAgo!));
  const daysKept = Math.max(...timed.map((r) => r.daysKept!));
  const figures = { daysKept, lastDataMinutesAgo };
  if (lastDataMinutesAgo > required.maxSilenceMinutes)
    return { status: 'not-recording', message: `not recording: last data ${ago(lastDataMinutesAgo)} ago`, ...figures };
  if (daysKept < required.minRetentionDays)
    return { status: 'short-retention', message: `keeps ${daysKept} days, wants ≥ ${required.minRetentionDays}`, ...figures };
  return { status: 'ok', message: `recording ok (${daysKept} days kept)`, ...figures };
}
