import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../src/sim/index.js';
import { reserveBlock } from '../helpers/address-block.js';
import { answerChallenge } from '../helpers/digest.js';
import { startCli } from '../helpers/run-cli.js';
import { envelope, post } from '../helpers/soap-client.js';

const block = reserveBlock();
let fleet: Fleet;
beforeAll(async () => {
  fleet = await startFleet({
    count: 2,
    addressBase: block.address(1, 1),
    standardPorts: false,
    port: 8080,
    auth: 'digest',
    discovery: false,
  });
});
afterAll(async () => {
  await fleet.stop();
  block.release();
});

const device = (i: number) => fleet.cameras[i]!.xaddr;
const info = envelope('<GetDeviceInformation xmlns="http://www.onvif.org/ver10/device/wsdl"/>');
const hostname = envelope('<GetHostname xmlns="http://www.onvif.org/ver10/device/wsdl"/>');

describe('the simulator refuses a replayed Digest answer', () => {
  it('accepts an answer once; the same header again (another body too) gets a fresh challenge', async () => {
    const first = await post(device(0), info);
    expect(first.status).toBe(401);
    const challenge = [first.headers['www-authenticate']].flat()[0]!;
    const authorization = answerChallenge(challenge, 'POST', '/onvif/device_service', 'admin', 'camfleet');
    expect((await post(device(0), info, { Authorization: authorization })).status).toBe(200);
    const replay = await post(device(0), hostname, { Authorization: authorization });
    expect(replay.status).toBe(401);
    expect(String(replay.headers['www-authenticate'])).toMatch(/stale=true/);
  });
});

describe('the simulator under a hostile request', () => {
  it('answers a 900 KB request nesting 100,000 elements at once, and its other cameras keep answering', async () => {
    const deep = envelope(
      `<GetHostname xmlns="http://www.onvif.org/ver10/device/wsdl">${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</GetHostname>`,
    );
    expect(deep.length).toBeGreaterThan(700_000);
    const [hostile, other] = await Promise.all([post(device(0), deep, {}, 5000), post(device(1), info, {}, 5000)]);
    expect(hostile.status).toBeGreaterThanOrEqual(400);
    expect(other.status).toBe(401);
  });

  it('stops on SIGTERM while one is under way', async () => {
    const sim = startCli(['sim', '--count', '1', '--address-base', block.address(2, 1), '--port', '8080', '--no-discovery', '--no-ssdp']);
    await sim.firstLine;
    const deep = envelope(
      `<GetHostname xmlns="http://www.onvif.org/ver10/device/wsdl">${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</GetHostname>`,
    );
    void post(`http://${block.address(2, 1)}:8080/onvif/device_service`, deep, {}, 5000).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    sim.child.kill('SIGTERM');
    const exit = await sim.exited;
    expect(exit.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
