import { describe, expect, it } from 'vitest';
import { createSocket } from 'node:dgram';
import { runCli, startCli } from '../helpers/run-cli.js';
import { call } from '../helpers/soap-client.js';

describe('the built CLI under plain node', () => {
  it('--help lists every command with an example and the exit codes', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['demo', 'sim']) expect(run.stdout).toMatch(new RegExp(`camfleet ${command}\\b`));
    expect(run.stdout).toContain('Exit codes:');
    expect(run.stdout).toMatch(/2\s+usage error or invalid input/);
  });

  it('--version prints the version', async () => {
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('a bad flag is a one-line usage error with exit 2', async () => {
    const run = await runCli(['sim', '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain("unknown option '--bogus'");
    expect(run.stderr).toContain("camfleet sim --help");
  });

  it('a bad value says what is expected, exit 2', async () => {
    const run = await runCli(['sim', '--fault', 'explode@2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown fault 'explode'; known faults: offline/);
  });

  it('sim --json prints one line once listening, serves ONVIF, and says Bye on SIGTERM', async () => {
    const sim = startCli(['sim', '--json', '--count', '2', '--address-base', '127.0.18.1', '--fault', 'skew=60@2']);
    const report = JSON.parse(await sim.firstLine) as { formatVersion: number; cameras: { xaddr: string; serialNumber: string; password?: string; endpointReference: string }[] };
    expect(report.formatVersion).toBe(1);
    expect(report.cameras).toHaveLength(2);
    expect(JSON.stringify(report)).not.toContain('camfleet"');
    expect(report.cameras[0]).not.toHaveProperty('password');
    const reply = await call(report.cameras[0]!.xaddr, '<GetDeviceInformation xmlns="http://www.onvif.org/ver10/device/wsdl"/>');
    expect(reply.body).toContain(report.cameras[0]!.serialNumber);

    // Listen for the Bye on the WS-Discovery group, on loopback only.
    const listener = createSocket({ type: 'udp4', reuseAddr: true });
    const byes: string[] = [];
    listener.on('message', (m) => {
      const text = m.toString();
      if (text.includes('discovery/Bye')) byes.push(text);
    });
    await new Promise<void>((r) => listener.bind(3702, '239.255.255.250', () => r()));
    listener.addMembership('239.255.255.250', '127.0.0.1');
    sim.child.kill('SIGTERM');
    const end = await sim.exited;
    await new Promise((r) => setTimeout(r, 100));
    listener.close();
    expect(end.code).toBe(0);
    expect(byes.some((b) => b.includes(report.cameras[0]!.endpointReference))).toBe(true);
  });

  it('demo runs to the end against the simulator', async () => {
    const run = await runCli(['demo']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('cam-001');
  });
});
