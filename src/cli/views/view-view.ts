import type { Capture } from '../../reconcile/view-record.js';
import { counted } from '../../text/counted.js';
import type { ViewVerdict } from '../../view/model.js';
import type { Cli } from '../context.js';
import { renderTable } from './table.js';

const VERDICT_COLOR = { ok: 'green', turned: 'red', covered: 'red', blurred: 'yellow' } as const;

/** A verdict for a person (verdict, reason, scores) or as JSON. */
export function renderViewVerdict(cli: Cli, v: ViewVerdict): void {
  if (cli.json) {
    cli.out(JSON.stringify({ formatVersion: 1, verdict: v.verdict, reason: v.reason, ...v.scores }));
    return;
  }
  const s = v.scores;
  cli.out(
    [
      `${cli.paint(['bold', VERDICT_COLOR[v.verdict]], v.verdict)}: ${v.reason}`,
      `  structure ${s.structure.toFixed(2)} (pattern ${s.pattern.toFixed(2)}, edges ${s.edges.toFixed(2)})  layout ${s.layout.toFixed(2)}  detail ${s.detail.toFixed(2)}  blocked ${s.blocked.toFixed(2)}  brightness ${s.brightness}`,
    ].join('\n'),
  );
}

const what = (c: Capture): string => (c.preset ? `${c.pointId} @ ${c.preset}` : c.pointId);

/** What view record took and will write, before it asks. */
export function renderCaptures(cli: Cli, captures: Capture[]): void {
  if (cli.json) {
    cli.out(
      JSON.stringify({
        formatVersion: 1,
        captures: captures.map((c) => ({
          pointId: c.pointId,
          preset: c.preset ?? null,
          light: c.light,
          file: c.file,
          replaces: c.replaces,
          width: c.picture?.width ?? null,
          height: c.picture?.height ?? null,
          bytes: c.picture?.jpeg.length ?? null,
          resolution: c.picture?.resolution ?? null,
          error: c.error ?? null,
        })),
      }),
    );
    return;
  }
  const rows = captures.map((c) => [
    what(c),
    c.light,
    c.file,
    c.picture ? (c.replaces ? 'replaces' : 'new') : cli.paint('red', 'failed'),
    c.picture
      ? `${c.picture.width}x${c.picture.height}, ${Math.round(c.picture.jpeg.length / 1024)} KB (from ${c.picture.resolution})`
      : (c.error ?? ''),
  ]);
  cli.out(renderTable(['POINT', 'LIGHT', 'FILE', 'ACTION', 'PICTURE'], rows, (s) => cli.paint('bold', s)));
  const taken = captures.filter((c) => c.picture).length;
  cli.info(`${counted(taken, 'reference view')} taken${taken < captures.length ? `, ${captures.length - taken} failed` : ''}.`);
}
