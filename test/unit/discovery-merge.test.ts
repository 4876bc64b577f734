import { describe, expect, it } from 'vitest';
import { mergeByIdentity, mergeFindings } from '../../src/discovery/merge.js';
import type { DiscoveredDevice, ProbeMatch, SsdpHit } from '../../src/discovery/model.js';

const match = (epr: string, address: string): ProbeMatch => ({
  endpointReference: epr,
  types: ['dn:NetworkVideoTransmitter'],
  scopes: [`onvif://www.onvif.org/name/${address}`],
  xaddrs: [`http://${address}/onvif/device_service`],
  metadataVersion: 1,
  from: address,
  source: 'multicast',
  via: '127.0.0.1',
});
const hit = (address: string, usn: string, serialNumber?: string): SsdpHit => ({
  address,
  usn,
  location: `http://${address}/upnp/description.xml`,
  server: undefined,
  manufacturer: 'Acme',
  model: 'C1',
  ...(serialNumber ? { serialNumber } : {}),
});
const EPR_A = 'urn:uuid:0f2c3a4b-1111-4222-8333-444455556666';
const EPR_B = 'urn:uuid:0f2c3a4b-7777-4888-8999-aaaabbbbcccc';

describe('merging what discovery heard (pure)', () => {
  it('an SSDP answer joins the ONVIF device of the same UUID, even from another address, else the one at its address', () => {
    const devices = mergeFindings(
      [match(EPR_A, '10.0.0.5'), match(EPR_B, '10.0.0.6')],
      [],
      [
        hit('10.0.1.5', 'uuid:0F2C3A4B-1111-4222-8333-444455556666::upnp:rootdevice'),
        hit('10.0.0.6', 'uuid:99999999-0000-4000-8000-000000000000::upnp:rootdevice'),
        hit('10.0.0.9', 'uuid:12345678-0000-4000-8000-000000000000'),
      ],
    );
    expect(devices.map((d) => [d.address, d.sources.join(',')])).toEqual([
      ['10.0.0.5', 'multicast,ssdp'],
      ['10.0.0.6', 'multicast,ssdp'],
      ['10.0.0.9', 'ssdp'],
    ]);
    expect(devices[0]!.ssdp?.address).toBe('10.0.1.5');
    expect(devices[2]).toMatchObject({ manufacturer: 'Acme', model: 'C1', endpointReference: null });
  });

  it('the same MAC is one device; a UPnP-only device joins the one ONVIF device of its serial number', () => {
    const [a, b, upnp] = mergeFindings(
      [match(EPR_A, '10.0.0.5'), match(EPR_B, '10.0.0.6')],
      [],
      [hit('10.0.1.5', 'uuid:12345678-0000-4000-8000-000000000000', 'SN-A')],
    ) as [DiscoveredDevice, DiscoveredDevice, DiscoveredDevice];
    Object.assign(a, { serialNumber: 'sn-a', mac: '02:00:00:00:00:0A' });
    Object.assign(b, { serialNumber: 'SN-B', mac: '02:00:00:00:00:0a' });
    const merged = mergeByIdentity([a, b, upnp]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.sources.sort()).toEqual(['multicast', 'ssdp']);
    expect(merged[0]!.xaddrs).toEqual(['http://10.0.0.5/onvif/device_service', 'http://10.0.0.6/onvif/device_service']);
  });

  it('a serial number shared by two ONVIF devices merges nothing (cheap cameras share them)', () => {
    const [a, b, upnp] = mergeFindings(
      [match(EPR_A, '10.0.0.5'), match(EPR_B, '10.0.0.6')],
      [],
      [hit('10.0.1.5', 'uuid:12345678-0000-4000-8000-000000000000', '0000')],
    ) as [DiscoveredDevice, DiscoveredDevice, DiscoveredDevice];
    Object.assign(a, { serialNumber: '0000' });
    Object.assign(b, { serialNumber: '0000' });
    expect(mergeByIdentity([a, b, upnp]).map((d) => d.address)).toEqual(['10.0.0.5', '10.0.0.6', '10.0.1.5']);
  });
});
