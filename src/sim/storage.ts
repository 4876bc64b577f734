import type { CameraFaults } from './model.js';

/**
 * A camera's on-board recording: a card of `cardGb` written at `recordingKbps`, overwritten in a loop
 * once full, so it keeps cardGb·8e9 / (recordingKbps·1e3) seconds of footage. 128 GB at 1 Mbit/s is
 * 11.6 days, what a 1080p H.265 camera with a mid-size card keeps in the field.
 */
export interface StorageModel {
  cardGb: number;
  recordingKbps: number;
}

export const DEFAULT_STORAGE: StorageModel = { cardGb: 128, recordingKbps: 1024 };

/** How long ago a full card stopped recording, for the sd-full fault (cards without overwrite stop when full). */
export const SD_FULL_STOPPED_AGO_MS = 2 * 86_400_000;

/** What the card holds, on the camera's clock (ms since the epoch). */
export interface RecordedSpan {
  from: number;
  until: number;
  /** Whether it is writing now. */
  recording: boolean;
}

export const capacityMs = (s: StorageModel): number => ((s.cardGb * 8e9) / (s.recordingKbps * 1e3)) * 1000;

/** The footage on the card at `cameraNow`, with the recording faults applied. */
export function recordedSpan(storage: StorageModel, faults: CameraFaults, cameraNow: number): RecordedSpan {
  const capacity = capacityMs(storage);
  let until = cameraNow;
  let recording = true;
  if (faults.sdFull) {
    until = cameraNow - SD_FULL_STOPPED_AGO_MS;
    recording = false;
  } else if (faults.recordingStoppedHours !== undefined) {
    until = cameraNow - faults.recordingStoppedHours * 3_600_000;
    recording = false;
  }
  const kept = faults.retentionDays !== undefined ? Math.min(capacity, faults.retentionDays * 86_400_000) : capacity;
  return { from: until - kept, until, recording };
}
