import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../src/sim/index.js';
import { PERSONA_NAMES, type PersonaName } from '../../src/sim/persona.js';
import { reserveBlock } from '../helpers/address-block.js';
import { makeSite, point, SITE } from '../helpers/inventory-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { call, envelope, post, wsseHeader } from '../helpers/soap-client.js';

// One camera per persona, each command against each, through the built CLI (a subprocess, so an
// unsettled promise at exit shows as 13). A command works, or says in one line what the device does
// not support: never a crash, a hang or 13.
const block = reserveBlock();
let fleet: Fleet;
let site: { dir: string; cleanup: () => Promise<void> };
let work: string;
const env = { CAMFLEET_PASSWORD: 'camfleet' };
const TIMEOUT_S = 2;

beforeAll(async () => {
  fleet = await startFleet({
    addressBase: block.address(1, 1),
    discovery: false,
    ptzSpeed: 8,
    cameras: PERSONA_NAMES.map((persona) => ({ persona, presets: [{ name: 'road', pan: 0.2, tilt: 0, zoom: 0 }] })),
  });
  work = await mkdtemp(join(tmpdir(), 'camfleet-personas-'));
  site = await makeSite({
    'site.json': SITE,
    'streets/main.json': {
      schemaVersion: 1,
      id: 'main',
      name: 'Main',
      points: PERSONA_NAMES.map((persona, i) => point(persona, fleet.cameras[i]!.address)),
    },
  });
});
afterAll(async () => {
  await fleet.stop();
  await site.cleanup();
  await rm(work, { recursive: true, force: true });
  block.release();
});

const COMMANDS: Record<string, (host: string, persona: PersonaName) => string[]> = {
  info: (h) => ['info', h],
  profiles: (h) => ['profiles', h],
  'stream --probe': (h) => ['stream', h, '--probe'],
  'ptz presets': (h) => ['ptz', 'presets', h],
  'ptz preset set': (h) => ['ptz', 'preset', 'set', h, 'gate', '--pan', '0.3', '--tilt', '-0.1', '--zoom', '0.2'],
  ping: (h) => ['ping', h],
  check: (_h, persona) => ['check', '--inventory', site.dir, '--point', persona, '--no-discovery'],
};

describe('every command against every persona', () => {
  it('works, or says in one line what the device lacks; never 13, a hang or an internal error', async () => {
    const limit = pLimit(4);
    const runs = await Promise.all(
      PERSONA_NAMES.flatMap((persona, i) =>
        Object.entries(COMMANDS).map(([name, args]) =>
          limit(async () => {
            const started = Date.now();
            const run = await runCli([...args(fleet.cameras[i]!.address, persona), '--timeout', String(TIMEOUT_S)], {
              env,
              timeoutMs: 30_000,
            });
            return { persona, name, ...run, ms: Date.now() - started };
          }),
        ),
      ),
    );
    // What each persona cannot do, and the line that says so; everything else works (exit 0).
    const expected: Partial<Record<PersonaName, Record<string, RegExp>>> = {
      minimal: { 'ptz presets': /has no PTZ service/, 'ptz preset set': /has no PTZ service/ },
      'stateless-presets': { 'ptz preset set': /accepted the move but stopped at/ },
    };
    for (const r of runs) {
      const what = `${r.persona} ${r.name}: exit ${r.code}\n${r.stderr}`;
      const refusal = expected[r.persona]?.[r.name];
      expect(r.code, what).toBe(refusal ? 1 : 0);
      if (refusal) {
        expect(r.stderr.trim().split('\n'), what).toHaveLength(1);
        expect(r.stderr, what).toMatch(refusal);
      }
      expect(r.stderr, what).not.toMatch(/internal error/);
      expect(r.ms, what).toBeLessThan(25_000);
    }
  }, 120_000);
});

describe('persona specifics on the wire', () => {
  const device = (i: number) => `http://${fleet.cameras[i]!.address}/onvif/device_service`;
  const info = '<GetDeviceInformation xmlns="http://www.onvif.org/ver10/device/wsdl"/>';
  const index = (p: PersonaName) => PERSONA_NAMES.indexOf(p);

  it('answers with Content-Length, never chunked; close-after-reply also says Connection: close', async () => {
    for (const persona of ['strict', 'close-after-reply'] as const) {
      const reply = await call(device(index(persona)), info);
      expect(reply.status).toBe(200);
      expect(reply.headers['content-length']).toBe(String(Buffer.byteLength(reply.body)));
      expect(reply.headers['transfer-encoding']).toBeUndefined();
      expect(reply.headers.connection).toBe(persona === 'close-after-reply' ? 'close' : 'keep-alive');
    }
  });

  it('replay-tolerant accepts a reused WS-Security nonce; strict refuses it', async () => {
    const header = wsseHeader('admin', 'camfleet');
    for (const persona of ['replay-tolerant', 'strict'] as const) {
      const first = await post(device(index(persona)), envelope(info, header));
      const again = await post(device(index(persona)), envelope(info, header));
      expect(first.status).toBe(200);
      expect(again.status, persona).toBe(persona === 'strict' ? 400 : 200);
    }
  });

  it('capabilities-only has no GetServices; its services are in GetCapabilities', async () => {
    const services = await call(
      device(index('capabilities-only')),
      '<GetServices xmlns="http://www.onvif.org/ver10/device/wsdl"><IncludeCapability>false</IncludeCapability></GetServices>',
    );
    expect(services.body).toContain('ActionNotSupported');
    const caps = await call(
      device(index('capabilities-only')),
      '<GetCapabilities xmlns="http://www.onvif.org/ver10/device/wsdl"><Category>All</Category></GetCapabilities>',
    );
    expect(caps.body).toMatch(/<tt:PTZ><tt:XAddr>/);
  });
});
