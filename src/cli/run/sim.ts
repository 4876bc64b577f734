import { createInterface } from 'node:readline';
import { runSimCommand } from '../../sim/line-commands.js';
import { UserError } from '../../errors.js';
import { parseFaultSpec, targetsCamera, type FaultSpec } from '../../sim/fault-spec.js';
import { parsePersonaSpec } from '../../sim/persona.js';
import { type CameraOverride, type Fleet, startFleet } from '../../sim/index.js';
import type { AuthMode } from '../../sim/model.js';
import type { Cli } from '../context.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { renderSimStarted } from '../views/sim-view.js';
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

/**
 * Adds each camera's faults and persona to its override; cameras are named cam-001… unless the inventory
 * names them. A later --persona for the same camera wins.
 */
function withFaults(specs: FaultSpec[], personas: ReturnType<typeof parsePersonaSpec>[], cameras: CameraOverride[]): CameraOverride[] {
  const width = Math.max(3, String(cameras.length).length);
  return cameras.map((camera, i) => {
    const name = camera.name ?? `cam-${String(i + 1).padStart(width, '0')}`;
    const faults = Object.assign({}, ...specs.filter((s) => targetsCamera(s, i, name)).map((s) => s.changes));
    const persona = personas.filter((p) => targetsCamera({ changes: {}, targets: p.targets }, i, name)).at(-1)?.persona;
    return { ...camera, faults, ...(persona ? { persona } : {}) };
  });
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

/** Reads fault commands from standard input while the fleet runs (a closed input is simply the end of them). */
function readCommands(cli: Cli, fleet: Fleet): { close: () => void } {
  const lines = createInterface({ input: cli.input, terminal: false });
  lines.on('line', (line) => {
    runSimCommand(fleet, line).then(
      (said) => said && cli.info(`sim: ${said}`),
      (err: Error) => cli.warn(`sim: ${err.message}`),
    );
  });
  lines.on('error', () => undefined);
  return { close: () => lines.close() };
}

/** `camfleet sim`: starts the fleet, reports it, and runs until interrupted. */
export async function runSim(cli: Cli, opts: SimOptions): Promise<ExitCode> {
  let specs: FaultSpec[];
  try {
    specs = (opts.fault ?? []).map(parseFaultSpec);
  } catch (err) {
    throw new UserError(`invalid --fault: ${(err as Error).message}`);
  }
  let personas: ReturnType<typeof parsePersonaSpec>[];
  try {
    personas = (opts.persona ?? []).map(parsePersonaSpec);
  } catch (err) {
    throw new UserError(`invalid --persona: ${(err as Error).message}`, { hint: 'e.g. --persona minimal@3-5' });
  }
  const base: CameraOverride[] = opts.inventory ? await inventoryCameras(opts.inventory) : Array.from({ length: opts.count }, () => ({}));
  const cameras = withFaults(specs, personas, base);
  const unknown = [...specs, ...personas]
    .flatMap((s) => s.targets ?? [])
    .filter((t) => !/^\d+$/.test(t) && !cameras.some((c) => c.name === t));
  if (unknown.length > 0)
    throw new UserError(`--fault names unknown camera${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')}`, {
      hint: 'name cameras by number (1-based) or by name as the table shows',
    });
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
  const commands = readCommands(cli, fleet);
  const signal = await cli.interrupted();
  commands.close();
  cli.info(`\n${signal}: stopping ${counted(fleet.cameras.length, 'camera')}…`);
  await fleet.stop();
  return Exit.Ok;
}
