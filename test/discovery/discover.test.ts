import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover, type DiscoverOptions } from '../../src/discovery/discover.js';
import { localInterfaces, selectInterfaces } from '../../src/discovery/interfaces.js';
import { addressesOf, parseRange } from '../../src/discovery/ranges.js';
import { compileOutputSchema } from '../../src/inventory/schemas.js';
import { discoveryJson } from '../../src/cli/views/discover-view.js';
import { Secret } from '../../src/credentials/secret.js';
import { startFleet, type Fleet } from '../../src/sim/index.js';
import { call } from '../helpers/soap-client.js';
import { reserveBlock } from '../helpers/address-block.js';

const block = reserveBlock();

// Every probe leaves through loopback only: the interface is pinned to 127.0.0.1.
const loopback = selectInterfaces(['127.0.0.1'], localInterfaces());

function options(overrides: Partial<DiscoverOptions>): DiscoverOptions {
  return {
    interfaces: loopback,
    localInterfaces: localInterfaces(),
    sweep: [],
    http: false,
    ssdp: false,
    anyType: false,
    timeoutMs: 3000,
    rate: 2000,
    concurrency: 32,
    enrich: true,
    credentials: undefined,
    callTimeoutMs: 3000,
    ...overrides,
  };
}

let fleet: Fleet;
beforeAll(async () => {
  fleet = await startFleet({ count: 200, addressBase: `127.${block.octet}.40.1` });
});
afterAll(() => fleet.stop());

const ours = <T extends { endpointReference: string | null }>(devices: T[]): T[] => {
  const mine = new Set(fleet.cameras.map((c) => c.endpointReference));
  return devices.filter((d) => d.endpointReference && mine.has(d.endpointReference));
};

describe('camfleet discover against 200 simulated cameras', () => {
  it('multicast on loopback finds all 200 in one default run, five runs in a row', async () => {
    for (let run = 0; run < 5; run++) {
      const result = await discover(options({ enrich: false }));
      expect(ours(result.devices), `run ${run + 1}`).toHaveLength(200);
    }
  });

  it('a unicast sweep over the fleet /24 finds them all, without multicast', async () => {
    const sweep = [...addressesOf([parseRange(`127.${block.octet}.40.0/24`)])];
    const result = await discover(options({ interfaces: [], sweep, timeoutMs: 1000, enrich: false }));
    const found = ours(result.devices);
    expect(found).toHaveLength(200);
    expect(found.every((d) => d.sources.includes('unicast') && !d.sources.includes('multicast'))).toBe(true);
  });

  it('enriches: clock skew without credentials, identity and MAC with them; JSON matches its schema', async () => {
    const credentials = { username: 'admin', password: new Secret('camfleet'), source: 'test' };
    const sweep = [...addressesOf([parseRange(`127.${block.octet}.40.1-5`)])];
    const result = await discover(options({ interfaces: [], sweep, timeoutMs: 500, credentials }));
    const found = ours(result.devices);
    expect(found).toHaveLength(5);
    for (const d of found) {
      const camera = fleet.cameras.find((c) => c.endpointReference === d.endpointReference)!;
      expect(d).toMatchObject({
        serialNumber: camera.serialNumber,
        mac: camera.mac,
        name: camera.name,
        manufacturer: 'Camfleet Sim',
        auth: 'ok',
      });
      expect(Math.abs(d.clockSkewSeconds!)).toBeLessThan(1.5);
    }
    const validate = compileOutputSchema('discovery');
    expect(validate(JSON.parse(discoveryJson(result))), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('discovery in a messy network', () => {
  let printer: ReturnType<typeof createSocket>;
  beforeAll(async () => {
    // A "printer" and a broken device on the WS-Discovery group, answering every probe.
    printer = createSocket({ type: 'udp4', reuseAddr: true });
    printer.on('message', (msg, rinfo) => {
      if (!msg.toString().includes('discovery/Probe')) return;
      const relates = /MessageID>([^<]+)</.exec(msg.toString())?.[1];
      const printerMatch = `<?xml version="1.0"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:p="http://schemas.microsoft.com/windows/2006/08/wdp/print"><s:Header><a:RelatesTo>${relates}</a:RelatesTo></s:Header><s:Body><d:ProbeMatches><d:ProbeMatch><a:EndpointReference><a:Address>urn:uuid:00000000-0000-4000-8000-0000000000aa</a:Address></a:EndpointReference><d:Types>p:PrintDeviceType</d:Types><d:XAddrs>http://127.${block.octet}.41.9/printer</d:XAddrs></d:ProbeMatch></d:ProbeMatches></s:Body></s:Envelope>`;
      printer.send(printerMatch, rinfo.port, rinfo.address);
      printer.send('<s:Envelope><broken', rinfo.port, rinfo.address);
    });
    await new Promise<void>((r) => printer.bind(3702, '239.255.255.250', () => r()));
    printer.addMembership('239.255.255.250', '127.0.0.1');
  });
  afterAll(() => printer.close());

  it('ignores non-ONVIF and malformed replies and loses no camera', async () => {
    const result = await discover(options({ enrich: false, timeoutMs: 1500 }));
    expect(ours(result.devices)).toHaveLength(200);
    expect(result.devices.some((d) => d.endpointReference === 'urn:uuid:00000000-0000-4000-8000-0000000000aa')).toBe(false);
    expect(result.ignored.some((i) => /not an ONVIF device \(types: p:PrintDeviceType\)/.test(i.reason))).toBe(true);
    expect(result.ignored.some((i) => i.reason !== '' && !/ONVIF/.test(i.reason))).toBe(true);
  });
});

describe('cameras this host cannot reach, and devices found by HTTP or SSDP', () => {
  let odd: Fleet;
  beforeAll(async () => {
    // A camera a technician left on a wrong static address: it still answers multicast on our link,
    // but its XAddr names a subnet none of our interfaces is on.
    odd = await startFleet({ count: 1, addressBase: `127.${block.octet}.42.1` });
    const moved = await call(
      odd.cameras[0]!.xaddr,
      '<SetNetworkInterfaces xmlns="http://www.onvif.org/ver10/device/wsdl"><InterfaceToken>eth0</InterfaceToken><NetworkInterface><tt:IPv4 xmlns:tt="http://www.onvif.org/ver10/schema"><tt:Enabled>true</tt:Enabled><tt:Manual><tt:Address>10.250.0.7</tt:Address><tt:PrefixLength>24</tt:PrefixLength></tt:Manual><tt:DHCP>false</tt:DHCP></tt:IPv4></NetworkInterface></SetNetworkInterfaces>',
    );
    expect(moved.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
  });
  afterAll(async () => {
    await odd.stop();
  });

  it('flags an XAddr on a subnet none of our interfaces is on', async () => {
    const result = await discover(options({ enrich: false, timeoutMs: 1200 }));
    const stray = result.devices.find((d) => d.endpointReference === odd.cameras[0]!.endpointReference);
    expect(stray?.findings.map((f) => f.kind)).toEqual(['unreachable-xaddr']);
    expect(stray?.address).toBe('10.250.0.7');
  });

  it('--http finds a device that ignores probes', async () => {
    const silent = await startFleet({ count: 1, addressBase: `127.${block.octet}.43.1`, discovery: false });
    try {
      const result = await discover(options({ sweep: [`127.${block.octet}.43.1`], http: true, timeoutMs: 1500, enrich: false }));
      expect(result.devices.find((d) => d.address === `127.${block.octet}.43.1`)?.sources).toEqual(['http']);
    } finally {
      await silent.stop();
    }
  });

  it('--ssdp merges a camera that answers UPnP too, and lists one with ONVIF switched off as ssdp only', async () => {
    const upnp = await startFleet({
      count: 2,
      addressBase: `127.${block.octet}.43.10`,
      ssdp: true,
      cameras: [{}, { faults: { onvifOff: true } }],
    });
    try {
      const result = await discover(options({ ssdp: true, timeoutMs: 1500 }));
      const [both, onvifOff] = upnp.cameras.map((c) => result.devices.filter((d) => d.address === c.address));
      expect(both).toHaveLength(1);
      expect(both![0]!.sources.sort()).toEqual(['multicast', 'ssdp']);
      expect(both![0]!.ssdp).toMatchObject({ friendlyName: 'cam-001', serialNumber: upnp.cameras[0]!.serialNumber });
      // Without credentials, what UPnP says is the identity shown.
      expect(both![0]).toMatchObject({
        endpointReference: upnp.cameras[0]!.endpointReference,
        serialNumber: upnp.cameras[0]!.serialNumber,
        model: upnp.cameras[0]!.model,
      });
      expect(onvifOff).toHaveLength(1);
      expect(onvifOff![0]).toMatchObject({
        sources: ['ssdp'],
        endpointReference: null,
        name: 'cam-002',
        serialNumber: upnp.cameras[1]!.serialNumber,
        manufacturer: upnp.cameras[1]!.manufacturer,
      });
      // And without --ssdp, the camera with ONVIF switched off is not there at all.
      const plain = await discover(options({ timeoutMs: 1000, enrich: false }));
      expect(plain.devices.some((d) => d.address === upnp.cameras[1]!.address)).toBe(false);
    } finally {
      await upnp.stop();
    }
  });
});
