import type { RecordingRequirement } from '../../inventory/model.js';
import type { RecordingsRead, RecordingVerdict } from '../../recording/health.js';
import type { Cli } from '../context.js';
import { emit } from './device-view.js';
import { renderTable } from './table.js';

export interface RecordingsReport {
  read: RecordingsRead;
  required: RecordingRequirement;
  verdict: RecordingVerdict;
}

const day = (iso: string | null): string => (iso ? `${iso.slice(0, 16).replace('T', ' ')}Z` : '-');

/** `camfleet recordings`: one row per recording, its replay address, and the verdict. */
export function renderRecordings(cli: Cli, target: string, r: RecordingsReport): void {
  const json = {
    target,
    required: r.required,
    verdict: r.verdict,
    ...(r.read.available
      ? { available: true, cameraTime: r.read.cameraTime, recordings: r.read.recordings, unavailable: r.read.unavailable }
      : { available: false, reason: r.read.reason, detail: r.read.detail, recordings: [], unavailable: [] }),
  };
  emit(cli, json, () => {
    const mark = r.verdict.status === 'ok' ? cli.paint('green', '✓') : cli.paint('red', '!');
    const wants = `wants ≥ ${r.required.minRetentionDays} days, last data within ${r.required.maxSilenceMinutes} min`;
    // A shortfall already names what is wanted; a pass says what it was judged against.
    const verdict = `${mark} ${r.verdict.message}${r.verdict.status === 'ok' ? ` (${wants})` : ''}`;
    if (!r.read.available) return `${target}: ${verdict}`;
    const rows = r.read.recordings.map((rec) => [
      rec.token,
      rec.source.name || rec.source.id || '-',
      rec.status,
      rec.tracks.map((t) => t.type).join(', ') || '-',
      day(rec.from),
      day(rec.until),
      rec.daysKept === null ? '-' : rec.daysKept.toFixed(1),
    ]);
    const lines = [
      `${target}: camera clock ${day(r.read.cameraTime)}`,
      rows.length
        ? renderTable(['TOKEN', 'SOURCE', 'STATUS', 'TRACKS', 'FROM', 'UNTIL', 'DAYS'], rows, (s) => cli.paint('bold', s))
        : 'no recordings',
      ...r.read.recordings.filter((rec) => rec.replayUri).map((rec) => `${rec.token}: replay ${rec.replayUri}`),
      ...r.read.unavailable.map((u) => cli.paint('dim', `${u.field}: not available (${u.reason})`)),
      verdict,
    ];
    return lines.join('\n');
  });
}
