import { UserError } from '../../errors.js';
import {
  checkArrived,
  move,
  ptzProfile,
  relativeTarget,
  requirePreset,
  setPresetByName,
  waitIdle,
  type MoveKind,
} from '../../device/ptz-ops.js';
import * as ptz from '../../onvif/ptz.js';
import type { PresetSpec } from '../../inventory/model.js';
import type { Cli } from '../context.js';
import { openTarget, type DeviceFlags } from '../device-target.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { renderPresetSet, renderPresets, renderPtzAction, renderPtzStatus } from '../views/ptz-view.js';

async function open(cli: Cli, text: string, flags: DeviceFlags, action: string) {
  const { target, session } = await openTarget(cli, text, flags);
  return { target, session, profile: await ptzProfile(session, action) };
}

export async function runPtzStatus(cli: Cli, text: string, flags: DeviceFlags): Promise<ExitCode> {
  const { target, session, profile } = await open(cli, text, flags, 'GetStatus');
  renderPtzStatus(cli, target.target, await ptz.getStatus(session.client, profile));
  return Exit.Ok;
}

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

function moveKind(flags: MoveFlags): MoveKind {
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

export async function runPtzMove(cli: Cli, text: string, flags: MoveFlags): Promise<ExitCode> {
  const kind = moveKind(flags);
  const { target, session, profile } = await open(cli, text, flags, 'Move');
  // A relative move is checked against where it started; a continuous one has no target to check.
  const start = flags.wait && kind.kind === 'relative' ? (await ptz.getStatus(session.client, profile)).position : null;
  await move(session, profile, kind);
  const final = flags.wait || kind.kind === 'continuous' ? (await waitIdle(session, profile)).position : null;
  const asked = kind.kind === 'absolute' ? kind.to : kind.kind === 'relative' && start ? relativeTarget(start, kind.by) : null;
  if (final && asked)
    checkArrived(
      session,
      final,
      asked,
      flags.tolerance ?? ptz.DEFAULT_POSITION_TOLERANCE,
      kind.kind === 'absolute' ? 'AbsoluteMove' : 'RelativeMove',
    );
  renderPtzAction(cli, target.target, `${kind.kind} move`, final);
  return Exit.Ok;
}

export async function runPtzStop(cli: Cli, text: string, flags: DeviceFlags): Promise<ExitCode> {
  const { target, session, profile } = await open(cli, text, flags, 'Stop');
  await ptz.stop(session.client, profile);
  renderPtzAction(cli, target.target, 'stop', (await ptz.getStatus(session.client, profile)).position);
  return Exit.Ok;
}

export async function runPtzHome(cli: Cli, text: string, flags: DeviceFlags & { wait?: boolean }): Promise<ExitCode> {
  const { target, session, profile } = await open(cli, text, flags, 'GotoHomePosition');
  await ptz.gotoHome(session.client, profile);
  renderPtzAction(cli, target.target, 'go home', flags.wait ? (await waitIdle(session, profile)).position : null);
  return Exit.Ok;
}

export async function runPtzHomeSet(cli: Cli, text: string, flags: DeviceFlags): Promise<ExitCode> {
  const { target, session, profile } = await open(cli, text, flags, 'SetHomePosition');
  await ptz.setHome(session.client, profile);
  renderPtzAction(cli, target.target, 'set home here', (await ptz.getStatus(session.client, profile)).position);
  return Exit.Ok;
}

export async function runPresets(cli: Cli, text: string, flags: DeviceFlags): Promise<ExitCode> {
  const { target, session, profile } = await open(cli, text, flags, 'GetPresets');
  renderPresets(cli, target.target, await ptz.getPresets(session.client, profile));
  return Exit.Ok;
}

export async function runPresetSet(cli: Cli, text: string, name: string, flags: MoveFlags & { record?: boolean }): Promise<ExitCode> {
  const given = flags.pan !== undefined || flags.tilt !== undefined || flags.zoom !== undefined;
  const at = given ? (moveKind({ ...flags, relative: false, continuous: false }) as { kind: 'absolute'; to: ptz.Position }).to : undefined;
  if (flags.record && (!flags.inventory || !text.includes('/'))) {
    throw new UserError('--record writes into an inventory point', {
      hint: 'name the camera as street/point and give --inventory DIR, e.g. ngo-8/tx2-ngo-8-1 --inventory inventory/tan-xuan-2',
    });
  }
  const { target, session, profile } = await open(cli, text, flags, 'SetPreset');
  if (flags.record && !target.pointId)
    throw new UserError(`'${text}' is not a point of the inventory at ${flags.inventory}`, {
      hint: "list them with 'camfleet inventory ls'",
    });
  const result = await setPresetByName(session, profile, name, at, flags.tolerance);
  renderPresetSet(cli, target.target, result);
  if (flags.record) await recordPreset(cli, flags.inventory!, target.pointId!, { name, ...roundedPosition(result.position) });
  return Exit.Ok;
}

/** A position as the inventory writes it: four decimals are a tenth of a generic unit's thousandth. */
export const roundedPosition = (p: ptz.Position): ptz.Position => ({
  pan: Math.round(p.pan * 1e4) / 1e4,
  tilt: Math.round(p.tilt * 1e4) / 1e4,
  zoom: Math.round(p.zoom * 1e4) / 1e4,
});

/** Writes a preset into an inventory point (the user asked for it with --record: no question). */
async function recordPreset(cli: Cli, dir: string, pointId: string, preset: PresetSpec): Promise<void> {
  const { loadInventory } = await import('../../inventory/load.js');
  const { InventoryEditor } = await import('../../inventory/editor.js');
  const { writeChanges } = await import('./inventory-changes.js');
  const { inventoryChangesView } = await import('../views/inventory-changes-view.js');
  const editor = new InventoryEditor(await loadInventory(dir));
  editor.setPreset(pointId, preset);
  const changes = editor.changes();
  if (changes.length) {
    await writeChanges(changes);
    inventoryChangesView(cli).written(changes);
  } else cli.info(`The inventory already has preset '${preset.name}' there.`);
}

export async function runPresetGoto(cli: Cli, text: string, name: string, flags: DeviceFlags & { wait?: boolean }): Promise<ExitCode> {
  const { target, session, profile } = await open(cli, text, flags, 'GotoPreset');
  const preset = await requirePreset(session, profile, name);
  await ptz.gotoPreset(session.client, profile, preset.token);
  renderPtzAction(cli, target.target, `go to preset '${name}'`, flags.wait ? (await waitIdle(session, profile)).position : null);
  return Exit.Ok;
}

export async function runPresetRemove(cli: Cli, text: string, name: string, flags: DeviceFlags): Promise<ExitCode> {
  const { target, session, profile } = await open(cli, text, flags, 'RemovePreset');
  const preset = await requirePreset(session, profile, name);
  await ptz.removePreset(session.client, profile, preset.token);
  renderPtzAction(cli, target.target, `remove preset '${name}'`, null);
  return Exit.Ok;
}
