import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { packageUrl } from '../fs/package-root.js';

/** The folder of JSON Schemas shipped with camfleet (schemas/ at the package root). */
export const SCHEMA_DIR = packageUrl('schemas/');

export type SchemaName = 'common' | 'site' | 'street' | 'discovery' | 'device' | 'plan' | 'report';

const cache = new Map<string, unknown>();

/** A schema file parsed, as a plain object (also used for canonical key order). */
export function loadSchema(name: string): Record<string, unknown> {
  if (!cache.has(name)) cache.set(name, JSON.parse(readFileSync(new URL(`${name}.schema.json`, SCHEMA_DIR), 'utf8')));
  return cache.get(name) as Record<string, unknown>;
}

let ajv: Ajv2020 | undefined;

/** One ajv instance with every camfleet schema, compiled on first use. */
function instance(): Ajv2020 {
  if (!ajv) {
    // verbose: errors carry their schema, whose descriptions become the hints people read.
    ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
    // ajv-formats is CommonJS: under Node ESM its function is the default export's `default`.
    addFormats.default(ajv);
    for (const name of ['common', 'site', 'street']) ajv.addSchema(loadSchema(name));
  }
  return ajv;
}

export function validatorFor(name: 'site' | 'street'): ValidateFunction {
  const validate = instance().getSchema(`${name}.schema.json`);
  if (!validate) throw new Error(`schema ${name} is missing`);
  return validate;
}

/** Compiles an output schema (discovery, device, plan, report), or one of its $defs, for tests and self-checks. */
export function compileOutputSchema(name: Exclude<SchemaName, 'common' | 'site' | 'street'>, def?: string): ValidateFunction {
  const ajvInstance = instance();
  const id = `${name}.schema.json`;
  // The report and the device outputs refer to the plan's definitions.
  if ((name === 'report' || name === 'device') && !ajvInstance.getSchema('plan.schema.json')) ajvInstance.addSchema(loadSchema('plan'));
  if (!ajvInstance.getSchema(id)) ajvInstance.addSchema(loadSchema(name));
  const ref = def ? `${id}#/$defs/${def}` : id;
  const validate = ajvInstance.getSchema(ref);
  if (!validate) throw new Error(`no schema ${ref}`);
  return validate;
}

export type { ErrorObject };
