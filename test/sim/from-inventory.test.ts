import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/inventory/load.js';
import { overridesFromInventory } from '../../src/sim/from-inventory.js';
import { startFleet, type Fleet } from '../../src/sim/index.js';
import { call } from '../helpers/soap-client.js';
import { copySample } from '../helpers/sample-copy.js';

let fleet: Fleet;
// A copy of the sample on its own addresses (127.62.x.y), so the demo's test can use the sample's own.
const sample = await copySample('tan-xuan-2', 62);
const [site] = await loadInventory(sample.dir);

beforeAll(async () => {
  fleet = await startFleet({ cameras: overridesFromInventory([site!]), discovery: false });
});
afterAll(async () => {
  await fleet.stop();
  await sample.cleanup();
});

describe('sim --inventory: one camera per point, as the point describes it', () => {
  it('listens at each point address with its identity', async () => {
    expect(fleet.cameras).toHaveLength(12);
    const gate = site!.streets.find((s) => s.doc.id === 'cong-chinh')!.doc.points.find((p) => p.id === 'tx2-gate-in')!;
    const camera = fleet.cameras.find((c) => c.name === 'tx2-gate-in')!;
    expect(camera.address).toBe(gate.device.address);
    const info = await call(camera.xaddr, '<GetDeviceInformation xmlns="http://www.onvif.org/ver10/device/wsdl"/>');
    expect(info.body).toContain(`<tds:SerialNumber>${gate.device.identity!.serialNumber}</tds:SerialNumber>`);
    expect(camera.endpointReference).toBe(gate.device.identity!.endpointReference);
    const presets = await call(
      camera.xaddr.replace('device_service', 'ptz_service'),
      '<GetPresets xmlns="http://www.onvif.org/ver20/ptz/wsdl"><ProfileToken>Profile_1</ProfileToken></GetPresets>',
    );
    for (const preset of gate.ptz!.presets!) {
      expect(presets.body).toContain(`<tt:Name>${preset.name}</tt:Name><tt:PTZPosition><tt:PanTilt x="${preset.pan}" y="${preset.tilt}"`);
    }
  });

  it('streams as the inventory asks, and has no PTZ where the point has none', async () => {
    const parking = fleet.cameras.find((c) => c.name === 'tx2-gate-parking')!;
    const services = await call(
      parking.xaddr,
      '<GetServices xmlns="http://www.onvif.org/ver10/device/wsdl"><IncludeCapability>false</IncludeCapability></GetServices>',
    );
    expect(services.body).not.toContain('<tds:Namespace>http://www.onvif.org/ver20/ptz/wsdl');
    const encoders = await call(
      parking.xaddr.replace('device_service', 'media2_service'),
      '<GetVideoEncoderConfigurations xmlns="http://www.onvif.org/ver20/media/wsdl"/>',
    );
    expect(encoders.body).toMatch(
      /token="VideoEncoder_1" GovLength="50".*?<tt:Width>1920<\/tt:Width><tt:Height>1080<\/tt:Height>.*?<tt:BitrateLimit>4096</,
    );
  });
});
