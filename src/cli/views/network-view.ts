import type { NetworkChangeResult, NetworkSettings } from '../../device/network-ops.js';
import type { TimeSyncResult } from '../../device/time-ops.js';
import type { Cli } from '../context.js';
import { emit, notAvailable } from './device-view.js';

export function renderNetwork(cli: Cli, target: string, n: NetworkSettings): void {
  emit(cli, { target, ...n }, () =>
    [
      `hostname  ${n.hostname === null ? notAvailable(n.unavailable, 'hostname') : n.hostname || '-'}`,
      ...(n.interfaces === null
        ? [`interface ${notAvailable(n.unavailable, 'interfaces')}`]
        : n.interfaces.map(
            (i) =>
              `interface ${i.name || i.token}  ${i.mac}  ${i.addresses.map((a) => `${a.address}/${a.prefixLength}`).join(' ') || '-'}${i.dhcp ? '  (DHCP)' : '  (static)'}`,
          )),
      `gateway   ${n.gateway === null ? notAvailable(n.unavailable, 'gateway') : n.gateway.join(', ') || '-'}`,
      `dns       ${n.dns === null ? notAvailable(n.unavailable, 'dns') : n.dns.join(', ') || '-'}`,
      `ntp       ${n.ntp === null ? notAvailable(n.unavailable, 'ntp') : n.ntp.join(', ') || '-'}`,
    ].join('\n'),
  );
}

export function renderNetworkChange(cli: Cli, target: string, r: NetworkChangeResult): void {
  emit(cli, { target, ...r }, () => {
    const lines = r.changed.filter((c) => c !== 'address' && c !== 'dhcp').map((c) => `set ${c}`);
    const a = r.address;
    if (a?.to === 'DHCP') lines.push("switched to DHCP; find the camera's new address with 'camfleet discover'");
    else if (a?.answered)
      lines.push(`moved from ${a.from} to ${a.to}: answering there after ${a.seconds} s${a.rebooted ? ' (rebooted to apply)' : ''}`);
    else if (a)
      lines.push(
        cli.paint(
          'red',
          `moved from ${a.from} to ${a.to}, but it does not answer at ${a.to} after ${a.seconds} s; check that ${a.to} is on this network (camfleet discover shows cameras on a wrong address)`,
        ),
      );
    return lines.join('\n') || 'nothing to change';
  });
}

export function renderTimeSync(cli: Cli, target: string, r: TimeSyncResult): void {
  emit(
    cli,
    { target, ...r },
    () =>
      `clock ${r.mode === 'NTP' ? `set to NTP (${r.ntpServer})` : 'set from this host (UTC)'}: skew ${r.skewBeforeSeconds} s → ${r.skewAfterSeconds} s`,
  );
}
