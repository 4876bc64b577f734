import type { Decision, DeviceFacts, SurveyCase, SurveyOverview } from '../../survey/model.js';
import type { Cli } from '../context.js';

/** One line that tells a technician which device this is. */
export function describeDevice(d: DeviceFacts): string {
  const what = [d.manufacturer, d.model].filter(Boolean).join(' ') || 'a device';
  const facts = [d.serialNumber && `serial ${d.serialNumber}`, d.mac && `MAC ${d.mac}`, d.name && `name '${d.name}'`]
    .filter(Boolean)
    .join(', ');
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

/** What a resumed survey says of a device answered before the interruption. */
export function describeAnswer(d: Decision): string | undefined {
  switch (d.type) {
    case 'assign':
      return `answered: the camera of ${d.pointId}`;
    case 'create':
      return `answered: new point ${d.point.id} on ${d.street}`;
    case 'ignore':
      return 'answered: not ours';
    case 'skip':
      return 'answered: skipped';
    default:
      return undefined;
  }
}

/**
 * The survey's first screen: what was found, in four groups. In a resumed survey, the devices already
 * answered say so, and are not asked about again.
 */
export function renderOverview(cli: Cli, o: SurveyOverview, answered: ReadonlyMap<string, string> = new Map()): void {
  const mark = (c: SurveyCase, sign: string, colour: 'yellow' | 'cyan', text: string): string => {
    const answer = answered.get(c.device.key);
    return answer ? `  ${cli.paint('dim', '✓')} ${text} ${cli.paint('dim', `(${answer})`)}` : `  ${cli.paint(colour, sign)} ${text}`;
  };
  const open = [...o.changed, ...o.unknown].filter((c) => !answered.has(c.device.key)).length;
  const done = o.changed.length + o.unknown.length - open;
  const lines = [
    cli.paint(
      'bold',
      `Confirmed ${o.confirmed.length} · Changed ${o.changed.length} · Missing ${o.missing.length} · Unknown ${o.unknown.length}`,
    ) + (done ? ` (${done} answered before, ${open} to ask)` : ''),
    ...o.changed.map((c) => mark(c, '~', 'yellow', describeCase(c))),
    ...o.missing.map((m) => `  ${cli.paint('red', '-')} ${m.pointId} (${m.label}): ${m.reason ?? `not found at ${m.address}`}`),
    ...o.unknown.map((c) => mark(c, '+', 'cyan', describeDevice(c.device))),
  ];
  cli.out(lines.join('\n'));
}
