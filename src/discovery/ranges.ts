import ipaddr from 'ipaddr.js';
import { UserError } from '../errors.js';

/** Above this many addresses a sweep needs --yes: sweeping a /16 by mistake floods a network. */
export const SWEEP_CONFIRM_LIMIT = 4096;

export interface AddressRange {
  text: string;
  first: number;
  last: number;
}

const toInt = (a: string): number =>
  ipaddr.IPv4.parse(a)
    .toByteArray()
    .reduce((n, b) => n * 256 + b, 0);
const toAddress = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

/** Parses `A.B.C.D/PREFIX`, `A.B.C.D-E` or a single address; a bad range is a UserError that says the forms. */
export function parseRange(text: string): AddressRange {
  const bad = (why: string): never => {
    throw new UserError(`invalid range '${text}': ${why}`, {
      hint: 'write a CIDR such as 192.168.1.0/24, or a span such as 192.168.1.10-60',
    });
  };
  const span = /^(\d+\.\d+\.\d+\.)(\d+)-(\d+)$/.exec(text);
  if (span) {
    const start = `${span[1]}${span[2]}`;
    if (!ipaddr.IPv4.isValidFourPartDecimal(start) || Number(span[3]) > 255) bad('not an IPv4 address span');
    const first = toInt(start);
    const last = first - Number(span[2]) + Number(span[3]);
    if (last < first) bad('the end is before the start');
    return { text, first, last };
  }
  if (text.includes('/')) {
    let network: [ipaddr.IPv4, number];
    try {
      network = ipaddr.IPv4.parseCIDR(text);
    } catch {
      return bad('not an IPv4 CIDR');
    }
    const [address, prefix] = network;
    const base = toInt(address.toString()) - (toInt(address.toString()) % 2 ** (32 - prefix));
    const size = 2 ** (32 - prefix);
    // Network and broadcast addresses of subnets larger than /31 hold no host.
    return prefix >= 31 ? { text, first: base, last: base + size - 1 } : { text, first: base + 1, last: base + size - 2 };
  }
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) bad('not an IPv4 address');
  const n = toInt(text);
  return { text, first: n, last: n };
}

export const rangeSize = (r: AddressRange): number => r.last - r.first + 1;

/** Every address of the ranges, without repeats, in order. */
export function* addressesOf(ranges: AddressRange[]): Generator<string> {
  const seen = new Set<number>();
  for (const r of ranges) {
    for (let n = r.first; n <= r.last; n++) {
      if (seen.has(n)) continue;
      seen.add(n);
      yield toAddress(n);
    }
  }
}
