import { slug } from '../inventory/editor.js';
import type { Owner, Watches } from '../inventory/model.js';
import type { SurveyOverview } from './model.js';

/** What a point can watch, offered in this order. */
export const WATCHES: Watches[] = ['road', 'gate', 'junction', 'alley', 'entrance', 'parking', 'playground', 'market', 'other'];
export const OWNERS: Owner[] = ['household', 'public', 'business'];

/** "21.0741, 105.7902" (or with a space) → coordinates; anything else → undefined. */
export function parseCoordinates(text: string): { latitude: number; longitude: number } | undefined {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[, ]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  return m ? { latitude: Number(m[1]), longitude: Number(m[2]) } : undefined;
}

/** Why typed coordinates cannot be taken, or true (empty is fine: they are optional). */
export function coordinatesProblem(text: string): true | string {
  if (!text.trim()) return true;
  const c = parseCoordinates(text);
  return c && Math.abs(c.latitude) <= 90 && Math.abs(c.longitude) <= 180 ? true : 'write them as 21.0741, 105.7902, or leave it empty';
}

/** Why an optional number cannot be taken, or true. */
export function optionalNumberProblem(text: string, min: number, max: number, what: string): true | string {
  if (text.trim() === '') return true;
  const n = Number(text);
  return Number.isFinite(n) && n >= min && n <= max ? true : `${what} from ${min} to ${max}, or leave it empty`;
}

/** A free point id made from the street and label: street-label, else street-label-2, -3… */
export function suggestPointId(street: string, label: string, taken: ReadonlySet<string>): string {
  const base = slug(`${street} ${label}`);
  let suggested = base;
  for (let n = 2; taken.has(suggested); n++) suggested = `${base}-${n}`;
  return suggested;
}

/** Why a typed point id cannot be taken, or true. */
export function pointIdProblem(id: string, taken: ReadonlySet<string>): true | string {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) return 'lower-case letters, digits and single hyphens';
  return taken.has(id) ? `'${id}' is taken` : true;
}

/** Where a point stands in this survey, shown beside it when choosing one. */
export function pointStatus(overview: SurveyOverview, pointId: string): string {
  if (overview.missing.some((m) => m.pointId === pointId)) return 'missing';
  if (overview.confirmed.some((m) => m.pointId === pointId)) return 'confirmed';
  if (overview.changed.some((c) => c.kind !== 'unknown' && c.pointId === pointId)) return 'changed';
  return 'not checked';
}
