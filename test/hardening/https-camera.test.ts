import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../src/sim/index.js';
import { reserveBlock } from '../helpers/address-block.js';
import { credentialsFile } from '../helpers/credentials-file.js';
import { makeSite, point, SITE } from '../helpers/inventory-fixture.js';
import { runCli } from '../helpers/run-cli.js';

// A camera that serves ONVIF over https with its own self-signed certificate (made here with openssl): a TLS
// front on the simulated camera's address that forwards to it and names itself in the addresses it returns.
// Certificates are checked by default; a pinned fingerprint or an explicit "any" lets camfleet in.
const block = reserveBlock();
let fleet: Fleet;
let front: Server;
let url = '';
let fingerprint = '';
let dir = '';
let requestsOverTls = 0;

beforeAll(async () => {
  fleet = await startFleet({ count: 1, addressBase: block.address(1, 1), standardPorts: false, port: 0, rtspPort: 0, discovery: false });
  const camera = fleet.cameras[0]!;
  dir = await mkdtemp(join(tmpdir(), 'camfleet-tls-'));
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=camera',
    '-addext',
    `subjectAltName=IP:${camera.address}`,
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
  ]);
  const cert = await readFile(join(dir, 'cert.pem'));
  fingerprint = new X509Certificate(cert).fingerprint256;
  let port = 0;
  front = createServer({ key: await readFile(join(dir, 'key.pem')), cert }, (req, res) => {
    requestsOverTls++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const forward = request(
        { host: camera.address, port: camera.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (c: Buffer) => body.push(c));
          answer.on('end', () => {
            const text = Buffer.concat(body)
              .toString('latin1')
              .replaceAll(`http://${camera.address}:${camera.port}`, `https://${camera.address}:${port}`);
            const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(text, 'latin1')) };
            res.writeHead(answer.statusCode ?? 502, headers).end(text, 'latin1');
          });
        },
      );
      forward.end(Buffer.concat(chunks));
    });
  });
  front.listen(0, camera.address);
  await once(front, 'listening');
  port = (front.address() as AddressInfo).port;
  url = `https://${camera.address}:${port}/onvif/device_service`;
});
afterAll(async () => {
  front?.closeAllConnections();
  front?.close();
  await fleet?.stop();
  await rm(dir, { recursive: true, force: true });
  block.release();
});

const info = (...extra: string[]) => runCli(['info', url, ...extra], { env: { CAMFLEET_PASSWORD: 'camfleet' } });

describe('an https camera with a self-signed certificate', () => {
  it('is refused by default, saying how to pin its certificate', async () => {
    const before = requestsOverTls;
    const run = await info();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/certificate/i);
    expect(run.stderr).toMatch(/--tls-fingerprint/);
    expect(requestsOverTls).toBe(before);
  });

  it('is read over TLS with its certificate pinned', async () => {
    const before = requestsOverTls;
    const run = await info('--tls-fingerprint', fingerprint);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Camfleet Sim/);
    expect(requestsOverTls).toBeGreaterThan(before);
  });

  it('is refused when another certificate is pinned', async () => {
    const run = await info('--tls-fingerprint', '00'.repeat(32));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is not the pinned one/);
  });

  it('is read with --tls-any-certificate, knowingly', async () => {
    const run = await info('--tls-any-certificate');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Camfleet Sim/);
  });

  it('is checked from the inventory with the fingerprint pinned on its point', async () => {
    const credentials = await credentialsFile();
    const site = await makeSite({
      'site.json': { ...SITE, defaults: { credentialProfile: 'test' } },
      'streets/main.json': {
        schemaVersion: 1,
        id: 'main',
        name: 'Main',
        points: [{ ...point('gate', url), device: { address: url, access: { tls: { certificateSha256: fingerprint } } } }],
      },
    });
    try {
      const args = ['--json', 'ping', '--inventory', site.dir, '--rtsp-port', String(fleet.cameras[0]!.rtspPort)];
      const run = await runCli(args, { env: credentials.env });
      expect(run.stdout, run.stderr).not.toBe('');
      const result = JSON.parse(run.stdout).results[0];
      expect(result.onvif?.ok ?? result.state, run.stderr).not.toMatch(/certificate/);
      expect(result.state).toBe('ok');
    } finally {
      await site.cleanup();
      await credentials.remove();
    }
  });
});
