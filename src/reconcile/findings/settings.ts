import type { Finding, FixAction } from '../model.js';
import type { TopicInput } from './context.js';

/** The clock and time zone against the site's limit and zone. */
export function clockFindings({ d, o, finding }: TopicInput): Finding[] {
  if (!o.clock) return [];
  const skewed = !(Math.abs(o.clock.skewSeconds) <= d.defaults.maxClockSkewSeconds);
  const tzOff = d.defaults.timezone !== undefined && o.clock.timezone !== null && o.clock.timezone !== d.defaults.timezone;
  if (!skewed && !tzOff) return [];
  const what = [
    skewed ? `clock ${o.clock.skewSeconds > 0 ? '+' : ''}${o.clock.skewSeconds} s off` : '',
    tzOff ? `time zone ${o.clock.timezone}, wants ${d.defaults.timezone}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return [finding('fix', 'time', what, 'apply sets the clock', syncTimeAction(d))];
}

/** The one clock action the inventory allows for a point: its site's NTP server and time zone. */
export function syncTimeAction(d: TopicInput['d']): Extract<FixAction, { type: 'sync-time' }> {
  return { type: 'sync-time', ntpServer: d.defaults.ntpServer ?? null, timezone: d.defaults.timezone ?? null };
}

/** NTP, DNS, gateway and a static address against the site's defaults, as one network fix. */
export function networkFindings({ d, o, finding }: TopicInput): Finding[] {
  const n = o.network;
  if (!n) return [];
  const action: Extract<FixAction, { type: 'set-network' }> = { type: 'set-network' };
  const what: string[] = [];
  if (d.defaults.ntpServer && !n.ntp.includes(d.defaults.ntpServer)) {
    action.ntp = [d.defaults.ntpServer];
    what.push(`NTP ${n.ntp.join(', ') || 'none'}, wants ${d.defaults.ntpServer}`);
  }
  if (d.defaults.dns && d.defaults.dns.join(',') !== n.dns.join(',')) {
    action.dns = d.defaults.dns;
    what.push(`DNS ${n.dns.join(', ') || 'none'}, wants ${d.defaults.dns.join(', ')}`);
  }
  if (d.defaults.gateway && !n.gateway.includes(d.defaults.gateway)) {
    action.gateway = d.defaults.gateway;
    what.push(`gateway ${n.gateway.join(', ') || 'none'}, wants ${d.defaults.gateway}`);
  }
  if (n.dhcp) {
    action.staticAddress = { address: d.host, prefixLength: n.prefixLength ?? 24 };
    what.push(`address from DHCP, wants static ${d.host}`);
  }
  return what.length ? [finding('fix', 'network', what.join('; '), 'apply sets the network settings', action)] : [];
}
