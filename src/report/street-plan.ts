import type { Badge } from './badge.js';

export interface PlanMarker {
  id: string;
  label: string;
  latitude: number;
  longitude: number;
  /** Compass bearing the camera faces (0 north, 90 east); null when unknown. */
  facing: number | null;
  badge: Badge;
}

const x = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const SIZE = { width: 640, height: 420, margin: 36 };
/** How far a facing arrow reaches, and the spread of the drawn field of view (a typical 2.8 mm lens). */
const ARROW = 26;
const FIELD_OF_VIEW_DEG = 90;

/**
 * The street plan: points placed by latitude and longitude (an equirectangular projection, right at the
 * scale of a residential group), coloured by state, each with its field of view towards `facing`, each a
 * link to its card. Null when no point has coordinates.
 */
export function streetPlanSvg(markers: PlanMarker[], title: string): string | null {
  if (markers.length === 0) return null;
  const lat0 = markers.reduce((s, m) => s + m.latitude, 0) / markers.length;
  const kx = Math.cos((lat0 * Math.PI) / 180);
  const xs = markers.map((m) => m.longitude * kx);
  const ys = markers.map((m) => -m.latitude);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // Equal scale on both axes, so the plan is not distorted; a single point sits in the middle.
  const span = Math.max(maxX - minX, maxY - minY, 1e-6);
  const scale = Math.min(SIZE.width - 2 * SIZE.margin, SIZE.height - 2 * SIZE.margin) / span;
  const offX = (SIZE.width - (maxX - minX) * scale) / 2;
  const offY = (SIZE.height - (maxY - minY) * scale) / 2;
  const shapes = markers.map((m, i) => {
    const cx = offX + (xs[i]! - minX) * scale;
    const cy = offY + (ys[i]! - minY) * scale;
    const point = (deg: number, r: number): [string, string] => {
      const rad = (deg * Math.PI) / 180;
      return [(cx + Math.sin(rad) * r).toFixed(1), (cy - Math.cos(rad) * r).toFixed(1)];
    };
    const at = (deg: number, r: number) => point(deg, r).join(',');
    const fov =
      m.facing === null
        ? ''
        : `<path class="fov" d="M${cx.toFixed(1)},${cy.toFixed(1)} L${at(m.facing - FIELD_OF_VIEW_DEG / 2, ARROW)} A${ARROW},${ARROW} 0 0 1 ${at(m.facing + FIELD_OF_VIEW_DEG / 2, ARROW)} Z"/>` +
          `<line class="facing" x1="${cx.toFixed(1)}" y1="${cy.toFixed(1)}" x2="${point(m.facing, ARROW)[0]}" y2="${point(m.facing, ARROW)[1]}"/>`;
    return (
      `<a href="#card-${x(m.id)}" class="marker b-${m.badge}" data-point="${x(m.id)}"><title>${x(`${m.id}: ${m.label} (${m.badge})`)}</title>` +
      `${fov}<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="7"/>` +
      `<text class="name" x="${(cx + 10).toFixed(1)}" y="${(cy + 4).toFixed(1)}">${x(m.id)}</text></a>`
    );
  });
  return (
    `<svg class="plan" viewBox="0 0 ${SIZE.width} ${SIZE.height}" role="img" aria-label="${x(title)}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${x(title)}</title><rect class="ground" width="${SIZE.width}" height="${SIZE.height}"/>` +
    `<text class="north" x="${SIZE.width - 34}" y="22">N ↑</text>${shapes.join('')}</svg>`
  );
}
