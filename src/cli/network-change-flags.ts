import { isIPv4 } from 'node:net';
import { type NetworkChange, parseAddressWithPrefix } from '../device/network-ops.js';
import { UserError } from '../errors.js';
import type { DeviceFlags } from './device-target.js';

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

/** The change the flags of `network set` ask for, or a UserError that says what is wrong. */
export function networkChangeOf(flags: NetworkSetFlags): NetworkChange {
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
  return change;
}
