import { describe, expect, it } from 'vitest';
import type { RecordingRequirement } from '../../src/inventory/model.js';
import type { Observation } from '../../src/reconcile/model.js';
import { recordingVerdict } from '../../src/recording/health.js';
import { RecordingCadence } from '../../src/watch/recording-cadence.js';

const MINUTE = 60_000;
const REQUIRED: RecordingRequirement = { minRetentionDays: 7, maxSilenceMinutes: 15 };

/** What a read gives at minute `t` of a camera that records until minute `stopsAt`, with 30 days kept. */
function readAt(t: number, stopsAt = Number.POSITIVE_INFINITY): NonNullable<Observation['recording']> {
  const entry = { daysKept: 30, lastDataMinutesAgo: Math.floor(t - Math.min(t, stopsAt)) };
  return { available: true, cameraTime: '', recordings: [entry as never], unavailable: [] };
}
const observation = (recording: Observation['recording'], state: Observation['state'] = 'ok'): Observation =>
  ({ pointId: 'p', address: 'a', state, recording, view: null }) as Observation;

/** The minutes at which a watch checking every minute reads, and the first minute its verdict is not ok. */
function run(stopsAt: number, minutes: number): { reads: number[]; found: number | null } {
  const cadence = new RecordingCadence(MINUTE);
  const reads: number[] = [];
  let found: number | null = null;
  let wasOk = true;
  for (let t = 0; t <= minutes; t++) {
    const read = cadence.wantsRead('p', t * MINUTE, wasOk);
    if (read) reads.push(t);
    const o = cadence.settle('p', observation(read ? readAt(t, stopsAt) : null), read, t * MINUTE, REQUIRED);
    const verdict = recordingVerdict(REQUIRED, o.recording!);
    wasOk = verdict.status === 'ok';
    if (!wasOk && found === null) found = t;
  }
  return { reads, found };
}

/** The first minute a watch reading at every check finds the camera not recording. */
function everyMinute(stopsAt: number, minutes: number): number | null {
  for (let t = 0; t <= minutes; t++) if (recordingVerdict(REQUIRED, readAt(t, stopsAt)).status !== 'ok') return t;
  return null;
}

describe('which checks read the recordings', () => {
  it('a camera that keeps recording: once an interval before its newest footage could be too old', () => {
    expect(run(Number.POSITIVE_INFINITY, 45).reads).toEqual([0, 14, 28, 42]);
  });

  it('a camera that stops recording is found at the same check as by reading at every check', () => {
    for (const stopsAt of [0, 3, 13.5, 14, 20]) {
      const { found, reads } = run(stopsAt, 60);
      expect(found, `stops at ${stopsAt}`).toBe(everyMinute(stopsAt, 60));
      expect(found).not.toBeNull();
      // Once not ok, every check reads.
      expect(reads.filter((t) => t >= found!)).toEqual(Array.from({ length: 61 - found! }, (_, i) => found! + i));
    }
  });

  it('every check of a point that is not ok, and after a read that failed', () => {
    const cadence = new RecordingCadence(MINUTE);
    cadence.settle('p', observation(readAt(0)), true, 0, REQUIRED);
    expect(cadence.wantsRead('p', MINUTE, true)).toBe(false);
    expect(cadence.wantsRead('p', MINUTE, false)).toBe(true);
    cadence.settle('p', observation(null), true, MINUTE, REQUIRED);
    expect(cadence.wantsRead('p', 2 * MINUTE, true)).toBe(true);
  });
});

describe('what a check that did not read stands for', () => {
  it('the last read while the camera answers; nothing when it does not', () => {
    const cadence = new RecordingCadence(MINUTE);
    const first = readAt(0);
    cadence.settle('p', observation(first), true, 0, REQUIRED);
    expect(cadence.settle('p', observation(null), false, MINUTE, REQUIRED).recording).toBe(first);
    expect(cadence.settle('p', observation(null, 'unreachable'), false, 2 * MINUTE, REQUIRED).recording).toBeNull();
  });
});
