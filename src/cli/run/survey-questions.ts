import { slug } from '../../inventory/editor.js';
import type { Owner, SiteInventory } from '../../inventory/model.js';
import type { Decision, NewPointAnswers, SurveyCase, SurveyOverview } from '../../survey/model.js';

type Prompts = typeof import('@inquirer/prompts');
type Choice<T> = { name: string; value: T; description?: string };

/** The prompts the survey uses, bound to the interrupt signal (an aborted run cancels the question). */
export function asker(p: Prompts, signal: AbortSignal) {
  return {
    select: <T>(config: { message: string; choices: Choice<T>[]; default?: T; pageSize?: number }) => p.select<T>(config, { signal }),
    input: (config: { message: string; default?: string; validate?: (v: string) => true | string }) => p.input(config, { signal }),
    confirm: (config: { message: string; default?: boolean }) => p.confirm(config, { signal }),
    checkbox: <T>(config: { message: string; choices: (Choice<T> & { checked?: boolean })[] }) => p.checkbox<T>(config, { signal }),
  };
}
export type Ask = ReturnType<typeof asker>;

/** What the questions need to know about the inventory and the survey so far. */
export interface QuestionContext {
  sites: SiteInventory[];
  overview: SurveyOverview;
  /** Point ids taken, counting points created earlier in this survey. */
  takenIds: Set<string>;
  /** The street asked for with --street: offered first. */
  street?: string;
}

const WATCHES = ['road', 'gate', 'junction', 'alley', 'entrance', 'parking', 'playground', 'market', 'other'];
const OWNERS: Owner[] = ['household', 'public', 'business'];

function streetChoices(ctx: QuestionContext): Choice<string>[] {
  const streets = ctx.sites.flatMap((s) => s.streets.map((f) => ({ name: `${f.doc.name} (${f.doc.id})`, value: f.doc.id })));
  return ctx.street ? [...streets.filter((s) => s.value === ctx.street), ...streets.filter((s) => s.value !== ctx.street)] : streets;
}

/** Where a point stands in this survey, shown beside it when choosing one. */
function pointStatus(ctx: QuestionContext, pointId: string): string {
  if (ctx.overview.missing.some((m) => m.pointId === pointId)) return 'missing';
  if (ctx.overview.confirmed.some((m) => m.pointId === pointId)) return 'confirmed';
  if (ctx.overview.changed.some((c) => c.kind !== 'unknown' && c.pointId === pointId)) return 'changed';
  return 'not checked';
}

async function choosePoint(ask: Ask, ctx: QuestionContext): Promise<string> {
  const street = await ask.select({ message: 'Which street?', choices: streetChoices(ctx) });
  const points = ctx.sites.flatMap((s) => s.streets).find((f) => f.doc.id === street)!.doc.points;
  return ask.select({
    message: 'Which point is it?',
    choices: points.map((p) => ({ name: `${p.id}: ${p.label} (${pointStatus(ctx, p.id)}, ${p.device.address})`, value: p.id })),
  });
}

const optionalNumber = (text: string, min: number, max: number, what: string): true | string => {
  if (text.trim() === '') return true;
  const n = Number(text);
  return Number.isFinite(n) && n >= min && n <= max ? true : `${what} from ${min} to ${max}, or leave it empty`;
};

const coordinates = (text: string): { latitude: number; longitude: number } | undefined => {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[, ]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  return m ? { latitude: Number(m[1]), longitude: Number(m[2]) } : undefined;
};

async function askNewPoint(ask: Ask, ctx: QuestionContext, deviceName: string | null): Promise<{ street: string; point: NewPointAnswers }> {
  const street = await ask.select({ message: 'On which street?', choices: streetChoices(ctx) });
  const label = await ask.input({
    message: 'Label (what people call this camera):',
    default: deviceName ?? undefined,
    validate: (v) => (v.trim() ? true : 'a label is needed'),
  });
  const place = await ask.input({ message: 'Location (house number, landmark; optional):' });
  const coords = await ask.input({
    message: 'Coordinates "latitude, longitude" (optional):',
    validate: (v) => {
      if (!v.trim()) return true;
      const c = coordinates(v);
      return c && Math.abs(c.latitude) <= 90 && Math.abs(c.longitude) <= 180 ? true : 'write them as 21.0741, 105.7902, or leave it empty';
    },
  });
  const watches = await ask.select({ message: 'What does it watch?', choices: WATCHES.map((w) => ({ name: w, value: w })) });
  const facing = await ask.input({
    message: 'Facing, in degrees from north (optional):',
    validate: (v) => optionalNumber(v, 0, 359, 'a bearing'),
  });
  const owner = await ask.select<Owner>({ message: 'Whose camera is it?', choices: OWNERS.map((o) => ({ name: o, value: o })) });
  let suggested = slug(`${street} ${label}`);
  for (let n = 2; ctx.takenIds.has(suggested); n++) suggested = `${slug(`${street} ${label}`)}-${n}`;
  const id = await ask.input({
    message: 'Point id:',
    default: suggested,
    validate: (v) =>
      !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v)
        ? 'lower-case letters, digits and single hyphens'
        : ctx.takenIds.has(v)
          ? `'${v}' is taken`
          : true,
  });
  const c = coordinates(coords);
  const location = { ...(place.trim() ? { address: place.trim() } : {}), ...(c ?? {}) };
  return {
    street,
    point: {
      id,
      label: label.trim(),
      ...(Object.keys(location).length ? { location } : {}),
      watches,
      ...(facing.trim() ? { facing: Number(facing) } : {}),
      owner,
    },
  };
}

type Answer = 'this-point' | 'assign' | 'create' | 'ignore' | 'skip';

/** Asks what a changed or unknown device is; returns the decision. */
export async function askCase(ask: Ask, ctx: QuestionContext, c: SurveyCase, site: string): Promise<Decision> {
  const key = c.device.key;
  const choices: Choice<Answer>[] =
    c.kind === 'replaced'
      ? [
          { name: `It replaced the old camera: record its identity on ${c.pointId}`, value: 'this-point' },
          { name: 'Skip for now', value: 'skip' },
        ]
      : [
          ...(c.kind === 'moved' ? [{ name: `Record its new address on ${c.pointId}`, value: 'this-point' as const }] : []),
          { name: 'Assign it to an existing point', value: 'assign' },
          { name: 'Create a new point for it', value: 'create' },
          ...(c.kind === 'unknown' ? [{ name: 'Not ours (do not ask again)', value: 'ignore' as const }] : []),
          { name: 'Skip for now', value: 'skip' },
        ];
  const answer = await ask.select({ message: `What is the camera at ${c.device.address}?`, choices });
  switch (answer) {
    case 'this-point':
      return { type: 'assign', key, device: c.device, pointId: (c as { pointId: string }).pointId };
    case 'assign':
      return { type: 'assign', key, device: c.device, pointId: await choosePoint(ask, ctx) };
    case 'create': {
      const { street, point } = await askNewPoint(ask, ctx, c.device.name);
      ctx.takenIds.add(point.id);
      return { type: 'create', key, device: c.device, street, point };
    }
    case 'ignore': {
      const note = await ask.input({ message: 'What is it? (optional, e.g. the shop opposite)' });
      return { type: 'ignore', key, device: c.device, site, ...(note.trim() ? { note: note.trim() } : {}) };
    }
    case 'skip':
      return { type: 'skip', key };
  }
}
