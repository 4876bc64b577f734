import onvif from 'onvif';
import { startFleet, type SimCameraInfo } from '../../sim/index.js';
import type { Cli } from '../context.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { renderTable } from '../views/table.js';

type Cam = InstanceType<typeof onvif.Cam>;

function connect(info: SimCameraInfo): Promise<Cam> {
  return new Promise((resolve, reject) => {
    const cam: Cam = new onvif.Cam(
      { hostname: info.address, port: info.port, username: info.username, password: info.password, timeout: 3000 },
      (err: Error | null) => (err ? reject(err) : resolve(cam)),
    );
  });
}

function call<T>(cam: Cam, method: string, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    (cam as unknown as Record<string, (...a: unknown[]) => void>)[method]!.call(cam, ...args, (err: Error | null, result: T) =>
      err ? reject(err) : resolve(result),
    );
  });
}

/** `camfleet demo`: a first look at camfleet on a simulated fleet, with one camera powered off. */
export async function runDemo(cli: Cli): Promise<ExitCode> {
  const step = (text: string): void => cli.info(cli.paint('bold', `\n▸ ${text}`));
  step('Starting 6 simulated cameras on 127.0.2.x (camera 4 is powered off)');
  const fleet = await startFleet({ count: 6, addressBase: '127.0.2.1', ptzSpeed: 4, cameras: [{}, {}, {}, { faults: { offline: true } }] });
  try {
    step('Reading every camera over ONVIF');
    const rows = await Promise.all(
      fleet.cameras.map(async (info) => {
        try {
          const cam = await connect(info);
          const device = await call<Record<string, string>>(cam, 'getDeviceInformation');
          const stream = await call<{ uri: string }>(cam, 'getStreamUri', { protocol: 'RTSP' });
          return [info.name, info.address, 'up', `${device.manufacturer} ${device.model}`, device.serialNumber ?? '', stream.uri];
        } catch (err) {
          return [info.name, info.address, 'DOWN', (err as Error).message, '', ''];
        }
      }),
    );
    const table = renderTable(['NAME', 'ADDRESS', 'STATE', 'DEVICE', 'SERIAL', 'STREAM'], rows, (s) => cli.paint('bold', s));
    if (cli.json) cli.out(JSON.stringify({ formatVersion: 1, cameras: rows.map(([name, address, state]) => ({ name, address, state })) }));
    else cli.out(table);

    step('Aiming cam-001 at the road and saving that as preset "road"');
    const cam = await connect(fleet.cameras[0]!);
    await call(cam, 'absoluteMove', { x: 0.1, y: -0.3, zoom: 0.2 });
    await new Promise((r) => setTimeout(r, 400));
    await call(cam, 'setPreset', { presetName: 'road' });
    const presets = await call<Record<string, unknown>>(cam, 'getPresets', {});
    cli.info(`cam-001 presets: ${Object.keys(presets).join(', ')}`);
  } finally {
    step('Stopping the simulated cameras');
    await fleet.stop();
  }
  return Exit.Ok;
}
