import { displayPath } from '../../inventory/diagnostics.js';
import type { StreamComparison, SurveyNews } from '../../survey/dialogue.js';
import type { SurveyOutcome } from '../../survey/flow.js';
import type { Decision, DeviceFacts, SurveyCase, SurveyOverview } from '../../survey/model.js';
import { counted } from '../../text/counted.js';
import type { Cli } from '../context.js';
import { inventoryChangesView, inventoryPatches, renderPatches } from './inventory-changes-view.js';

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

const kb = (bytes: number): string => `${Math.round(bytes / 1024)} KB`;

function streamLine(c: StreamComparison): string {
  switch (c.status) {
    case 'absent':
      return `  ${c.profile}: the camera has no such profile (it has ${c.has.join(', ') || 'none'})`;
    case 'differs':
      return `  ${c.profile}: ${c.differences.join(', ')}; 'camfleet apply' sets it once the inventory is written`;
    case 'as-asked':
      return `  ${c.profile}: as the street asks (${c.codec} ${c.width}x${c.height} ${c.fps} fps)`;
  }
}

/** What the survey tells the technician as it goes, written to the terminal. */
export function tellSurvey(cli: Cli): (news: SurveyNews) => void {
  return (news) => {
    switch (news.type) {
      case 'session-unreadable':
        return cli.warn(`The interrupted survey's session file ${news.reason}; it was kept as ${news.movedTo}. Starting a new survey.`);
      case 'restarting':
        return cli.info('Starting a new survey; the interrupted one is discarded.');
      case 'looking':
        return cli.info('Looking at the network and the cameras of the inventory…');
      case 'overview':
        return renderOverview(cli, news.overview, new Map(news.answers.map((d) => [d.key, describeAnswer(d) ?? 'answered'])));
      case 'case':
        return cli.out(`\n[${news.index}/${news.total}] ${describeCase(news.case)}`);
      case 'unreachable':
        return cli.warn(`${news.pointId}: cannot look at it now (${news.reason})`);
      case 'task-failed':
        return cli.warn(`${news.pointId}: ${news.what} failed: ${news.reason}`);
      case 'snapshot':
        return cli.out(`  snapshot: ${news.file} (${kb(news.bytes)})`);
      case 'reference-view':
        return cli.out(`  reference view: ${news.file} (${news.width}x${news.height}, ${kb(news.bytes)})`);
      case 'position':
        return cli.out(`  it points at pan ${news.position.pan} tilt ${news.position.tilt} zoom ${news.position.zoom}`);
      case 'preset-saved':
        return cli.out(`  preset '${news.name}' ${news.outcome} on the camera`);
      case 'streams':
        return cli.out(
          news.comparisons.length
            ? news.comparisons.map(streamLine).join('\n')
            : '  streams: the inventory asks for no stream settings here',
        );
      case 'snapshots-saved':
        return cli.info(`${counted(news.count, 'snapshot')} saved in ${news.folder}.`);
      case 'changes':
        cli.out('');
        return renderPatches(cli, inventoryPatches(news.changes));
    }
  };
}

/** How the survey ended, and what to do next. */
export function renderSurveyOutcome(cli: Cli, outcome: SurveyOutcome): void {
  if (outcome.kind === 'nothing-to-write') cli.out('\nThe inventory already says all this: nothing to write.');
  else if (outcome.kind === 'not-written')
    cli.info(`Nothing was written; your answers are kept in ${displayPath(outcome.sessionFile)}: run 'camfleet survey' again to continue.`);
  else if (outcome.kind === 'written') {
    inventoryChangesView(cli).written(outcome.changes);
    cli.info("Review the change with 'git diff', then commit it.");
  } else {
    const kept = `${counted(outcome.answers, 'answer')} kept in ${displayPath(outcome.sessionFile)}; run 'camfleet survey' again to continue.`;
    cli.warn(`\nSurvey interrupted. ${outcome.answers ? kept : 'Nothing was kept.'}`);
  }
}
