import type { SimCameraInfo } from '../../sim/camera.js';
import type { CameraOverride } from '../../sim/index.js';
import type { Cli } from '../context.js';
import { renderTable } from './table.js';
import { counted } from '../../text/counted.js';

/** What `camfleet sim` reports once every camera listens; passwords are never printed. */
export function renderSimStarted(cli: Cli, cameras: SimCameraInfo[], passwordGiven: boolean): void {
  if (cli.json) {
    const rows = cameras.map(({ password: _secret, ...rest }) => rest);
    cli.out(JSON.stringify({ formatVersion: 1, cameras: rows }));
    return;
  }
  const rows = cameras.map((c) => [c.name, c.address, String(c.port), String(c.rtspPort), c.serialNumber, c.mac, c.auth, c.xaddr]);
  cli.out(renderTable(['NAME', 'ADDRESS', 'HTTP', 'RTSP', 'SERIAL', 'MAC', 'AUTH', 'DEVICE SERVICE'], rows, (s) => cli.paint('bold', s)));
  const user = cameras[0]?.username ?? 'admin';
  cli.info(
    `\n${counted(cameras.length, 'simulated camera')} listening. Credentials: user '${user}', ` +
      (passwordGiven ? 'the password you gave.' : "password 'camfleet' (simulator default).") +
      '\nPress Ctrl-C to stop (cameras say WS-Discovery Bye).',
  );
}

/** Cameras that asked, through their inventory address, for a port they could not have (port 80 needs root). */
export function warnMovedPorts(cli: Cli, asked: CameraOverride[], started: SimCameraInfo[]): void {
  const movedPorts = asked.filter((c, i) => c.address && c.port !== undefined && started[i]!.port !== c.port);
  if (movedPorts.length > 0) {
    cli.warn(
      `sim: ${movedPorts.length} camera(s) could not listen on the port their inventory address names (port 80 needs root); they listen on ${started[0]!.port}. Run as root, or give the inventory addresses with :${started[0]!.port}.`,
    );
  }
}
