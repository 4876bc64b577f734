import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRICT_ACCESS } from '../../src/auth/access-policy.js';
import { Secret } from '../../src/credentials/secret.js';
import { parseDeviceAddress } from '../../src/net/endpoint.js';
import { topicKind } from '../../src/onvif/events.js';
import { type Fleet, startFleet } from '../../src/sim/index.js';
import { batchGapMs, followEvents } from '../../src/watch/follow-events.js';
import { reserveBlock } from '../helpers/address-block.js';

const CREDENTIALS = { username: 'admin', password: new Secret('camfleet'), source: 'test' };
const block = reserveBlock();
let fleet: Fleet;

beforeAll(async () => {
  fleet = await startFleet({ addressBase: block.address(1, 1), discovery: false, count: 1 });
});
afterAll(async () => {
  await fleet.stop();
  block.release();
});

/**
 * Follows the camera, covers it just after the subscription is made and uncovers it the moment the first
 * alarm arrives; resolves with the time between the two alarms' arrivals.
 */
async function secondsBetweenAlarms(gapMs: number): Promise<number> {
  const stop = new AbortController();
  const arrivals: { active: boolean; at: number }[] = [];
  const camera = fleet.cameras[0]!;
  let seenBoth: () => void = () => undefined;
  const both = new Promise<void>((resolve) => (seenBoth = resolve));
  const following = followEvents(
    { endpoint: parseDeviceAddress(camera.xaddr)!, credentials: CREDENTIALS, policy: STRICT_ACCESS },
    { timeoutMs: 5000, terminationSeconds: 60, pullSeconds: 20, batchGapMs: gapMs },
    {
      message: (m) => {
        if (topicKind(m.topic).kind !== 'tamper') return;
        const active = (m.data.State ?? 'true') === 'true';
        arrivals.push({ active, at: performance.now() });
        if (active && arrivals.length === 1) void fleet.clearFaults([camera.name]);
        if (!active) seenBoth();
      },
      subscribed: () => void setTimeout(() => void fleet.camera(camera.name).setFaults({ tampered: 'covered' }), 50),
      lost: () => undefined,
      unsupported: () => undefined,
      open: () => undefined,
    },
    stop.signal,
  );
  // A camera that never sends both alarms fails here, saying which it sent, not at the test's timeout.
  const waited = await Promise.race([both.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 15_000))]);
  stop.abort();
  await following;
  if (!waited)
    throw new Error(
      `within 15 s the camera sent ${JSON.stringify(arrivals.map((a) => a.active))} (active states), not a raise and a clear`,
    );
  const raised = arrivals.find((a) => a.active)!;
  const cleared = arrivals.find((a) => !a.active)!;
  return (cleared.at - raised.at) / 1000;
}

describe('event pulls after a busy moment', () => {
  it('wait out the batch gap, so a camera that raises alarm after alarm is not pulled once per event', async () => {
    expect(await secondsBetweenAlarms(1500)).toBeGreaterThanOrEqual(1.2);
  });

  it('come at once without a gap (the same run, to show the wait is the gap)', async () => {
    expect(await secondsBetweenAlarms(0)).toBeLessThan(1);
  });

  it.each([
    [60_000, 30_000],
    [600_000, 30_000],
    [6_000, 3_000],
    [1_200, 600],
  ])('for a %i ms interval is %i ms', (interval, gap) => {
    expect(batchGapMs(interval)).toBe(gap);
  });
});
