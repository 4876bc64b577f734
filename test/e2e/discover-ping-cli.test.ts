import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../src/sim/index.js';
import { canUseNetns, createNetnsPair, netnsExec, netnsSpawn, type NetnsPair } from '../helpers/netns.js';
import { describeWhen } from '../helpers/describe-when.js';
import { runCli } from '../helpers/run-cli.js';
import { reserveBlock } from '../helpers/address-block.js';

const block = reserveBlock();

const SECRET = 'Zq9-unique-camera-secret-7Hx';

describe('discover and ping, bad input: a one-line error and exit 2', () => {
  it.each([
    [['discover', '--range', '10.0.0.300/24'], /invalid range '10\.0\.0\.300\/24'/],
    [['discover', '--interface', 'no-such-if'], /no IPv4 interface 'no-such-if' on this host/],
    [['discover', '--range', '10.0.0.0/16'], /ranges hold 65,534 addresses, more than 4,096 — narrow them, or add --yes/],
    [['ping', '--', '-h'], /'-h' is not a camera address/],
    [['ping', '--', '--rf'], /'--rf' is not a camera address/],
  ])('camfleet %s', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });
});

describe('secrets never appear in output, logs or errors', () => {
  let fleet: Fleet;
  beforeAll(async () => {
    fleet = await startFleet({
      count: 3,
      addressBase: `127.${block.octet}.52.1`,
      password: SECRET,
      cameras: [{}, { faults: { wrongPassword: true } }, { faults: { offline: true } }],
    });
  });
  afterAll(() => fleet.stop());

  it('ping and discover, human and JSON, failing cameras, --debug: the password is nowhere', async () => {
    const targets = fleet.cameras.map((c) => c.address);
    const env = { CAMFLEET_PASSWORD: SECRET };
    const runs = await Promise.all([
      runCli(['ping', ...targets], { env }),
      runCli(['--json', 'ping', ...targets], { env }),
      runCli(['--debug', 'ping', ...targets, `http://127.${block.octet}.52.9:1/onvif/device_service`], { env }),
      runCli(['discover', '--no-multicast', '--range', `127.${block.octet}.52.1-3`, '--timeout', '0.5', '--user', 'admin'], { env }),
      runCli(
        [
          '--json',
          'discover',
          '--no-multicast',
          '--range',
          `127.${block.octet}.52.1-3`,
          '--timeout',
          '0.5',
          '--user',
          'admin',
          '--password-stdin',
        ],
        { input: `${SECRET}\n` },
      ),
    ]);
    expect(runs[0]!.code).toBe(1);
    expect(runs[0]!.stdout).toMatch(/auth-failed/);
    expect(JSON.parse(runs[1]!.stdout).results.map((r: { state: string }) => r.state)).toEqual(['ok', 'auth-failed', 'unreachable']);
    expect(JSON.parse(runs[4]!.stdout).devices.filter((d: { auth: string }) => d.auth === 'ok')).toHaveLength(1);
    for (const run of runs) {
      expect(run.stdout + run.stderr).not.toContain(SECRET);
    }
  });
});

describe('camfleet ping when the system ping program cannot be used', () => {
  let fleet: Fleet;
  let bin: string;
  beforeAll(async () => {
    fleet = await startFleet({ count: 2, addressBase: `127.${block.octet}.53.1` });
    bin = await mkdtemp(join(tmpdir(), 'camfleet-path-'));
  });
  afterAll(async () => {
    await fleet.stop();
    await rm(bin, { recursive: true, force: true });
  });

  const pingWith = (path: string, ...flags: string[]) =>
    runCli([...flags, 'ping', ...fleet.cameras.map((c) => c.address)], { env: { CAMFLEET_PASSWORD: 'camfleet', PATH: path } });

  it('missing: says so once, with the fix, and checks the rest', async () => {
    // An empty folder as PATH: there is no ping program.
    const [human, json] = await Promise.all([pingWith(bin), pingWith(bin, '--json')]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stderr.match(/ping program is missing/g)).toHaveLength(1);
    expect(human.stderr).toMatch(/to fix, install it \(Debian: apt-get install iputils-ping\)/);
    const report = JSON.parse(json.stdout);
    expect(report.icmp).toEqual({
      available: false,
      reason: 'the system ping program is missing',
      fix: 'install it (Debian: apt-get install iputils-ping)',
    });
    expect(report.results.map((r: { state: string }) => r.state)).toEqual(['ok', 'ok']);
    for (const r of report.results) expect(r.warnings).toContain('icmp-unavailable');
  });

  it('not permitted: says so once, with the fix', async () => {
    const fake = join(bin, 'ping');
    await writeFile(fake, '#!/bin/sh\necho "ping: socket: Operation not permitted" >&2\nexit 2\n');
    await chmod(fake, 0o755);
    const run = await pingWith(`${bin}:/usr/bin:/bin`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.match(/not permitted to send ICMP/g)).toHaveLength(1);
    expect(run.stderr).toMatch(/setcap cap_net_raw\+ep/);
  });

  it("runs the system ping without camfleet's secrets in its environment", async () => {
    const fake = join(bin, 'ping');
    const dump = join(bin, 'env.txt');
    await writeFile(fake, `#!/bin/sh\nenv >> ${dump}\necho "64 bytes from x: icmp_seq=1 ttl=64 time=0.1 ms"\n`);
    await chmod(fake, 0o755);
    const run = await pingWith(`${bin}:/usr/bin:/bin`);
    expect(run.code, run.stderr).toBe(0);
    const env = await readFile(dump, 'utf8');
    expect(env).toMatch(/PATH=/);
    expect(env).not.toMatch(/CAMFLEET|camfleet-secret|=camfleet$/m);
  });
});

const netns = await canUseNetns();

describeWhen(
  netns,
  'network namespaces need root (or CAP_NET_ADMIN) and iproute2',
  'discover between two network namespaces joined by veth (built CLI)',
  () => {
    let pair: NetnsPair | undefined;
    let sim: Awaited<ReturnType<typeof netnsSpawn>> | undefined;
    const root = resolve(import.meta.dirname, '../..');

    beforeAll(async () => {
      pair = await createNetnsPair('dis', '10.77.2');
    });
    afterAll(async () => {
      sim?.child.kill('SIGTERM');
      await pair?.destroy();
    });

    it('finds the camera of the other namespace by multicast through the veth interface', async () => {
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
      const { stdout } = await netnsExec(
        b.ns,
        [process.execPath, resolve(root, 'bin/camfleet.js'), '--json', 'discover', '--interface', b.dev, '--timeout', '1.5'],
        { timeoutMs: 20_000 },
      ).catch((e: { stdout: string }) => e);
      const devices = JSON.parse(stdout).devices;
      expect(devices).toHaveLength(1);
      expect(devices[0]).toMatchObject({
        endpointReference: camera.endpointReference,
        address: a.address,
        port: camera.port,
        sources: ['multicast'],
      });
      expect(devices[0].clockSkewSeconds).not.toBeNull();
    });
  },
);

describe('ping --inventory (built CLI against camfleet sim --inventory)', () => {
  it('checks every point of a street with its credential profile, and names failing points', async () => {
    const { copySample } = await import('../helpers/sample-copy.js');
    const { startCli } = await import('../helpers/run-cli.js');
    const { mkdtemp, writeFile, chmod, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const sample = await copySample('tan-xuan-2', 60);
    const credDir = await mkdtemp(join(tmpdir(), 'camfleet-cred-'));
    const credentials = join(credDir, 'credentials.json');
    await writeFile(credentials, JSON.stringify({ profiles: { 'tan-xuan-2': { username: 'admin', password: 'camfleet' } } }));
    await chmod(credentials, 0o600);
    const sim = startCli(['sim', '--json', '--inventory', sample.dir, '--fault', 'offline@tx2-ngo-8-3', '--no-discovery']);
    try {
      await sim.firstLine;
      const run = await runCli(['--json', 'ping', '--inventory', sample.dir, '--street', 'ngo-8'], {
        env: { CAMFLEET_CREDENTIALS: credentials },
      });
      expect(run.code).toBe(1);
      const results = JSON.parse(run.stdout).results as { target: string; state: string; auth: string }[];
      expect(results.map((r) => [r.target, r.state])).toEqual([
        ['tx2-ngo-8-1', 'ok'],
        ['tx2-ngo-8-2', 'ok'],
        ['tx2-ngo-8-3', 'unreachable'],
      ]);
      expect(results[0]!.auth).toBe('ws-security');
    } finally {
      sim.child.kill('SIGTERM');
      await sim.exited;
      await sample.cleanup();
      await rm(credDir, { recursive: true, force: true });
    }
  });
});
