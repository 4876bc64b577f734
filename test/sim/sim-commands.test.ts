import { once } from 'node:events';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { reserveBlock } from '../helpers/address-block.js';
import { CLI } from '../helpers/run-cli.js';
import { call } from '../helpers/soap-client.js';

// `camfleet sim` reads fault commands on its standard input while it runs.
const block = reserveBlock();
afterAll(() => block.release());

describe('camfleet sim commands on standard input', () => {
  it('fault SPEC takes a camera down, clear brings it back; a bad line says what is accepted', async () => {
    const child = spawn(
      process.execPath,
      [CLI, 'sim', '--json', '--count', '2', '--address-base', block.address(1, 1), '--no-discovery', '--no-ssdp'],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const [first] = (await once(child.stdout, 'data')) as [Buffer];
    const camera = JSON.parse(first.toString().split('\n')[0]!).cameras[1];
    const device = `http://${camera.address}/onvif/device_service`;
    const info = '<GetDeviceInformation xmlns="http://www.onvif.org/ver10/device/wsdl"/>';
    const waitFor = async (text: RegExp) => {
      for (let i = 0; i < 50 && !text.test(err); i++) await new Promise((r) => setTimeout(r, 50));
      expect(err).toMatch(text);
    };
    try {
      expect((await call(device, info)).status).toBe(200);
      child.stdin.write('fault offline@2\n');
      await waitFor(/sim: fault offline@2 on cam-002/);
      await expect(call(device, info)).rejects.toThrow(/ECONNREFUSED/);
      child.stdin.write('clear 2\n');
      await waitFor(/sim: cleared cam-002/);
      expect((await call(device, info)).status).toBe(200);
      child.stdin.write('frobnicate\n');
      await waitFor(/unknown command 'frobnicate'; commands: fault SPEC, clear \[CAMERAS\], help/);
      child.stdin.write('fault offline@9\n');
      await waitFor(/no camera '9'/);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'close');
    }
  });
});
