import { discover } from '../../discovery/discover.js';
import type { Cli } from '../context.js';
import { credentialResolver } from '../credentials.js';
import { type DiscoverFlags, discoverScope } from '../discover-flags.js';
import { Exit, type ExitCode } from '../exit-codes.js';
import { progressLine } from '../progress.js';
import { renderDiscovery } from '../views/discover-view.js';
import { counted } from '../../text/counted.js';

/** `camfleet discover`: validates the flags, runs discovery, renders the devices. */
export async function runDiscover(cli: Cli, flags: DiscoverFlags): Promise<ExitCode> {
  const { interfaces, all, sweep } = discoverScope(flags);
  const credentials = await (await credentialResolver(cli, flags)).forProfile(undefined);
  const progress = progressLine(cli);
  try {
    const result = await discover({
      interfaces: flags.multicast ? interfaces : [],
      localInterfaces: all,
      sweep,
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
