import type { DeviceFacts, SurveyCase, SurveyOverview } from '../../survey/model.js';
import type { Cli } from '../context.js';

/** One line that tells a technician which device this is. */
export function describeDevice(d: DeviceFacts): string {
  const what = [d.manufacturer, d.model].filter(Boolean).join(' ') || 'a device';
  const facts = [d.serialNumber && `serial ${d.serialNumber}`, d.mac && `MAC ${d.mac}`, d.name && `name '${d.name}'`].filter(Boolean).join(', ');
  return `${what} at ${d.address}${d.port && d.port !== 80 ? `:${d.port}` : ''}${facts ? ` (${facts})` : ''}`;
}

export function describeCase(c: SurveyCase): string {
  switch (c.kind) {
    case 'unknown':
      return `Unknown: ${describeDevice(c.device)}`;
    case 'moved':
      return `Changed: ${c.pointId}'s camera was at ${c.from}, now answers at ${c.device.address}: ${describeDevice(c.device)}`;
    case 'replaced':
      return `Changed: another camera answers at ${c.pointId}'s address: ${describeDevice(c.device)}`;
  }
}

/** The survey's first screen: what was found, in four groups. */
export function renderOverview(cli: Cli, o: SurveyOverview): void {
  const lines = [
    cli.paint('bold', `Confirmed ${o.confirmed.length} · Changed ${o.changed.length} · Missing ${o.missing.length} · Unknown ${o.unknown.length}`),
    ...o.changed.map((c) => `  ${cli.paint('yellow', '~')} ${describeCase(c)}`),
    ...o.missing.map((m) => `  ${cli.paint('red', '-')} ${m.pointId} (${m.label}): ${m.reason ?? `not found at ${m.address}`}`),
    ...o.unknown.map((c) => `  ${cli.paint('cyan', '+')} ${describeDevice(c.device)}`),
  ];
  cli.out(lines.join('\n'));
}
