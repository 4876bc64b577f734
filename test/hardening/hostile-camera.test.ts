import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../src/sim/index.js';
import { reserveBlock } from '../helpers/address-block.js';
import { camfleet } from '../helpers/cli-in-process.js';
import { foreignHost, type HostileCamera, hostileCamera } from '../helpers/hostile-camera.js';
import { makeSite, point, SITE } from '../helpers/inventory-fixture.js';
import { runCli } from '../helpers/run-cli.js';

// One simulated PTZ camera on its own block, behind a proxy on its address that answers chosen
// operations badly. The inventory's point is the proxy.
const block = reserveBlock();
let fleet: Fleet;
let proxy: HostileCamera;
let site: { dir: string; cleanup: () => Promise<void> };
let credDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  fleet = await startFleet({
    addressBase: block.address(1, 1),
    standardPorts: false,
    port: 0,
    rtspPort: 0,
    discovery: false,
    cameras: [{ presets: [{ name: 'road', pan: 0.2, tilt: 0, zoom: 0 }] }],
  });
  proxy = await hostileCamera(fleet.cameras[0]!);
  site = await makeSite({
    'site.json': { ...SITE, defaults: { credentialProfile: 'test' } },
    'streets/main.json': {
      schemaVersion: 1,
      id: 'main',
      name: 'Main',
      points: [point('gate', proxy.url, { ptz: { presets: [{ name: 'road', pan: 0.2, tilt: 0, zoom: 0 }] } })],
    },
  });
  credDir = await mkdtemp(join(tmpdir(), 'camfleet-cred-'));
  const credentials = join(credDir, 'credentials.json');
  await writeFile(credentials, JSON.stringify({ profiles: { test: { username: 'admin', password: 'camfleet' } } }));
  await chmod(credentials, 0o600);
  env = { CAMFLEET_CREDENTIALS: credentials, CAMFLEET_PASSWORD: 'camfleet' };
});
afterAll(async () => {
  await proxy.close();
  await fleet.stop();
  await site.cleanup();
  await rm(credDir, { recursive: true, force: true });
  block.release();
});
beforeEach(() => {
  proxy.rules.clear();
  proxy.requests.length = 0;
});

const check = async (...extra: string[]) => {
  const junit = join(site.dir, 'report.xml');
  const run = await camfleet(
    [
      'check',
      '--inventory',
      site.dir,
      '--no-discovery',
      '--timeout',
      '1',
      '--rtsp-port',
      String(fleet.cameras[0]!.rtspPort),
      '--junit',
      junit,
      ...extra,
    ],
    env,
  );
  return { ...run, junit: await readFile(junit, 'utf8') };
};

describe('a check is never green on a failed read', () => {
  it('is green through the proxy when the camera answers well', async () => {
    const run = await check();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  const cases: [string, Parameters<HostileCamera['rules']['set']>[1], RegExp][] = [
    ['GetDeviceInformation', { kind: 'malformed' }, /read failed: GetDeviceInformation \(the answer is not well-formed XML/],
    ['GetDeviceInformation', { kind: 'hang' }, /read failed: GetDeviceInformation \(no answer within 1000 ms\)/],
    ['GetPresets', { kind: 'status', status: 500 }, /read failed: GetPresets \(HTTP 500 and no SOAP fault/],
    [
      'GetPresets',
      { kind: 'rewrite', edit: (b) => b.replace(/x="[^"]*"/, 'x="NaN"') },
      /read failed: GetPresets \(the camera gave a position that is not a number/,
    ],
    ['GetNetworkInterfaces', { kind: 'close' }, /read failed: GetNetworkInterfaces \(the camera closed the connection/],
  ];
  for (const [operation, hostility, message] of cases) {
    it(`fails the point when ${operation} gives ${hostility.kind}`, async () => {
      proxy.rules.set(operation, hostility);
      const run = await check();
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(message);
      expect(run.junit).toMatch(/<testcase [^>]*name="gate"[^>]*><failure/);
      expect(run.junit).toMatch(message);
    });
  }

  it('still compares everything else when one read fails: a moved preset is found beside it', async () => {
    proxy.rules.set('GetDeviceInformation', { kind: 'status', status: 500 });
    proxy.rules.set('GetPresets', { kind: 'rewrite', edit: (b) => b.replace(/x="[^"]*"/, 'x="-0.6"') });
    const run = await check();
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/read failed: GetDeviceInformation/);
    expect(run.stdout).toMatch(/preset 'road' is at pan -0\.6 .*off by 0\.8/);
  });
});

describe('credentials go only to the camera', () => {
  it('refuses a snapshot URI on another host, and never touches that host', async () => {
    const foreign = await foreignHost(block.address(9, 9));
    try {
      proxy.rules.set('GetSnapshotUri', {
        kind: 'rewrite',
        edit: (b) => b.replace(/<tr2:Uri>[^<]*</, `<tr2:Uri>${foreign.url}/snap.jpg<`),
      });
      const out = join(site.dir, 'snap.jpg');
      const run = await camfleet(['snapshot', proxy.url, '-o', out], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /snapshot URI is on another host \(127\.\d+\.9\.9:\d+\); camfleet sends credentials only to the camera's own host/,
      );
      expect(run.stderr).toMatch(/--credential-host 127\.\d+\.9\.9/);
      expect(foreign.connections()).toBe(0);
      // Allowed by name, the host is asked, and its Basic challenge over plain HTTP is still refused.
      const allowed = await camfleet(['snapshot', proxy.url, '-o', out, '--credential-host', block.address(9, 9)], env);
      expect(allowed.code).toBe(1);
      expect(allowed.stderr).toMatch(/asks for HTTP Basic over plain HTTP/);
      expect(foreign.hits.map((h) => h.authorization)).toEqual([undefined]);
    } finally {
      await foreign.close();
    }
  });

  it('refuses a stream URI on another host without connecting to it', async () => {
    let connections = 0;
    const rtsp: Server = createServer((s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((r) => rtsp.listen(0, block.address(9, 8), r));
    const port = (rtsp.address() as { port: number }).port;
    try {
      proxy.rules.set('GetStreamUri', {
        kind: 'rewrite',
        edit: (b) => b.replace(/rtsp:\/\/[^<]*/, `rtsp://${block.address(9, 8)}:${port}/live`),
      });
      const run = await camfleet(['--json', 'stream', proxy.url, '--probe'], env);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout).probe.error).toMatch(/stream URI .* is on another host/);
      expect(connections).toBe(0);
    } finally {
      await new Promise((r) => rtsp.close(r));
    }
  });

  it('never answers Basic over plain HTTP, or Digest without qop, unless allowed', async () => {
    proxy.rules.set('GetDeviceInformation', { kind: 'challenge', header: 'Basic realm="cam"' });
    const basic = await camfleet(['info', proxy.url], env);
    expect(basic.code).toBe(1);
    expect(basic.stderr).toMatch(/asks for HTTP Basic over plain HTTP.*--allow-basic/);
    expect(proxy.requests.filter((r) => r.authorization)).toEqual([]);

    proxy.rules.set('GetDeviceInformation', { kind: 'challenge', header: 'Digest realm="cam", nonce="abc"' });
    const legacy = await camfleet(['info', proxy.url], env);
    expect(legacy.code).toBe(1);
    expect(legacy.stderr).toMatch(/Digest without qop.*--allow-digest-without-qop/);
    expect(proxy.requests.filter((r) => r.authorization)).toEqual([]);

    const allowed = await camfleet(['info', proxy.url, '--allow-digest-without-qop'], env);
    expect(allowed.code).toBe(1);
    const sent = proxy.requests.filter((r) => r.authorization).map((r) => r.authorization!);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((a) => a.startsWith('Digest ') && !/qop=/.test(a))).toBe(true);
  });
});

describe('what a camera says is shown safely', () => {
  it('neutralises terminal escapes and cuts overlong text', async () => {
    proxy.rules.set('GetDeviceInformation', {
      kind: 'rewrite',
      // XML 1.0 forbids ESC itself, but allows the 8-bit CSI (U+009B) that some terminals obey, and DEL.
      edit: (b) => b.replace(/<tds:Manufacturer>[^<]*</, `<tds:Manufacturer>\u009b2J\u009b31m\u007fEvil${'x'.repeat(10_000)}<`),
    });
    const run = await camfleet(['info', proxy.url], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/[\u009b\u007f]/);
    const device = run.stdout.split('\n').find((l) => l.startsWith('Device'))!;
    expect(device).toMatch(/Evilx+…/);
    expect(device.length).toBeLessThan(1200);
  });

  it('reports a PTZ position that is not a number as invalid data, never NaN', async () => {
    proxy.rules.set('GetStatus', { kind: 'rewrite', edit: (b) => b.replace(/x="[^"]*"/, 'x="NaN"').replace(/y="[^"]*"/, 'y="Infinity"') });
    const run = await camfleet(['ptz', 'status', proxy.url], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/GetStatus .*: the camera gave a position that is not a number/);
    expect(run.stdout).not.toMatch(/NaN|Infinity/);
  });
});

describe('no reply holds a run past its deadline', () => {
  const bounded = async (args: string[], limitMs: number) => {
    const started = Date.now();
    const run = await runCli(args, { env, timeoutMs: limitMs + 20_000 });
    return { ...run, ms: Date.now() - started };
  };

  for (const [name, hostility] of [
    ['a reply dripped a byte at a time', { kind: 'drip' }],
    ['no reply at all', { kind: 'hang' }],
  ] as const) {
    it(`info ends (exit 1) soon after --timeout with ${name}`, async () => {
      proxy.rules.set('GetSystemDateAndTime', hostility);
      const run = await bounded(['info', proxy.url, '--timeout', '1'], 1000);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/no answer within 1000 ms/);
      // The deadline is one bound on the whole exchange; the process leaves no socket or timer behind.
      expect(run.ms).toBeLessThan(1000 + 4000);
    });
  }

  it('refuses a reply larger than the cap without holding it', async () => {
    proxy.rules.set('GetDeviceInformation', { kind: 'huge', bytes: 300 * 1024 * 1024 });
    const run = await bounded(['--json', 'info', proxy.url, '--timeout', '5'], 5000);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/longer than the 2097152 bytes accepted/);
    expect(run.stdout.length).toBeLessThan(10_000);
  });

  describe('RTSP servers that misbehave', () => {
    const servers: Server[] = [];
    const rtspServer = async (onConnect: (s: Socket) => void): Promise<number> => {
      const server = createServer(onConnect);
      servers.push(server);
      await new Promise<void>((r) => server.listen(0, fleet.cameras[0]!.address, r));
      return (server.address() as { port: number }).port;
    };
    afterAll(async () => {
      for (const s of servers) await new Promise((r) => s.close(r));
    });

    const behaviours: [string, (s: Socket) => void][] = [
      ['closes at once', (s) => s.destroy()],
      [
        'drips a byte a second',
        (s) => {
          const t = setInterval(() => (s.destroyed ? clearInterval(t) : s.write('R')), 1000);
          s.on('close', () => clearInterval(t));
          s.on('error', () => clearInterval(t));
        },
      ],
      [
        'never ends its headers',
        (s) => {
          s.write('RTSP/1.0 200 OK\r\nCSeq: 1\r\n');
          const t = setInterval(() => (s.destroyed ? clearInterval(t) : s.write(`X-Pad: ${'a'.repeat(1000)}\r\n`)), 50);
          s.on('close', () => clearInterval(t));
          s.on('error', () => clearInterval(t));
        },
      ],
      [
        'announces a 1 GB body',
        (s) => {
          s.on('data', () => s.write('RTSP/1.0 200 OK\r\nCSeq: 1\r\nContent-Length: 1073741824\r\n\r\nv=0\r\n'));
          s.on('error', () => undefined);
        },
      ],
    ];
    for (const [name, behaviour] of behaviours) {
      it(`ping and stream --probe end within the timeout when it ${name}`, async () => {
        const port = await rtspServer(behaviour);
        proxy.rules.set('GetStreamUri', {
          kind: 'rewrite',
          edit: (b) => b.replace(/rtsp:\/\/[^<]*/, `rtsp://${fleet.cameras[0]!.address}:${port}/live`),
        });
        const ping = await bounded(['--json', 'ping', proxy.url, '--timeout', '1', '--rtsp-port', String(port)], 1000);
        // The camera answers ONVIF: its state stays ok, with the stream down as a warning.
        expect(ping.code).toBe(0);
        expect(JSON.parse(ping.stdout).results[0].warnings).toContain('stream-down');
        expect(ping.ms).toBeLessThan(1000 * 3 + 4000);
        const probe = await bounded(['--json', 'stream', proxy.url, '--probe', '--timeout', '1'], 1000);
        expect(probe.code).toBe(1);
        expect(JSON.parse(probe.stdout).probe.ok).toBe(false);
      });
    }
  });
});
