import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../src/sim/index.js';
import { endpointOf, probeMessage, rawProbe } from '../helpers/raw-probe.js';
import { validateEnvelopes } from '../helpers/validate-soap.js';
import { reserveBlock } from '../helpers/address-block.js';

const block = reserveBlock();

let fleet: Fleet;

beforeAll(async () => {
  fleet = await startFleet({ count: 50, addressBase: `127.${block.octet}.13.1` });
});
afterAll(() => fleet.stop());

const ours = (replies: { from: string; xml: string }[]) => {
  const mine = new Set(fleet.cameras.map((c) => c.endpointReference));
  return new Set(replies.map((r) => endpointOf(r.xml)).filter((e): e is string => e !== undefined && mine.has(e)));
};

describe('WS-Discovery responder', () => {
  it('answers a multicast probe on loopback from all 50 cameras, each from its own address', async () => {
    const replies = await rawProbe(['239.255.255.250'], 1200);
    expect(ours(replies).size).toBe(50);
    const addresses = new Set(fleet.cameras.map((c) => c.address));
    for (const reply of replies.filter((r) => addresses.has(r.from))) {
      expect(reply.xml).toContain(`http://${reply.from}`);
    }
  });

  it('answers a unicast probe to each camera address', async () => {
    const replies = await rawProbe(
      fleet.cameras.map((c) => c.address),
      400,
    );
    expect(ours(replies).size).toBe(50);
  });

  it('sends ProbeMatch messages that validate against the WS-Discovery schema', async () => {
    const replies = await rawProbe([fleet.cameras[0]!.address], 300);
    expect(replies).toHaveLength(1);
    const xml = replies[0]!.xml;
    expect(xml).toContain('onvif://www.onvif.org/name/cam-001<');
    expect(xml).toMatch(/<d:Types>dn:NetworkVideoTransmitter tds:Device<\/d:Types>/);
    const result = await validateEnvelopes({ ProbeMatch: xml });
    expect(result.output).toBe('');
  });

  it('honours the Types filter, resolving prefixes', async () => {
    const other = probeMessage(undefined, 'x:Printer').replace('<d:Types>', '<d:Types xmlns:x="urn:example:printers">');
    expect(await rawProbe([fleet.cameras[0]!.address], 300, other)).toHaveLength(0);
    const device = probeMessage(undefined, 'tds:Device').replace(
      '<d:Types>',
      '<d:Types xmlns:tds="http://www.onvif.org/ver10/device/wsdl">',
    );
    expect(await rawProbe([fleet.cameras[0]!.address], 300, device)).toHaveLength(1);
  });

  it('honours a Scopes filter', async () => {
    const scoped = (scope: string) => probeMessage().replace('</d:Types>', `</d:Types><d:Scopes>${scope}</d:Scopes>`);
    const byName = await rawProbe(['239.255.255.250'], 800, scoped('onvif://www.onvif.org/name/cam-007'));
    expect([...ours(byName)]).toEqual([fleet.cameras[6]!.endpointReference]);
    const byHardware = await rawProbe([fleet.cameras[0]!.address], 300, scoped('onvif://www.onvif.org/hardware'));
    expect(byHardware).toHaveLength(1);
  });

  it('ignores malformed probes and goes on answering', async () => {
    expect(await rawProbe([fleet.cameras[0]!.address], 200, '<not xml')).toHaveLength(0);
    expect(await rawProbe([fleet.cameras[0]!.address], 300)).toHaveLength(1);
  });

  it('stops answering for an offline camera, and answers again when it is back', async () => {
    const camera = fleet.camera(3);
    await camera.setFaults({ offline: true });
    expect(await rawProbe([camera.address], 300)).toHaveLength(0);
    await camera.setFaults({ offline: false });
    expect(await rawProbe([camera.address], 300)).toHaveLength(1);
  });
});
