import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canUseNetns, createNetnsPair, netnsExec, netnsSpawn, type NetnsPair } from '../helpers/netns.js';

const root = resolve(import.meta.dirname, '../..');
const enabled = await canUseNetns();

describe.runIf(enabled)('WS-Discovery between two network namespaces joined by veth', () => {
  let pair: NetnsPair | undefined;
  let sim: Awaited<ReturnType<typeof netnsSpawn>> | undefined;

  beforeAll(async () => {
    pair = await createNetnsPair('sim', '10.77.1');
  });

  afterAll(async () => {
    sim?.child.kill('SIGTERM');
    await pair?.destroy();
  });

  it('a camera in one namespace is found by a multicast probe from the other', async () => {
    const { a, b } = pair!;
    sim = await netnsSpawn(a.ns, [
      process.execPath, resolve(root, 'bin/camfleet.js'), 'sim', '--json', '--count', '1',
      '--address-base', a.address, '--interface', a.address, '--port', '8080', '--rtsp-port', '8554',
    ]);
    const camera = JSON.parse(sim.firstLine).cameras[0];
    expect(camera.address).toBe(a.address);
    const { stdout } = await netnsExec(b.ns, [process.execPath, resolve(root, 'test/helpers/probe-script.mjs'), b.address, '1500']);
    const found = JSON.parse(stdout) as { from: string; endpoint: string }[];
    expect(found).toEqual([{ from: a.address, endpoint: camera.endpointReference }]);
  });
});
