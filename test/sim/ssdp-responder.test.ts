import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../src/sim/index.js';
import { rawProbe } from '../helpers/raw-probe.js';
import { call } from '../helpers/soap-client.js';
import { reserveBlock } from '../helpers/address-block.js';

const block = reserveBlock();

let fleet: Fleet;

beforeAll(async () => {
  fleet = await startFleet({
    count: 3,
    addressBase: `127.${block.octet}.14.1`,
    ssdp: true,
    cameras: [{}, { faults: { onvifOff: true } }, { faults: { httpDown: true } }],
  });
});
afterAll(() => fleet.stop());

/** Sends one M-SEARCH to the SSDP group through loopback only and collects the answers (headers by name). */
async function mSearch(headers: string[], waitMs = 1200): Promise<Record<string, string>[]> {
  const socket = createSocket('udp4');
  const answers: Record<string, string>[] = [];
  socket.on('message', (msg) => {
    const [status, ...lines] = msg.toString().split('\r\n');
    const fields: Record<string, string> = { status: status ?? '' };
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) fields[line.slice(0, colon).toUpperCase()] = line.slice(colon + 1).trim();
    }
    answers.push(fields);
  });
  await new Promise<void>((r) => socket.bind({ address: '127.0.0.1', port: 0 }, () => r()));
  socket.setMulticastInterface('127.0.0.1');
  socket.send(['M-SEARCH * HTTP/1.1', 'HOST: 239.255.255.250:1900', ...headers, '', ''].join('\r\n'), 1900, '239.255.255.250');
  await new Promise((r) => setTimeout(r, waitMs));
  socket.close();
  const mine = new Set(fleet.cameras.map((c) => c.address));
  return answers.filter((a) => mine.has(new URL(a.LOCATION ?? 'http://0.0.0.0').hostname));
}

describe('SSDP responder of the simulator (UPnP Device Architecture 1.0)', () => {
  it('ssdp:all: the root device, its UDN and its device type, from each camera whose web server is up', async () => {
    const answers = await mSearch(['MAN: "ssdp:discover"', 'MX: 1', 'ST: ssdp:all']);
    const byCamera = (i: number) => answers.filter((a) => a.LOCATION!.startsWith(`http://${fleet.cameras[i]!.address}`));
    const udn = fleet.cameras[0]!.endpointReference.replace('urn:uuid:', 'uuid:');
    expect(
      byCamera(0)
        .map((a) => [a.ST, a.USN])
        .sort(),
    ).toEqual(
      [
        ['upnp:rootdevice', `${udn}::upnp:rootdevice`],
        [udn, udn],
        ['urn:schemas-upnp-org:device:Basic:1', `${udn}::urn:schemas-upnp-org:device:Basic:1`],
      ].sort(),
    );
    expect(byCamera(0)[0]).toMatchObject({ status: 'HTTP/1.1 200 OK', EXT: '', 'CACHE-CONTROL': 'max-age=1800' });
    expect(byCamera(1)).toHaveLength(3); // ONVIF off: UPnP still answers
    expect(byCamera(2)).toHaveLength(0); // no web server, no description, no answer
  });

  it('answers only the search target asked for, and ignores a search without MAN or MX', async () => {
    expect(await mSearch(['MAN: "ssdp:discover"', 'MX: 1', 'ST: upnp:rootdevice'])).toHaveLength(2);
    expect(await mSearch(['MAN: "ssdp:discover"', 'MX: 1', 'ST: urn:schemas-upnp-org:device:MediaServer:1'], 600)).toHaveLength(0);
    expect(await mSearch(['MX: 1', 'ST: ssdp:all'], 600)).toHaveLength(0);
    expect(await mSearch(['MAN: "ssdp:discover"', 'ST: ssdp:all'], 600)).toHaveLength(0);
  });

  it('serves the description document it points to, with the camera identity', async () => {
    const [answer] = await mSearch([
      'MAN: "ssdp:discover"',
      'MX: 1',
      `ST: ${fleet.cameras[0]!.endpointReference.replace('urn:uuid:', 'uuid:')}`,
    ]);
    const response = await fetch(answer!.LOCATION!);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    const xml = await response.text();
    expect(xml).toContain(`<serialNumber>${fleet.cameras[0]!.serialNumber}</serialNumber>`);
    expect(xml).toContain('<friendlyName>cam-001</friendlyName>');
  });

  it('a camera with ONVIF switched off has no SOAP services and does not answer WS-Discovery', async () => {
    const off = fleet.cameras[1]!;
    const reply = await call(off.xaddr, '<GetSystemDateAndTime xmlns="http://www.onvif.org/ver10/device/wsdl"/>');
    expect(reply.status).toBe(404);
    const on = await call(fleet.cameras[0]!.xaddr, '<GetSystemDateAndTime xmlns="http://www.onvif.org/ver10/device/wsdl"/>');
    expect(on.status).toBe(200);
    expect(await rawProbe([off.address], 400)).toHaveLength(0);
    expect(await rawProbe([fleet.cameras[0]!.address], 400)).toHaveLength(1);
  });
});
