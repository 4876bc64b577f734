import { UserError } from '../errors.js';
import { parseFaultSpec, targetsCamera, type FaultSpec } from './fault-spec.js';
import type { CameraOverride } from './fleet.js';
import { parsePersonaSpec } from './persona.js';

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

/**
 * The cameras of a fleet with the faults and personas given as text (`offline@3`, `minimal@1-2`); a spec
 * that does not parse, or names a camera that is not there, is a UserError that says what is accepted.
 */
export function camerasWith(base: CameraOverride[], texts: { faults: string[]; personas: string[] }): CameraOverride[] {
  let specs: FaultSpec[];
  try {
    specs = texts.faults.map(parseFaultSpec);
  } catch (err) {
    throw new UserError(`invalid --fault: ${(err as Error).message}`);
  }
  let personas: ReturnType<typeof parsePersonaSpec>[];
  try {
    personas = texts.personas.map(parsePersonaSpec);
  } catch (err) {
    throw new UserError(`invalid --persona: ${(err as Error).message}`, { hint: 'e.g. --persona minimal@3-5' });
  }
  const cameras = withFaults(specs, personas, base);
  const unknown = [...specs, ...personas]
    .flatMap((s) => s.targets ?? [])
    .filter((t) => !/^\d+$/.test(t) && !cameras.some((c) => c.name === t));
  if (unknown.length > 0)
    throw new UserError(`--fault names unknown camera${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')}`, {
      hint: 'name cameras by number (1-based) or by name as the table shows',
    });
  return cameras;
}
