import { changeNetwork, readNetwork } from '../../device/network-ops.js';
import { syncTime } from '../../device/time-ops.js';
import { confirmChange } from '../confirm.js';
import type { Cli } from '../context.js';
import { openTarget, type DeviceFlags } from '../device-target.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { type NetworkSetFlags, networkChangeOf } from '../network-change-flags.js';
import { renderNetwork, renderNetworkChange, renderTimeSync } from '../views/network-view.js';

export async function runNetworkShow(cli: Cli, text: string, flags: DeviceFlags): Promise<ExitCode> {
  const { target, session } = await openTarget(cli, text, flags);
  renderNetwork(cli, target.target, await readNetwork(session));
  return Exit.Ok;
}

export async function runNetworkSet(cli: Cli, text: string, flags: NetworkSetFlags): Promise<ExitCode> {
  const change = networkChangeOf(flags);
  const { target, session } = await openTarget(cli, text, flags);
  if (change.address || change.dhcp) {
    const what = change.dhcp ? 'to DHCP' : `to ${change.address!.address}/${change.address!.prefixLength}`;
    if (
      !(await confirmChange(
        cli,
        flags.yes,
        `Move ${session.endpoint.host} ${what}? The camera will leave its current address.`,
        `changing the address of ${session.endpoint.host} ${what} needs confirmation`,
        'add --yes',
      ))
    ) {
      cli.info('nothing changed');
      return Exit.Ok;
    }
  }
  const result = await changeNetwork(session, change, flags.waitSeconds * 1000);
  renderNetworkChange(cli, target.target, result);
  return result.address && result.address.to !== 'DHCP' && !result.address.answered ? Exit.Findings : Exit.Ok;
}

export async function runTimeSync(cli: Cli, text: string, flags: DeviceFlags & { ntp?: string }): Promise<ExitCode> {
  const { target, session } = await openTarget(cli, text, flags);
  renderTimeSync(cli, target.target, await syncTime(session, flags.ntp));
  return Exit.Ok;
}
