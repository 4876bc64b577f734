import { UserError } from '../../errors.js';
import { camerasWith } from '../../sim/camera-plan.js';
import { type CameraOverride, startFleet } from '../../sim/index.js';
import { inventoryCameras, type SimOptions } from '../sim-options.js';
import type { Cli } from '../context.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { renderSimStarted, warnMovedPorts } from '../views/sim-view.js';
import { readSimCommands } from './sim-input.js';
import { counted } from '../../text/counted.js';

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
  warnMovedPorts(cli, cameras, fleet.cameras);
  const commands = readSimCommands(cli, fleet);
  const signal = await cli.interrupted();
  commands.close();
  cli.info(`\n${signal}: stopping ${counted(fleet.cameras.length, 'camera')}…`);
  await fleet.stop();
  return Exit.Ok;
}
