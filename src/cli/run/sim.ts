import { UserError } from '../../errors.js';
import { camerasWith } from '../../sim/camera-plan.js';
import { type CameraOverride, startFleet } from '../../sim/index.js';
import type { AuthMode } from '../../sim/model.js';
import type { Cli } from '../context.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { renderSimStarted } from '../views/sim-view.js';
import { readSimCommands } from './sim-input.js';
import { counted } from '../../text/counted.js';

export interface SimOptions {
  count: number;
  addressBase: string;
  singleAddress?: string;
  port?: number;
  rtspPort?: number;
  user: string;
  password?: string;
  auth: AuthMode;
  interface?: string[];
  discovery: boolean;
  ssdp: boolean;
  state?: string;
  ptzSpeed: number;
  fault?: string[];
  persona?: string[];
  inventory?: string;
}

async function inventoryCameras(dir: string): Promise<CameraOverride[]> {
  const [{ loadInventory }, { overridesFromInventory }] = await Promise.all([
    import('../../inventory/load.js'),
    import('../../sim/from-inventory.js'),
  ]);
  const cameras = overridesFromInventory(await loadInventory(dir));
  if (cameras.length === 0)
    throw new UserError(`the inventory at ${dir} has no camera points`, { hint: 'add points to its streets/*.json files' });
  return cameras;
}

/** `camfleet sim`: starts the fleet, reports it, and runs until interrupted. */
export async function runSim(cli: Cli, opts: SimOptions): Promise<ExitCode> {
  const base: CameraOverride[] = opts.inventory ? await inventoryCameras(opts.inventory) : Array.from({ length: opts.count }, () => ({}));
  const cameras = camerasWith(base, { faults: opts.fault ?? [], personas: opts.persona ?? [] });
  let fleet;
  try {
    fleet = await startFleet({
      count: cameras.length,
      addressBase: opts.addressBase,
      singleAddress: opts.singleAddress,
      port: opts.port,
      rtspPort: opts.rtspPort,
      username: opts.user,
      password: opts.password,
      auth: opts.auth,
      interfaces: opts.interface,
      discovery: opts.discovery,
      ssdp: opts.ssdp,
      statePath: opts.state,
      ptzSpeed: opts.ptzSpeed,
      cameras,
      warn: (message) => cli.warn(`sim: ${message}`),
    });
  } catch (err) {
    throw new UserError(`cannot start the simulator: ${(err as Error).message}`, {
      hint: 'another simulator may hold these addresses; stop it, or choose others with --address-base',
    });
  }
  renderSimStarted(cli, fleet.cameras, opts.password !== undefined);
  const movedPorts = cameras.filter((c, i) => c.address && c.port !== undefined && fleet.cameras[i]!.port !== c.port);
  if (movedPorts.length > 0) {
    cli.warn(
      `sim: ${movedPorts.length} camera(s) could not listen on the port their inventory address names (port 80 needs root); they listen on ${fleet.cameras[0]!.port}. Run as root, or give the inventory addresses with :${fleet.cameras[0]!.port}.`,
    );
  }
  const commands = readSimCommands(cli, fleet);
  const signal = await cli.interrupted();
  commands.close();
  cli.info(`\n${signal}: stopping ${counted(fleet.cameras.length, 'camera')}…`);
  await fleet.stop();
  return Exit.Ok;
}
