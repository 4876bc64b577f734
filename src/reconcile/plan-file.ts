import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { UserError } from '../errors.js';
import { compileOutputSchema } from '../inventory/schemas.js';
import type { Plan } from './model.js';

export async function writePlan(path: string, plan: Plan): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(plan, null, 2)}\n`);
}

/** Reads a saved plan; a file that is not one is a UserError that says what is wrong. */
export async function readPlan(path: string): Promise<Plan> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new UserError(`cannot read the plan ${path} (${(err as NodeJS.ErrnoException).code ?? 'not JSON'})`, {
      hint: "make one with 'camfleet plan --out FILE'",
    });
  }
  const validate = compileOutputSchema('plan');
  if (!validate(value)) {
    const first = validate.errors?.[0];
    throw new UserError(`${path} is not a camfleet plan (${first?.instancePath || '/'} ${first?.message ?? ''})`, {
      hint: "make one with 'camfleet plan --out FILE'",
    });
  }
  return value as Plan;
}
