import { networkInterfaces } from 'node:os';
import ipaddr from 'ipaddr.js';
import { UserError } from '../errors.js';

export interface LocalInterface {
  name: string;
  address: string;
  prefixLength: number;
  internal: boolean;
}

/** Every IPv4 address of this host's interfaces (up interfaces: Node lists only those with addresses). */
export function localInterfaces(source = networkInterfaces()): LocalInterface[] {
  const out: LocalInterface[] = [];
  for (const [name, addresses] of Object.entries(source)) {
    for (const a of addresses ?? []) {
      if (a.family !== 'IPv4') continue;
      const prefixLength = a.cidr ? Number(a.cidr.split('/')[1]) : (ipaddr.IPv4.parse(a.netmask).prefixLengthFromSubnetMask() ?? 32);
      out.push({ name, address: a.address, prefixLength, internal: a.internal });
    }
  }
  return out;
}

/** The interfaces named by --interface (a name such as eth0, or one of this host's addresses). */
export function selectInterfaces(wanted: string[] | undefined, all: LocalInterface[]): LocalInterface[] {
  if (!wanted || wanted.length === 0) return all;
  return wanted.map((w) => {
    const found = all.find((i) => i.address === w) ?? all.find((i) => i.name === w);
    if (!found) {
      const known = all.map((i) => `${i.name} (${i.address})`).join(', ');
      throw new UserError(`no IPv4 interface '${w}' on this host`, { hint: `choose one of: ${known}` });
    }
    return found;
  });
}

/** Whether `address` is on the subnet of one of `interfaces`. */
export function onLocalSubnet(address: string, interfaces: LocalInterface[]): boolean {
  if (!ipaddr.IPv4.isValid(address)) return false;
  const parsed = ipaddr.IPv4.parse(address);
  return interfaces.some((i) => parsed.match(ipaddr.IPv4.parse(i.address), i.prefixLength));
}

export function isLinkLocal(address: string): boolean {
  return ipaddr.IPv4.isValid(address) && ipaddr.IPv4.parse(address).range() === 'linkLocal';
}
