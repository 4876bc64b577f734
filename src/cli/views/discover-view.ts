import type { DiscoveryResult } from '../../discovery/discover.js';
import type { Cli } from '../context.js';
import { renderTable } from './table.js';
import { counted } from '../../text/counted.js';

const dash = (v: string | number | null | undefined): string => (v === null || v === undefined || v === '' ? '-' : String(v));

export function discoveryJson(result: DiscoveryResult): string {
  return JSON.stringify({ formatVersion: 1, durationMs: result.durationMs, devices: result.devices, ignored: result.ignored });
}

export function renderDiscovery(cli: Cli, result: DiscoveryResult): void {
  if (cli.json) {
    cli.out(discoveryJson(result));
    return;
  }
  if (result.devices.length === 0) {
    cli.out('No ONVIF devices found.');
    cli.info('Check the interface (--interface), try a unicast sweep (--range 192.168.1.0/24) or --http for devices that ignore probes.');
    return;
  }
  const rows = result.devices.map((d) => [
    d.address,
    dash(d.name),
    dash([d.manufacturer, d.model].filter(Boolean).join(' ')),
    dash(d.serialNumber),
    dash(d.mac),
    dash(d.port),
    d.clockSkewSeconds === null ? '-' : `${d.clockSkewSeconds > 0 ? '+' : ''}${d.clockSkewSeconds}s`,
    d.sources.length === 1 && d.sources[0] === 'ssdp' ? 'ssdp only' : d.sources.join(','),
  ]);
  cli.out(renderTable(['ADDRESS', 'NAME', 'DEVICE', 'SERIAL', 'MAC', 'PORT', 'SKEW', 'SOURCE'], rows, (s) => cli.paint('bold', s)));
  const findings = result.devices.flatMap((d) => d.findings.map((f) => `${d.address}: ${f.message}`));
  for (const f of findings) cli.out(cli.paint('yellow', `! ${f}`));
  const needsAuth = result.devices.filter((d) => d.auth === 'no-credentials').length;
  cli.info(
    `\n${counted(result.devices.length, 'device')} in ${(result.durationMs / 1000).toFixed(1)} s` +
      (result.ignored.length ? `; ${result.ignored.length} non-ONVIF repl${result.ignored.length === 1 ? 'y' : 'ies'} ignored` : '') +
      (needsAuth ? `; identity needs credentials (--user with CAMFLEET_PASSWORD, or --credentials PROFILE)` : '') +
      '.',
  );
}
