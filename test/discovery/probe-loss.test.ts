import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/discovery/discover.js';
import { localInterfaces, selectInterfaces } from '../../src/discovery/interfaces.js';
import { repeatSchedule } from '../../src/discovery/ws-discovery.js';
import { type Fleet, startFleet } from '../../src/sim/index.js';
import { reserveBlock } from '../helpers/address-block.js';
import { endpointOf, probeMessage, rawProbe } from '../helpers/raw-probe.js';

// Lossy multicast, as on Wi-Fi bridges: each simulated camera loses half the probes sent to it. A probe
// repeated with the same MessageID reaches the cameras that lost the first copy, and each answers once.
const block = reserveBlock();
let fleet: Fleet;
beforeAll(async () => {
  fleet = await startFleet({
    count: 40,
    addressBase: block.address(1, 1),
    standardPorts: false,
    port: 0,
    rtspPort: 0,
    maxReplyDelayMs: 100,
  });
  await fleet.applyFault('probe-loss=0.5');
});
afterAll(async () => {
  await fleet.stop();
  block.release();
});

const ours = (endpoints: (string | null | undefined)[]) => {
  const mine = new Set(fleet.cameras.map((c) => c.endpointReference));
  return endpoints.filter((e) => e && mine.has(e));
};

describe('the probe-loss fault', () => {
  it('loses about its share of single probes', async () => {
    const replies = await rawProbe(
      fleet.cameras.map((c) => c.address),
      400,
    );
    // Binomial(40, 0.5): outside 5..35 once in a million runs.
    expect(ours(replies.map((r) => endpointOf(r.xml))).length).toBeGreaterThanOrEqual(5);
    expect(ours(replies.map((r) => endpointOf(r.xml))).length).toBeLessThanOrEqual(35);
  });

  it('a repeated probe reaches the cameras that lost the first copy, and each answers once', async () => {
    const message = probeMessage();
    const targets = fleet.cameras.flatMap((c) => Array.from({ length: 20 }, () => c.address));
    const found = ours((await rawProbe(targets, 600, message)).map((r) => endpointOf(r.xml)));
    // A camera losing all 20 copies: 40 × 2^-20.
    expect(found).toHaveLength(40);
    expect(new Set(found).size).toBe(40);
  });

  it('camfleet discover, whose multicast probe goes out five times, finds nearly all of them', async () => {
    const loopback = selectInterfaces(['127.0.0.1'], localInterfaces());
    const result = await discover({
      interfaces: loopback,
      localInterfaces: localInterfaces(),
      sweep: [],
      http: false,
      ssdp: false,
      anyType: false,
      // The copies go out within 1.75 s; the rest of the window is for a loaded machine (the whole suite
      // runs beside this, its simulators in the same multicast group), where a late copy would count as
      // lost. Once, in a full run, 7 of 40 were missed, which at 1/32 each is not chance; late copies are
      // one explanation, not a proven one: the message names the cameras missed if it happens again.
      timeoutMs: 5000,
      rate: 2000,
      concurrency: 8,
      enrich: false,
      credentials: undefined,
      callTimeoutMs: 3000,
    });
    // Five copies miss a camera 3% of the time (about 1 of 40); the standard's two copies miss 25% (10 of 40).
    const found = new Set(ours(result.devices.map((d) => d.endpointReference)));
    const missed = fleet.cameras.filter((c) => !found.has(c.endpointReference)).map((c) => c.address);
    expect(found.size, `missed: ${missed.join(', ')}`).toBeGreaterThanOrEqual(35);
  });
});

describe('the retransmission schedule (SOAP-over-UDP)', () => {
  it('waits T, then twice as long each time, never more than 500 ms between copies', () => {
    expect(repeatSchedule(100, 4)).toEqual([100, 300, 700, 1200]);
    expect(repeatSchedule(250, 4)).toEqual([250, 750, 1250, 1750]);
    expect(repeatSchedule(50, 1)).toEqual([50]);
  });
});
