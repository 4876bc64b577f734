import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen } from '../helpers/describe-when.js';
import { canUseNetns, createNetnsPair, netnsExec, netnsSpawn, type NetnsPair } from '../helpers/netns.js';

const root = resolve(import.meta.dirname, '../..');
const enabled = await canUseNetns();

describeWhen(
  enabled,
  'network namespaces need root (or CAP_NET_ADMIN) and iproute2',
  'WS-Discovery between two network namespaces joined by veth',
  () => {
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
        process.execPath,
        resolve(root, 'bin/camfleet.js'),
        'sim',
        '--json',
        '--count',
        '1',
        '--address-base',
        a.address,
        '--interface',
        a.address,
        '--port',
        '8080',
        '--rtsp-port',
        '8554',
      ]);
      const camera = JSON.parse(sim.firstLine).cameras[0];
      expect(camera.address).toBe(a.address);
      const { stdout } = await netnsExec(b.ns, [process.execPath, resolve(root, 'test/helpers/probe-script.mjs'), b.address, '1500']);
      const found = JSON.parse(stdout) as { from: string; endpoint: string }[];
      expect(found).toEqual([{ from: a.address, endpoint: camera.endpointReference }]);
    });

    it('does not answer a probe from a sender outside its links, even one it could route an answer to', async () => {
      const { a, b } = pair!;
      // A second subnet on the same wire: B sends from it, and A has a route back, so only the filter stops an answer.
      await netnsExec(b.ns, ['ip', 'addr', 'add', '10.77.9.3/24', 'dev', b.dev]);
      await netnsExec(a.ns, ['ip', 'route', 'add', '10.77.9.0/24', 'dev', a.dev]);
      const script = resolve(root, 'test/helpers/probe-script.mjs');
      const foreign = JSON.parse((await netnsExec(b.ns, [process.execPath, script, '10.77.9.3', '1500'])).stdout);
      expect(foreign).toEqual([]);
      const own = JSON.parse((await netnsExec(b.ns, [process.execPath, script, b.address, '1500'])).stdout) as unknown[];
      expect(own).toHaveLength(1);
    });
  },
);
