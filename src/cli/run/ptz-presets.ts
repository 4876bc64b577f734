import { requirePreset, roundedPosition, setPresetByName, waitIdle } from '../../device/ptz-ops.js';
import { UserError } from '../../errors.js';
import * as ptz from '../../onvif/ptz.js';
import type { Cli } from '../context.js';
import type { DeviceFlags } from '../device-target.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { type MoveFlags, moveKind } from '../ptz-move-flags.js';
import { renderPresetSet, renderPresets, renderPtzAction } from '../views/ptz-view.js';
import { recordPreset } from './preset-record.js';
import { openPtz } from './ptz-target.js';

export async function runPresets(cli: Cli, text: string, flags: DeviceFlags): Promise<ExitCode> {
  const { target, session, profile } = await openPtz(cli, text, flags, 'GetPresets');
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
  const { target, session, profile } = await openPtz(cli, text, flags, 'SetPreset');
  if (flags.record && !target.pointId)
    throw new UserError(`'${text}' is not a point of the inventory at ${flags.inventory}`, {
      hint: "list them with 'camfleet inventory ls'",
    });
  const result = await setPresetByName(session, profile, name, at, flags.tolerance);
  renderPresetSet(cli, target.target, result);
  if (flags.record) await recordPreset(cli, flags.inventory!, target.pointId!, { name, ...roundedPosition(result.position) });
  return Exit.Ok;
}

export async function runPresetGoto(cli: Cli, text: string, name: string, flags: DeviceFlags & { wait?: boolean }): Promise<ExitCode> {
  const { target, session, profile } = await openPtz(cli, text, flags, 'GotoPreset');
  const preset = await requirePreset(session, profile, name);
  await ptz.gotoPreset(session.client, profile, preset.token);
  renderPtzAction(cli, target.target, `go to preset '${name}'`, flags.wait ? (await waitIdle(session, profile)).position : null);
  return Exit.Ok;
}

export async function runPresetRemove(cli: Cli, text: string, name: string, flags: DeviceFlags): Promise<ExitCode> {
  const { target, session, profile } = await openPtz(cli, text, flags, 'RemovePreset');
  const preset = await requirePreset(session, profile, name);
  await ptz.removePreset(session.client, profile, preset.token);
  renderPtzAction(cli, target.target, `remove preset '${name}'`, null);
  return Exit.Ok;
}
