import { once } from 'node:events';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { reserveBlock } from '../helpers/address-block.js';
import { CLI, runCli } from '../helpers/run-cli.js';
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

  it('a port already taken ends it with exit 2 and what to do, closing what it had opened (no lingering sockets)', async () => {
    // Something else holds the first camera's HTTP port; the fleet's discovery sockets are open by then.
    const holder = createServer();
    await new Promise<void>((r) => holder.listen(0, block.address(2, 1), r));
    const port = (holder.address() as { port: number }).port;
    try {
      const r = await runCli(
        [
          'sim',
          '--count',
          '2',
          '--single-address',
          block.address(2, 1),
          '--port',
          String(port),
          '--rtsp-port',
          String(port + 100),
          '--no-ssdp',
        ],
        { timeoutMs: 20_000 },
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/cannot start the simulator: cam-001: cannot listen on .*EADDRINUSE/);
      expect(r.stderr).toMatch(/stop it, or choose others/);
      expect(r.stderr).not.toMatch(/still held the process/);
    } finally {
      holder.close();
    }
  });
});
