import { type LocalInterface, localInterfaces, selectInterfaces } from '../discovery/interfaces.js';
import { addressesOf, parseRange, rangeSize, SWEEP_CONFIRM_LIMIT } from '../discovery/ranges.js';
import { UserError } from '../errors.js';

export interface DiscoverFlags {
  interface?: string[];
  range?: string[];
  yes?: boolean;
  http?: boolean;
  ssdp?: boolean;
  anyType?: boolean;
  multicast: boolean;
  enrich: boolean;
  timeout: number;
  concurrency: number;
  rate: number;
  user?: string;
  passwordStdin?: boolean;
  credentials?: string;
}

/** Where discover looks, from its flags; a UserError for flags that ask for nothing, or for too much. */
export function discoverScope(flags: DiscoverFlags): { interfaces: LocalInterface[]; all: LocalInterface[]; sweep: string[] } {
  const all = localInterfaces();
  const interfaces = flags.multicast || flags.ssdp ? selectInterfaces(flags.interface, all) : [];
  const ranges = (flags.range ?? []).map(parseRange);
  const total = ranges.reduce((n, r) => n + rangeSize(r), 0);
  if (total > SWEEP_CONFIRM_LIMIT && !flags.yes) {
    throw new UserError(`the ranges hold ${total.toLocaleString('en')} addresses, more than ${SWEEP_CONFIRM_LIMIT.toLocaleString('en')}`, {
      hint: 'narrow them, or add --yes if you mean to sweep them all',
    });
  }
  if (flags.http && ranges.length === 0)
    throw new UserError('--http needs --range: it tries each swept address', { hint: 'add --range 192.168.1.0/24' });
  if (!flags.multicast && ranges.length === 0 && !flags.ssdp)
    throw new UserError('nothing to do: --no-multicast without --range or --ssdp');
  return { interfaces, all, sweep: [...addressesOf(ranges)] };
}
