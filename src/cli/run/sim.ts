import { UserError } from '../../errors.js';
import { parseFaultSpec, targetsCamera, type FaultSpec } from '../../sim/fault-spec.js';
import { startFleet, type CameraOverride } from '../../sim/index.js';
import type { AuthMode } from '../../sim/model.js';
import type { Cli } from '../context.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { renderSimStarted } from '../views/sim-view.js';

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
  state?: string;
  ptzSpeed: number;
  fault?: string[];
}

function faultOverrides(specs: FaultSpec[], count: number): CameraOverride[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `cam-${String(i + 1).padStart(Math.max(3, String(count).length), '0')}`;
    const faults = Object.assign({}, ...specs.filter((s) => targetsCamera(s, i, name)).map((s) => s.changes));
    return { faults };
  });
}

/** `camfleet sim`: starts the fleet, reports it, and runs until interrupted. */
export async function runSim(cli: Cli, opts: SimOptions): Promise<ExitCode> {
  let specs: FaultSpec[];
  try {
    specs = (opts.fault ?? []).map(parseFaultSpec);
  } catch (err) {
    throw new UserError(`invalid --fault: ${(err as Error).message}`);
  }
  let fleet;
  try {
    fleet = await startFleet({
      count: opts.count,
      addressBase: opts.addressBase,
      singleAddress: opts.singleAddress,
      port: opts.port,
      rtspPort: opts.rtspPort,
      username: opts.user,
      password: opts.password,
      auth: opts.auth,
      interfaces: opts.interface,
      discovery: opts.discovery,
      statePath: opts.state,
      ptzSpeed: opts.ptzSpeed,
      cameras: faultOverrides(specs, opts.count),
      warn: (message) => cli.warn(`sim: ${message}`),
    });
  } catch (err) {
    throw new UserError(`cannot start the simulator: ${(err as Error).message}`, {
      hint: 'another simulator may hold these addresses; stop it, or choose others with --address-base',
    });
  }
  renderSimStarted(cli, fleet.cameras, opts.password !== undefined);
  const signal = await cli.interrupted();
  cli.info(`\n${signal}: stopping ${fleet.cameras.length} camera${fleet.cameras.length === 1 ? '' : 's'}…`);
  await fleet.stop();
  return Exit.Ok;
}
