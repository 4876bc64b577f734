import { discover } from '../../discovery/discover.js';
import { localInterfaces, selectInterfaces } from '../../discovery/interfaces.js';
import { addressesOf, parseRange, rangeSize, SWEEP_CONFIRM_LIMIT } from '../../discovery/ranges.js';
import { UserError } from '../../errors.js';
import type { Cli } from '../context.js';
import { credentialResolver } from '../credentials.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { progressLine } from '../progress.js';
import { renderDiscovery } from '../views/discover-view.js';
import { counted } from '../../text/counted.js';

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

/** `camfleet discover`: validates the flags, runs discovery, renders the devices. */
export async function runDiscover(cli: Cli, flags: DiscoverFlags): Promise<ExitCode> {
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
  const credentials = await (await credentialResolver(cli, flags)).forProfile(undefined);
  const progress = progressLine(cli);
  try {
    const result = await discover({
      interfaces: flags.multicast ? interfaces : [],
      localInterfaces: all,
      sweep: [...addressesOf(ranges)],
      http: flags.http === true,
      ssdp: flags.ssdp === true,
      anyType: flags.anyType === true,
      timeoutMs: flags.timeout * 1000,
      rate: flags.rate,
      concurrency: flags.concurrency,
      enrich: flags.enrich,
      credentials,
      callTimeoutMs: 3000,
      signal: cli.signal,
      onProgress: (phase, found) => progress.update(`${phase === 'enriching' ? 'asking' : 'discovering'}… ${counted(found, 'device')}`),
    });
    progress.done();
    renderDiscovery(cli, result);
    return result.devices.some((d) => d.findings.length > 0) ? Exit.Findings : Exit.Ok;
  } finally {
    progress.done();
  }
}
