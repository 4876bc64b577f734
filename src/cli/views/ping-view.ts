import type { IcmpUnavailable } from '../../reach/icmp.js';
import type { PingResult } from '../../reach/ping.js';
import type { Cli } from '../context.js';
import { renderTable } from './table.js';
import { counted } from '../../text/counted.js';

const ms = (v: number | null): string => (v === null ? '-' : `${v} ms`);

export function renderPing(cli: Cli, results: PingResult[], durationMs: number, icmp: IcmpUnavailable | undefined): void {
  if (cli.json) {
    cli.out(JSON.stringify({ formatVersion: 1, durationMs, icmp: icmp ? { available: false, ...icmp } : { available: true }, results }));
    return;
  }
  const stateText = (s: PingResult['state']): string => (s === 'ok' ? cli.paint('green', s) : cli.paint(['bold', 'red'], s));
  const rows = results.map((r) => [
    r.target,
    r.address === r.target ? '' : `${r.address}${r.port === 80 ? '' : `:${r.port}`}`,
    stateText(r.state),
    ms(r.icmpMs),
    ms(r.onvifMs),
    r.clockSkewSeconds === null ? '-' : `${r.clockSkewSeconds > 0 ? '+' : ''}${r.clockSkewSeconds}s`,
    r.auth,
    r.stream?.codec ? `${r.stream.codec} ${r.stream.width}x${r.stream.height}` : '-',
    r.warnings.join(','),
  ]);
  cli.out(
    renderTable(['TARGET', 'ADDRESS', 'STATE', 'ICMP', 'ONVIF', 'SKEW', 'AUTH', 'STREAM', 'WARNINGS'], rows, (s) => cli.paint('bold', s)),
  );
  for (const r of results) for (const e of r.errors) cli.out(cli.paint('dim', `  ${r.target}: ${e}`));
  if (icmp) cli.warn(`note: ICMP was not used: ${icmp.reason}; to fix, ${icmp.fix}.`);
  const bad = results.filter((r) => r.state !== 'ok').length;
  cli.info(`\n${counted(results.length, 'camera')}: ${results.length - bad} ok, ${bad} not ok, in ${(durationMs / 1000).toFixed(1)} s.`);
}
