import type { Owner } from '../../inventory/model.js';
import {
  coordinatesProblem,
  OWNERS,
  optionalNumberProblem,
  parseCoordinates,
  pointIdProblem,
  pointStatus,
  suggestPointId,
  WATCHES,
} from '../../survey/answers.js';
import { type QuestionContext, SurveyInterrupted } from '../../survey/dialogue.js';
import type { Decision, NewPointAnswers, SurveyCase } from '../../survey/model.js';

type Prompts = typeof import('@inquirer/prompts');
type Choice<T> = { name: string; value: T; description?: string };

/** Ctrl-C at a prompt, or a prompt cut by the interrupt signal, becomes the survey's own interruption. */
async function interruptible<T>(question: Promise<T>): Promise<T> {
  try {
    return await question;
  } catch (err) {
    // By name, as inquirer documents: @inquirer/prompts does not export its error classes (they live in
    // @inquirer/core, which camfleet does not depend on directly).
    if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) throw new SurveyInterrupted();
    throw err;
  }
}

/** The prompts the survey uses, bound to the interrupt signal (an aborted run cancels the question). */
export function asker(p: Prompts, signal: AbortSignal) {
  return {
    select: <T>(config: { message: string; choices: Choice<T>[]; default?: T; pageSize?: number }) =>
      interruptible(p.select<T>(config, { signal })),
    input: (config: { message: string; default?: string; validate?: (v: string) => true | string }) =>
      interruptible(p.input(config, { signal })),
    confirm: (config: { message: string; default?: boolean }) => interruptible(p.confirm(config, { signal })),
    checkbox: <T>(config: { message: string; choices: (Choice<T> & { checked?: boolean })[] }) =>
      interruptible(p.checkbox<T>(config, { signal })),
  };
}
export type Ask = ReturnType<typeof asker>;

function streetChoices(ctx: QuestionContext): Choice<string>[] {
  const streets = ctx.sites.flatMap((s) => s.streets.map((f) => ({ name: `${f.doc.name} (${f.doc.id})`, value: f.doc.id })));
  return ctx.street ? [...streets.filter((s) => s.value === ctx.street), ...streets.filter((s) => s.value !== ctx.street)] : streets;
}

async function choosePoint(ask: Ask, ctx: QuestionContext): Promise<string> {
  const street = await ask.select({ message: 'Which street?', choices: streetChoices(ctx) });
  const points = ctx.sites.flatMap((s) => s.streets).find((f) => f.doc.id === street)!.doc.points;
  return ask.select({
    message: 'Which point is it?',
    choices: points.map((p) => ({ name: `${p.id}: ${p.label} (${pointStatus(ctx.overview, p.id)}, ${p.device.address})`, value: p.id })),
  });
}

async function askNewPoint(ask: Ask, ctx: QuestionContext, deviceName: string | null): Promise<{ street: string; point: NewPointAnswers }> {
  const street = await ask.select({ message: 'On which street?', choices: streetChoices(ctx) });
  const label = await ask.input({
    message: 'Label (what people call this camera):',
    default: deviceName ?? undefined,
    validate: (v) => (v.trim() ? true : 'a label is needed'),
  });
  const place = await ask.input({ message: 'Location (house number, landmark; optional):' });
  const coords = await ask.input({ message: 'Coordinates "latitude, longitude" (optional):', validate: coordinatesProblem });
  const watches = await ask.select({ message: 'What does it watch?', choices: WATCHES.map((w) => ({ name: w, value: w })) });
  const facing = await ask.input({
    message: 'Facing, in degrees from north (optional):',
    validate: (v) => optionalNumberProblem(v, 0, 359, 'a bearing'),
  });
  const owner = await ask.select<Owner>({ message: 'Whose camera is it?', choices: OWNERS.map((o) => ({ name: o, value: o })) });
  const id = await ask.input({
    message: 'Point id:',
    default: suggestPointId(street, label, ctx.takenIds),
    validate: (v) => pointIdProblem(v, ctx.takenIds),
  });
  const c = parseCoordinates(coords);
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
