import { isIPv4 } from 'node:net';

const toInt = (address: string): number => address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
const toAddress = (n: number): string => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');

/** `count` consecutive IPv4 addresses from `base`, skipping .0 and .255 so none looks like a network or broadcast address. */
export function allocateAddresses(base: string, count: number): string[] {
  if (!isIPv4(base)) throw new RangeError(`'${base}' is not an IPv4 address`);
  const out: string[] = [];
  for (let n = toInt(base); out.length < count; n++) {
    if (n > 0xffffffff) throw new RangeError(`not enough addresses after ${base} for ${count} cameras`);
    const last = n % 256;
    if (last === 0 || last === 255) continue;
    out.push(toAddress(n));
  }
  return out;
}
