import { moveAndCheck, waitIdle } from '../../device/ptz-ops.js';
import * as ptz from '../../onvif/ptz.js';
import type { Cli } from '../context.js';
import type { DeviceFlags } from '../device-target.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { type MoveFlags, moveKind } from '../ptz-move-flags.js';
import { renderPtzAction, renderPtzStatus } from '../views/ptz-view.js';
import { openPtz } from './ptz-target.js';

export async function runPtzStatus(cli: Cli, text: string, flags: DeviceFlags): Promise<ExitCode> {
  const { target, session, profile } = await openPtz(cli, text, flags, 'GetStatus');
  renderPtzStatus(cli, target.target, await ptz.getStatus(session.client, profile));
  return Exit.Ok;
}

export async function runPtzMove(cli: Cli, text: string, flags: MoveFlags): Promise<ExitCode> {
  const kind = moveKind(flags);
  const { target, session, profile } = await openPtz(cli, text, flags, 'Move');
  const final = await moveAndCheck(session, profile, kind, {
    wait: flags.wait ?? false,
    tolerance: flags.tolerance ?? ptz.DEFAULT_POSITION_TOLERANCE,
  });
  renderPtzAction(cli, target.target, `${kind.kind} move`, final);
  return Exit.Ok;
}

export async function runPtzStop(cli: Cli, text: string, flags: DeviceFlags): Promise<ExitCode> {
  const { target, session, profile } = await openPtz(cli, text, flags, 'Stop');
  await ptz.stop(session.client, profile);
  renderPtzAction(cli, target.target, 'stop', (await ptz.getStatus(session.client, profile)).position);
  return Exit.Ok;
}

export async function runPtzHome(cli: Cli, text: string, flags: DeviceFlags & { wait?: boolean }): Promise<ExitCode> {
  const { target, session, profile } = await openPtz(cli, text, flags, 'GotoHomePosition');
  await ptz.gotoHome(session.client, profile);
  renderPtzAction(cli, target.target, 'go home', flags.wait ? (await waitIdle(session, profile)).position : null);
  return Exit.Ok;
}

export async function runPtzHomeSet(cli: Cli, text: string, flags: DeviceFlags): Promise<ExitCode> {
  const { target, session, profile } = await openPtz(cli, text, flags, 'SetHomePosition');
  await ptz.setHome(session.client, profile);
  renderPtzAction(cli, target.target, 'set home here', (await ptz.getStatus(session.client, profile)).position);
  return Exit.Ok;
}
