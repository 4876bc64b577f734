import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../src/credentials/secret.js';
import { discover } from '../../src/discovery/discover.js';
import { type Fleet, startFleet } from '../../src/sim/index.js';
import { reserveBlock } from '../helpers/address-block.js';

// A real simulated camera, and liars on the same block that answer WS-Discovery probes sent to them.
const block = reserveBlock();
const camera = block.address(1, 1);
let fleet: Fleet;
const liars: Socket[] = [];
let trap: Server;
let trapHits = 0;

/** Answers every probe sent to `address` with what `reply` makes of the probe's MessageID. */
async function liar(address: string, reply: (messageId: string) => string | string[]): Promise<void> {
  // Address reuse, as WS-Discovery listeners share port 3702 with the simulator's multicast socket.
  const socket = createSocket({ type: 'udp4', reuseAddr: true });
  liars.push(socket);
  socket.on('message', (msg, rinfo) => {
    const id = /<(?:\w+:)?MessageID>([^<]+)</.exec(msg.toString())?.[1] ?? '';
    for (const r of [reply(id)].flat()) socket.send(Buffer.from(r), rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => socket.bind(3702, address, r));
}

const matches = (relatesTo: string | null, epr: string, xaddr: string, body = ''): string =>
  `<?xml version="1.0"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dn="http://www.onvif.org/ver10/network/wsdl">` +
  `<s:Header><a:MessageID>urn:uuid:00000000-0000-4000-8000-000000000001</a:MessageID>${relatesTo === null ? '' : `<a:RelatesTo>${relatesTo}</a:RelatesTo>`}<a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</a:Action></s:Header>` +
  `<s:Body><d:ProbeMatches><d:ProbeMatch><a:EndpointReference><a:Address>${epr}</a:Address></a:EndpointReference><d:Types>dn:NetworkVideoTransmitter</d:Types><d:XAddrs>${xaddr}</d:XAddrs><d:MetadataVersion>1</d:MetadataVersion>${body}</d:ProbeMatch></d:ProbeMatches></s:Body></s:Envelope>`;

beforeAll(async () => {
  fleet = await startFleet({ count: 1, addressBase: camera, standardPorts: false, port: 8080 });
  trap = createServer((_req, res) => {
    trapHits++;
    res.writeHead(500).end();
  });
  trap.on('connection', () => trapHits++);
  await new Promise<void>((r) => trap.listen(8080, block.address(5, 5), r));
  const epr = fleet.cameras[0]!.endpointReference;
  // Claims the real camera's identity from another address.
  await liar(block.address(1, 2), (id) => matches(id, epr, `http://${block.address(1, 2)}:8080/onvif/device_service`));
  // Answers a probe nobody sent (no RelatesTo, then a wrong one).
  await liar(block.address(1, 3), () => [
    matches(null, 'urn:uuid:11111111-1111-4111-8111-111111111111', `http://${block.address(1, 3)}/onvif/device_service`),
    matches(
      'urn:uuid:22222222-2222-4222-8222-222222222222',
      'urn:uuid:11111111-1111-4111-8111-111111111112',
      `http://${block.address(1, 3)}/onvif/device_service`,
    ),
  ]);
  // Points camfleet at hosts nobody asked it to touch: another loopback host (a trap), a DNS name, TEST-NET.
  await liar(block.address(1, 4), (id) => [
    matches(id, 'urn:uuid:33333333-3333-4333-8333-333333333331', `http://${block.address(5, 5)}:8080/onvif/device_service`),
    matches(id, 'urn:uuid:33333333-3333-4333-8333-333333333332', 'http://camera.example/onvif/device_service'),
    matches(id, 'urn:uuid:33333333-3333-4333-8333-333333333333', 'http://192.0.2.7/onvif/device_service'),
  ]);
  // Twenty replies of ~63 KB nesting 9,000 elements deep.
  const deep = `${'<x>'.repeat(9000)}${'</x>'.repeat(9000)}`;
  await liar(block.address(1, 5), (id) =>
    Array.from({ length: 20 }, (_, i) =>
      matches(id, `urn:uuid:44444444-4444-4444-8444-4444444444${String(i).padStart(2, '0')}`, `http://${block.address(1, 5)}/`, deep),
    ),
  );
});
afterAll(async () => {
  for (const s of liars) s.close();
  await new Promise((r) => trap.close(r));
  await fleet.stop();
  block.release();
});

describe('discovery does not trust any ProbeMatch', () => {
  let result: Awaited<ReturnType<typeof discover>>;
  beforeAll(async () => {
    result = await discover({
      interfaces: [],
      localInterfaces: [],
      sweep: [1, 2, 3, 4, 5].map((d) => block.address(1, d)),
      http: false,
      ssdp: false,
      anyType: false,
      timeoutMs: 800,
      rate: 2000,
      concurrency: 8,
      enrich: true,
      credentials: { username: 'admin', password: new Secret('camfleet'), source: 'test' },
      callTimeoutMs: 1000,
    });
  });

  it('keeps both addresses that claim one EndpointReference, each with a conflict finding, and asks neither for credentials', () => {
    const epr = fleet.cameras[0]!.endpointReference;
    const claimants = result.devices.filter((d) => d.endpointReference === epr);
    expect(claimants.map((d) => d.address).sort()).toEqual([camera, block.address(1, 2)].sort());
    for (const d of claimants) {
      expect(d.findings.map((f) => f.kind)).toContain('conflicting-identity');
      expect(d.auth).toBe('unknown');
    }
  });

  it('ignores answers that do not relate to its probe', () => {
    expect(result.devices.some((d) => d.address === block.address(1, 3))).toBe(false);
    // Each probe goes out twice, so each forged answer comes twice.
    const reasons = result.ignored.filter((i) => i.from === block.address(1, 3)).map((i) => i.reason);
    expect(reasons.length).toBeGreaterThanOrEqual(2);
    expect(new Set(reasons)).toEqual(new Set(['not an answer to a probe camfleet sent (RelatesTo)']));
  });

  it('does not contact XAddrs outside what it was asked to look at', () => {
    const outside = result.devices.filter((d) => d.endpointReference?.startsWith('urn:uuid:33333333'));
    expect(outside).toHaveLength(3);
    for (const d of outside) expect(d.findings.map((f) => f.kind)).toEqual(['outside-xaddr']);
    expect(trapHits).toBe(0);
  });

  it('refuses deeply nested replies as malformed, without parsing them whole', () => {
    const deep = result.ignored.filter((i) => i.from === block.address(1, 5));
    expect(deep.length).toBeGreaterThanOrEqual(20);
    for (const d of deep) expect(d.reason).toMatch(/nested deeper than 64/);
    expect(result.devices.some((d) => d.address === block.address(1, 5))).toBe(false);
  });
});
