import type { MoveKind } from '../device/ptz-ops.js';
import { UserError } from '../errors.js';
import type { DeviceFlags } from './device-target.js';

export interface MoveFlags extends DeviceFlags {
  pan?: number;
  tilt?: number;
  zoom?: number;
  relative?: boolean;
  continuous?: boolean;
  duration?: number;
  wait?: boolean;
  tolerance?: number;
}

/** The move the flags ask for, or a UserError that says which flags go together and what ranges hold. */
export function moveKind(flags: MoveFlags): MoveKind {
  const v = {
    ...(flags.pan !== undefined ? { pan: flags.pan } : {}),
    ...(flags.tilt !== undefined ? { tilt: flags.tilt } : {}),
    ...(flags.zoom !== undefined ? { zoom: flags.zoom } : {}),
  };
  if (Object.keys(v).length === 0) throw new UserError('no move given', { hint: 'give --pan and --tilt (and/or --zoom)' });
  if ((v.pan === undefined) !== (v.tilt === undefined))
    throw new UserError('--pan and --tilt go together', { hint: 'give both, e.g. --pan 0.2 --tilt -0.1' });
  if (flags.relative && flags.continuous) throw new UserError('--relative and --continuous exclude each other');
  if (flags.continuous) {
    if (!flags.duration) throw new UserError('--continuous needs --duration SECONDS');
    return { kind: 'continuous', velocity: v, durationMs: flags.duration * 1000 };
  }
  const inRange = (n: number | undefined, min: number, max: number) => n === undefined || (n >= min && n <= max);
  if (!flags.relative && (!inRange(v.pan, -1, 1) || !inRange(v.tilt, -1, 1) || !inRange(v.zoom, 0, 1))) {
    throw new UserError('absolute positions are in the generic spaces: pan and tilt from -1 to 1, zoom from 0 to 1');
  }
  return flags.relative ? { kind: 'relative', by: v } : { kind: 'absolute', to: v };
}
