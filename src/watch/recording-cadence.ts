import type { RecordingRequirement } from '../inventory/model.js';
import type { Observation } from '../reconcile/model.js';
import { recordingVerdict } from '../recording/health.js';

/**
 * Which of a point's checks read its recordings. The verdict is judged on times (recording/health.ts): the
 * newest footage against `maxSilenceMinutes`, the span kept against `minRetentionDays`. After a read whose
 * verdict is ok, silence cannot pass the limit before the newest footage is `maxSilenceMinutes` old; so the
 * next read is due an interval before that moment, and a camera that stopped recording is found at the
 * same check as if it were read every interval. Reading the recordings was three calls of eleven and a
 * quarter of a steady watch's CPU (README, Performance). What this delays is what is not judged on the
 * newest footage: a card pulled out or a shorter span is seen within `maxSilenceMinutes`, not the next
 * interval. A point that is not ok, or whose last read was not ok or failed, is read at every check;
 * between reads a check carries the last read.
 */
export class RecordingCadence {
  private readonly last = new Map<string, { read: NonNullable<Observation['recording']>; dueAt: number }>();

  constructor(private readonly intervalMs: number) {}

  /** Whether the check starting now reads the recordings; `wasOk`: the point's last state was ok. */
  wantsRead(point: string, now: number, wasOk: boolean): boolean {
    const last = this.last.get(point);
    return !wasOk || last === undefined || now >= last.dueAt;
  }

  /** The observation a check stands for: a read is kept with when the next is due; a check that did not read carries the last. */
  settle(point: string, o: Observation, read: boolean, now: number, required: RecordingRequirement | null): Observation {
    if (o.state !== 'ok' || required === null) return o;
    if (!read) return { ...o, recording: this.last.get(point)?.read ?? null };
    if (o.recording === null) {
      this.last.delete(point);
      return o;
    }
    const verdict = recordingVerdict(required, o.recording);
    const dueAt =
      verdict.status === 'ok' && verdict.lastDataMinutesAgo !== null
        ? now + (required.maxSilenceMinutes - verdict.lastDataMinutesAgo) * 60_000 - this.intervalMs
        : now;
    this.last.set(point, { read: o.recording, dueAt });
    return o;
  }
}
