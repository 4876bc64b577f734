import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/reconcile/model.js';
import { ViewCadence } from '../../src/watch/view-cadence.js';

const INTERVAL = 60_000;
const view = (structure: number): Observation['view'] => ({
  status: 'compared',
  verdict: 'ok',
  reason: '',
  scores: { structure } as never,
  reference: 'ref.jpg',
  preset: null,
});
const observation = (state: Observation['state'], v: Observation['view']): Observation =>
  ({ pointId: 'p', address: 'a', state, view: v }) as Observation;

/** Which of `checks` successive periodic checks (one an interval) look at the view. */
function looks(cadence: ViewCadence, checks: number, wasOk = true): number[] {
  const looked: number[] = [];
  for (let i = 0; i < checks; i++) {
    const now = i * INTERVAL + (i % 3) * 7; // checks drift by a few milliseconds
    if (cadence.wantsView('p', now, wasOk)) {
      looked.push(i);
      cadence.settle('p', observation('ok', view(0.9)), true, now);
    }
  }
  return looked;
}

describe('which checks look at the view', () => {
  it('every check of a point whose scene-change alarms are not followed', () => {
    expect(looks(new ViewCadence(INTERVAL, 10), 12)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('every tenth check of a point whose alarms are followed, the first included', () => {
    const cadence = new ViewCadence(INTERVAL, 10);
    cadence.setFollowed('p', true);
    expect(looks(cadence, 25)).toEqual([0, 10, 20]);
  });

  it('every check with --view-every 1, and every check of a point that is not ok', () => {
    const every = new ViewCadence(INTERVAL, 1);
    every.setFollowed('p', true);
    expect(looks(every, 4)).toEqual([0, 1, 2, 3]);
    const notOk = new ViewCadence(INTERVAL, 10);
    notOk.setFollowed('p', true);
    expect(looks(notOk, 4, false)).toEqual([0, 1, 2, 3]);
  });

  it('the next check after an alarm, once, and every check once the alarms are no longer followed', () => {
    const cadence = new ViewCadence(INTERVAL, 10);
    cadence.setFollowed('p', true);
    expect(cadence.wantsView('p', 0, true)).toBe(true);
    cadence.settle('p', observation('ok', view(0.9)), true, 0);
    expect(cadence.wantsView('p', INTERVAL, true)).toBe(false);
    cadence.lookSoon('p');
    expect(cadence.isDue('p')).toBe(true);
    expect(cadence.wantsView('p', INTERVAL + 5, true)).toBe(true);
    expect(cadence.isDue('p')).toBe(false);
    expect(cadence.wantsView('p', 2 * INTERVAL, true)).toBe(false);
    cadence.setFollowed('p', false);
    expect(cadence.wantsView('p', 3 * INTERVAL, true)).toBe(true);
  });
});

describe('what a check that did not look stands for', () => {
  it('the last view while the camera answers; no view when it does not', () => {
    const cadence = new ViewCadence(INTERVAL, 10);
    const seen = view(0.42);
    cadence.settle('p', observation('ok', seen), true, 1000);
    expect(cadence.lookedAt('p')).toBe(1000);
    expect(cadence.settle('p', observation('ok', null), false, 2000).view).toBe(seen);
    expect(cadence.settle('p', observation('unreachable', null), false, 3000).view).toBeNull();
    expect(cadence.lookedAt('p')).toBe(1000);
  });
});

describe('a subscription that opens', () => {
  it('after a look (a subscription made again): the next check looks; at the start, before any look: no extra look', () => {
    const cadence = new ViewCadence(INTERVAL, 10);
    cadence.subscribed('p', true);
    expect(cadence.isDue('p')).toBe(false);
    expect(cadence.wantsView('p', 0, true)).toBe(true);
    cadence.settle('p', observation('ok', view(0.9)), true, 0);
    expect(cadence.wantsView('p', INTERVAL, true)).toBe(false);
    cadence.setFollowed('p', false);
    cadence.subscribed('p', true);
    expect(cadence.wantsView('p', 2 * INTERVAL, true)).toBe(true);
    expect(cadence.wantsView('p', 3 * INTERVAL, true)).toBe(false);
  });
});
