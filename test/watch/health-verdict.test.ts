import { describe, expect, it } from 'vitest';
import { healthVerdict } from '../../src/watch/watch.js';

// /healthz: well while checks keep finishing; a watch whose checks all hang says so within three intervals.
describe('healthVerdict', () => {
  const started = 1_000_000;
  it.each([
    ['just started, no check yet', null, started + 5_000, true, 'ok'],
    ['no check finished since the start, three intervals on', null, started + 180_000, false, 'no check finished for 180 s'],
    ['a check finished two intervals ago', started + 60_000, started + 180_000, true, 'ok'],
    ['the last check finished long ago', started + 60_000, started + 300_000, false, 'no check finished for 240 s'],
  ])('%s', (_, last, now, ok, detail) => {
    expect(healthVerdict({ lastCycleAt: last }, started, 60_000, now)).toEqual({ ok, detail });
  });
});
