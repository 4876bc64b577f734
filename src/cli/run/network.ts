import { isIPv4 } from 'node:net';
import { changeNetwork, parseAddressWithPrefix, readNetwork, type NetworkChange } from '../../device/network-ops.js';
import { syncTime } from '../../device/time-ops.js';
import { UserError } from '../../errors.js';
import { confirmChange } from '../confirm.js';
import type { Cli } from '../context.js';
import { openTarget, type DeviceFlags } from '../device-target.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { renderNetwork, renderNetworkChange, renderTimeSync } from '../views/network-view.js';

export async function runNetworkShow(cli: Cli, text: string, flags: DeviceFlags): Promise<ExitCode> {
  const { target, session } = await openTarget(cli, text, flags);
  renderNetwork(cli, target.target, await readNetwork(session));
  return Exit.Ok;
}

export interface NetworkSetFlags extends DeviceFlags {
  address?: string;
  dhcp?: boolean;
  gateway?: string;
  dns?: string[];
  ntp?: string[];
  hostname?: string;
  yes?: boolean;
  waitSeconds: number;
}

function ipv4s(flag: string, values: string[] | undefined): string[] | undefined {
  for (const v of values ?? []) if (!isIPv4(v)) throw new UserError(`${flag} '${v}' is not an IPv4 address`);
  return values;
}

export async function runNetworkSet(cli: Cli, text: string, flags: NetworkSetFlags): Promise<ExitCode> {
  if (flags.address && flags.dhcp) throw new UserError('--address and --dhcp exclude each other');
  const change: NetworkChange = {
    ...(flags.address ? { address: parseAddressWithPrefix(flags.address) } : {}),
    ...(flags.dhcp ? { dhcp: true } : {}),
    ...(flags.gateway !== undefined ? { gateway: ipv4s('--gateway', [flags.gateway])![0]! } : {}),
    ...(flags.dns ? { dns: ipv4s('--dns', flags.dns)! } : {}),
    ...(flags.ntp ? { ntp: flags.ntp } : {}),
    ...(flags.hostname !== undefined ? { hostname: flags.hostname } : {}),
  };
  if (Object.keys(change).length === 0)
    throw new UserError('nothing to change', { hint: 'give --address A/PREFIX or --dhcp, --gateway, --dns, --ntp or --hostname' });
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
