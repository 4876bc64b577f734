import { xmlEscape as x } from '../xml/escape.js';
import { BADGES } from './badge.js';
import type { FieldReport, ReportCard } from './field-report.js';

/**
 * The report page: one static HTML document, no script, no request beyond its own image files. The
 * filter is radio buttons and CSS, so it works with JavaScript off and from a file:// URL.
 */
const STYLE = `
:root { --ok:#1b7f3b; --bad:#b42318; --warn:#b54708; --info:#175cd3; --muted:#5f6b7a; --line:#d8dee6; --bg:#f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, "Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1d2530; background: var(--bg); }
header { padding: 20px 24px 8px; background: #fff; border-bottom: 1px solid var(--line); }
h1 { margin: 0 0 2px; font-size: 22px; } h2 { margin: 28px 0 10px; font-size: 18px; }
.sub, .when { color: var(--muted); margin: 0; }
.counts { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0 4px; padding: 0; list-style: none; }
.count { padding: 3px 10px; border-radius: 999px; color: #fff; font-weight: 600; }
main { padding: 0 24px 32px; max-width: 1400px; }
.filters { display: flex; flex-wrap: wrap; gap: 6px; padding: 10px 24px; background: #fff; border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 1; }
input.filter { position: absolute; opacity: 0; pointer-events: none; }
#f-all:checked ~ nav label[for="f-all"] { border-color: #1d2530; box-shadow: inset 0 0 0 1px #1d2530; }
.filters label { cursor: pointer; padding: 3px 10px; border: 1px solid var(--line); border-radius: 999px; background: #fff; }
.plan { width: 100%; max-width: 720px; height: auto; display: block; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
.plan .ground { fill: #fbfcfd; } .plan .north { font-size: 13px; fill: var(--muted); }
.plan circle { stroke: #fff; stroke-width: 2; } .plan .name { font-size: 10px; fill: #3b4450; } .plan .fov { opacity: .18; } .plan .facing { stroke-width: 2; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 14px; }
.card { background: #fff; border: 1px solid var(--line); border-left: 6px solid var(--line); border-radius: 8px; padding: 12px; }
.card h3 { margin: 6px 0 2px; font-size: 16px; } .card .meta { color: var(--muted); font-size: 13px; margin: 0; }
.thumbs { display: grid; grid-template-columns: 1fr 1fr; gap: 6px; }
figure { margin: 0; } figcaption { font-size: 12px; color: var(--muted); }
figure img, .noimg { width: 100%; aspect-ratio: 16 / 9; object-fit: cover; border-radius: 4px; background: #e9edf2; display: block; }
.noimg { display: flex; align-items: center; justify-content: center; text-align: center; font-size: 12px; color: var(--muted); padding: 6px; }
.badge { display: inline-block; padding: 1px 9px; border-radius: 999px; color: #fff; font-weight: 600; font-size: 13px; }
.lines { margin: 8px 0; padding-left: 18px; } .lines li { margin: 2px 0; }
.next { margin: 8px 0 0; padding: 8px; background: var(--bg); border-radius: 6px; font-size: 14px; }
.next b { display: block; font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; }
.unknown li { margin: 4px 0; }
@media print {
  @page { size: A4; margin: 12mm; }
  body { background: #fff; font-size: 11pt; }
  .filters { display: none; }
  main { padding: 0; }
  .cards { grid-template-columns: 1fr 1fr; }
  .card, .plan { break-inside: avoid; }
  h2 { break-after: avoid; }
}
`;

const COLOURS: Record<(typeof BADGES)[number], string> = {
  unreachable: 'var(--bad)',
  'auth-failed': 'var(--bad)',
  covered: 'var(--bad)',
  turned: 'var(--bad)',
  blurred: 'var(--warn)',
  'not-recording': 'var(--bad)',
  drift: 'var(--warn)',
  attention: 'var(--bad)',
  warning: 'var(--info)',
  ok: 'var(--ok)',
};

function badgeStyles(): string {
  return BADGES.map(
    (b) =>
      `.b-${b} .badge, .count.b-${b} { background: ${COLOURS[b]}; } .card.b-${b} { border-left-color: ${COLOURS[b]}; } ` +
      `.plan .b-${b} circle { fill: ${COLOURS[b]}; } .plan .b-${b} .fov { fill: ${COLOURS[b]}; } .plan .b-${b} .facing { stroke: ${COLOURS[b]}; } ` +
      `#f-${b}:checked ~ main .card:not(.b-${b}), #f-${b}:checked ~ main .street:not(:has(.b-${b})) { display: none; } ` +
      `#f-${b}:checked ~ nav label[for="f-${b}"] { border-color: ${COLOURS[b]}; box-shadow: inset 0 0 0 1px ${COLOURS[b]}; }`,
  ).join('\n');
}

function figure(src: string | null, alt: string, caption: string, missing: string): string {
  const image = src
    ? `<img src="${x(src)}" alt="${x(alt)}" width="320" height="180" decoding="async">`
    : `<div class="noimg" role="img" aria-label="${x(missing)}">${x(missing)}</div>`;
  return `<figure>${image}<figcaption>${x(caption)}</figcaption></figure>`;
}

function card(c: ReportCard): string {
  const facts = [c.street, c.address, c.owner, c.identity].filter(Boolean).map((f) => x(f!));
  const lines = [...c.lines];
  if (c.view && !lines.some((l) => l.startsWith('view '))) lines.push(c.view);
  if (c.recording && !lines.includes(c.recording)) lines.push(c.recording);
  return (
    `<article class="card b-${c.badge}" id="card-${x(c.id)}">` +
    `<div class="thumbs">${figure(c.current, `What ${c.id} (${c.label}) sees now`, 'now', 'no snapshot: the camera was not looked at')}` +
    `${figure(c.reference, `The reference view of ${c.id} (${c.label})`, 'should see', 'no reference view yet')}</div>` +
    `<h3>${x(c.label)}</h3><p class="meta"><span class="badge">${x(c.badgeText)}</span> <code>${x(c.id)}</code> · ${facts.join(' · ')}</p>` +
    (lines.length ? `<ul class="lines">${lines.map((l) => `<li>${x(l)}</li>`).join('')}</ul>` : '') +
    `<p class="next"><b>Next step</b>${x(c.nextStep)}</p></article>`
  );
}

export function htmlPage(r: FieldReport): string {
  const checked = `${r.checkedAt.slice(0, 16).replace('T', ' ')} UTC`;
  const total = r.streets.reduce((n, s) => n + s.cards.length, 0);
  // The radio buttons are siblings of <main>, so that CSS alone can hide the cards they do not select.
  const inputs = ['all', ...r.counts.map((c) => c.badge)]
    .map((b) => `<input class="filter" type="radio" name="filter" id="f-${b}"${b === 'all' ? ' checked' : ''}>`)
    .join('');
  const labels = [
    `<label for="f-all">all (${total})</label>`,
    ...r.counts.map((c) => `<label for="f-${c.badge}">${x(c.text)} (${c.count})</label>`),
  ].join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'">
<title>${x(r.title)} — camfleet report ${x(checked)}</title>
<style>${STYLE}${badgeStyles()}</style>
</head>
<body>
<header>
<h1>${x(r.title)}</h1>
<p class="sub">${x(r.subtitle)}</p>
<p class="when">Checked ${x(checked)} · ${total} camera points</p>
<ul class="counts">${r.counts.map((c) => `<li class="count b-${c.badge}">${c.count} ${x(c.text)}</li>`).join('')}</ul>
</header>
${inputs}
<nav class="filters" aria-label="Show only">${labels}</nav>
<main>
${r.plan ? `<section aria-label="Street plan"><h2>Street plan</h2>${r.plan}</section>` : ''}
${r.streets
  .map((s) => `<section class="street"><h2>${x(s.name)}</h2><div class="cards">${s.cards.map(card).join('\n')}</div></section>`)
  .join('\n')}
${r.unknownDevices.length ? `<section class="unknown"><h2>On the network, not in the inventory</h2><ul>${r.unknownDevices.map((u) => `<li><code>${x(u.address)}</code>: ${x(u.message)}</li>`).join('')}</ul></section>` : ''}
</main>
</body>
</html>
`;
}
