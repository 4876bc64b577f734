import { UserError } from '../errors.js';
import { NotAppliedError, UnsupportedError } from '../onvif/errors.js';
import { getProfiles } from '../onvif/media.js';
import * as ptz from '../onvif/ptz.js';
import { requirePtz, type CameraSession } from './session.js';

export type { Position, Preset, PtzStatus } from '../onvif/ptz.js';

/** The media profile PTZ commands act through: the first one with a PTZ configuration. */
export async function ptzProfile(session: CameraSession, action: string): Promise<string> {
  const profiles = await getProfiles(session.client);
  await requirePtz(session, action, profiles);
  const profile = profiles.find((p) => p.hasPtz);
  if (!profile) throw new UnsupportedError('no media profile has a PTZ configuration', { endpoint: session.endpoint.url, action });
  return profile.token;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls GetStatus until pan/tilt and zoom are IDLE (or the limit passes); returns the final status. */
export async function waitIdle(session: CameraSession, profile: string, limitMs = 30_000, pollMs = 150): Promise<ptz.PtzStatus> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const status = await ptz.getStatus(session.client, profile);
    if (!status.moving) return status;
    if (Date.now() > deadline)
      throw new UserError(`the camera was still moving after ${Math.round(limitMs / 1000)} s`, {
        hint: "check it with 'camfleet ptz status'",
      });
    await sleep(pollMs);
  }
}

/**
 * Whether the head, now still, is where it was asked to go (on the axes asked). Many cameras accept a
 * move they cannot make (out of their range, a stuck motor, a firmware that ignores it) and answer OK;
 * only the position read back tells. Throws NotAppliedError, as apply calls the same case failed.
 */
export function checkArrived(
  session: CameraSession,
  at: ptz.Position,
  asked: Partial<ptz.Position>,
  tolerance: number,
  action: 'AbsoluteMove' | 'RelativeMove',
): void {
  const off = ptz.positionDistance(at, asked);
  if (off <= tolerance) return;
  throw new NotAppliedError(
    `the camera accepted the move but stopped at ${ptz.describePosition(at)}, not ${ptz.describePosition(asked)} (off by ${Number.isNaN(off) ? '?' : Math.round(off * 1000) / 1000}, tolerance ${tolerance})`,
    {
      endpoint: session.endpoint.url,
      action,
      hint: "the position may be outside what this head can reach, or the head does not move; see where it is with 'camfleet ptz status'",
    },
  );
}

/** Where a relative move should end: the start plus the amounts, held to the generic spaces. */
export function relativeTarget(start: ptz.Position, by: Partial<ptz.Position>): Partial<ptz.Position> {
  const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
  return {
    ...(by.pan !== undefined ? { pan: clamp(start.pan + by.pan, -1, 1) } : {}),
    ...(by.tilt !== undefined ? { tilt: clamp(start.tilt + by.tilt, -1, 1) } : {}),
    ...(by.zoom !== undefined ? { zoom: clamp(start.zoom + by.zoom, 0, 1) } : {}),
  };
}

export type MoveKind =
  | { kind: 'absolute'; to: Partial<ptz.Position> }
  | { kind: 'relative'; by: Partial<ptz.Position> }
  | { kind: 'continuous'; velocity: Partial<ptz.Position>; durationMs: number };

/** Moves the head; a camera that lacks the kind of move asked for gets a message saying which it has. */
export async function move(session: CameraSession, profile: string, m: MoveKind): Promise<void> {
  try {
    if (m.kind === 'absolute') await ptz.absoluteMove(session.client, profile, m.to);
    else if (m.kind === 'relative') await ptz.relativeMove(session.client, profile, m.by);
    else await ptz.continuousMove(session.client, profile, m.velocity, m.durationMs);
  } catch (err) {
    if (!(err instanceof UnsupportedError) || m.kind !== 'absolute') throw err;
    const nodes = await ptz.getNodes(session.client).catch(() => []);
    const alternatives = [
      nodes.some((n) => n.relative) ? '--relative' : '',
      nodes.some((n) => n.continuous) ? '--continuous --duration S' : '',
    ].filter(Boolean);
    throw new UnsupportedError(
      `this camera does not support AbsoluteMove${alternatives.length ? `; it moves with ${alternatives.join(' or ')}` : ''}`,
      { endpoint: err.endpoint, action: 'AbsoluteMove' },
    );
  }
}

/** Presets with this name (a camera may hold duplicates, made by clients that created instead of updating). */
export async function presetsNamed(session: CameraSession, profile: string, name: string): Promise<ptz.Preset[]> {
  return (await ptz.getPresets(session.client, profile)).filter((p) => p.name === name);
}

export interface PresetSetResult {
  name: string;
  token: string;
  /** updated: an existing preset of that name was overwritten in place; created: there was none. */
  outcome: 'updated' | 'created';
  position: ptz.Position;
}

/**
 * Saves the current position (after moving to `at`, when given) as the preset `name`. An existing preset
 * of that name is overwritten through its token, so the camera never ends up with two of the same name.
 */
export async function setPresetByName(
  session: CameraSession,
  profile: string,
  name: string,
  at?: Partial<ptz.Position>,
  tolerance = ptz.DEFAULT_POSITION_TOLERANCE,
): Promise<PresetSetResult> {
  if (at) {
    await move(session, profile, { kind: 'absolute', to: at });
    checkArrived(session, (await waitIdle(session, profile)).position, at, tolerance, 'AbsoluteMove');
  }
  const existing = (await presetsNamed(session, profile, name))[0];
  const token = await ptz.setPreset(session.client, profile, name, existing?.token);
  const status = await ptz.getStatus(session.client, profile);
  await checkPresetKept(session, profile, name, status.position, tolerance);
  return { name, token, outcome: existing ? 'updated' : 'created', position: status.position };
}

/** Reads the presets back: a camera may answer SetPreset and keep nothing, or keep it somewhere else. */
async function checkPresetKept(session: CameraSession, profile: string, name: string, at: ptz.Position, tolerance: number): Promise<void> {
  const named = await presetsNamed(session, profile, name);
  const fail = (message: string) =>
    new NotAppliedError(message, {
      endpoint: session.endpoint.url,
      action: 'SetPreset',
      hint: "list what it keeps with 'camfleet ptz presets'",
    });
  if (named.length === 0) throw fail(`the camera accepted preset '${name}' but does not list it afterwards`);
  if (named.length > 1) throw fail(`the camera now holds ${named.length} presets named '${name}'`);
  const kept = named[0]!.position;
  if (kept && !(ptz.positionDistance(kept, at) <= tolerance))
    throw fail(`the camera keeps preset '${name}' at ${ptz.describePosition(kept)}, not where the head is (${ptz.describePosition(at)})`);
}

export async function requirePreset(session: CameraSession, profile: string, name: string): Promise<ptz.Preset> {
  const presets = await ptz.getPresets(session.client, profile);
  const found = presets.find((p) => p.name === name);
  if (!found)
    throw new UserError(`no preset '${name}' on this camera`, {
      hint: presets.length ? `presets: ${presets.map((p) => p.name).join(', ')}` : 'it has no presets yet',
    });
  return found;
}

/**
 * Moves the head and, with `wait` (always for a continuous move, which ends by itself), waits until it is
 * idle; an absolute or relative move is then checked against where it was asked to end. Returns where the
 * head stopped, or null when it was not waited for.
 */
export async function moveAndCheck(
  session: CameraSession,
  profile: string,
  kind: MoveKind,
  options: { wait: boolean; tolerance: number },
): Promise<ptz.Position | null> {
  // A relative move is checked against where it started; a continuous one has no target to check.
  const start = options.wait && kind.kind === 'relative' ? (await ptz.getStatus(session.client, profile)).position : null;
  await move(session, profile, kind);
  const final = options.wait || kind.kind === 'continuous' ? (await waitIdle(session, profile)).position : null;
  const asked = kind.kind === 'absolute' ? kind.to : kind.kind === 'relative' && start ? relativeTarget(start, kind.by) : null;
  if (final && asked) checkArrived(session, final, asked, options.tolerance, kind.kind === 'absolute' ? 'AbsoluteMove' : 'RelativeMove');
  return final;
}

/** A position as the inventory writes it: four decimals are a tenth of a generic unit's thousandth. */
export const roundedPosition = (p: ptz.Position): ptz.Position => ({
  pan: Math.round(p.pan * 1e4) / 1e4,
  tilt: Math.round(p.tilt * 1e4) / 1e4,
  zoom: Math.round(p.zoom * 1e4) / 1e4,
});
