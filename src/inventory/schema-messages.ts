import type { ErrorObject } from './schemas.js';
import { pointerSegment } from './json-source.js';

/** A schema error worded for the person editing the file. */
export interface SchemaMessage {
  /** The pointer to locate: the value, or for an unknown field the field itself. */
  pointer: string;
  /** Whether to point at the key rather than the value. */
  atKey: boolean;
  message: string;
  hint: string;
}

function fieldName(pointer: string): string {
  const last = pointer.split('/').at(-1) ?? '';
  return /^\d+$/.test(last) ? `item ${last}` : `'${last.replace(/~1/g, '/').replace(/~0/g, '~')}'`;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

/** Levenshtein distance, for "did you mean" on misspelt field names. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** Rewrites one ajv error; `valueAt` reads the offending value, `schemaAt` the sub-schema it was checked against. */
export function explainSchemaError(error: ErrorObject, valueAt: (pointer: string) => unknown): SchemaMessage {
  const pointer = error.instancePath;
  const schema = (error.parentSchema ?? {}) as { description?: string; properties?: Record<string, { description?: string }> };
  const described = schema.description ? `: ${schema.description}` : '';
  const value = valueAt(pointer);
  const name = fieldName(pointer);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(p.missingProperty);
      const about = schema.properties?.[missing]?.description;
      return {
        pointer,
        atKey: false,
        message: `missing required field '${missing}'`,
        hint: `add "${missing}"${about ? ` (${about})` : ''}`,
      };
    }
    case 'additionalProperties': {
      const extra = String(p.additionalProperty);
      const known = Object.keys(schema.properties ?? {});
      const guess = closest(extra, known);
      return {
        pointer: `${pointer}/${pointerSegment(extra)}`,
        atKey: true,
        message: `unknown field '${extra}'`,
        hint: `${guess ? `did you mean '${guess}'? ` : `known fields here: ${known.join(', ')}. `}Fields of your own must start with x-`,
      };
    }
    case 'type':
      return {
        pointer,
        atKey: false,
        message: `${name} must be ${TYPE_WORDS[String(p.type)] ?? String(p.type)}, not ${typeOf(value)}`,
        hint: `give ${TYPE_WORDS[String(p.type)] ?? p.type}${described}`,
      };
    case 'enum':
      return {
        pointer,
        atKey: false,
        message: `${name} must be one of ${(p.allowedValues as unknown[]).join(', ')}, not ${JSON.stringify(value)}`,
        hint: `choose one of the listed values${described}`,
      };
    case 'const':
      return {
        pointer,
        atKey: false,
        message: `${name} must be ${JSON.stringify(p.allowedValue)}, not ${JSON.stringify(value)}`,
        hint: schema.description ?? 'use the value shown',
      };
    case 'pattern':
    case 'format':
      return {
        pointer,
        atKey: false,
        message: `${name} ${JSON.stringify(value)} is not in the expected form`,
        hint: schema.description
          ? `expected ${schema.description}`
          : `expected ${error.keyword === 'format' ? `a valid ${p.format}` : `text matching ${p.pattern}`}`,
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        pointer,
        atKey: false,
        message: `${name} must be ${String(p.comparison)} ${String(p.limit)}, not ${JSON.stringify(value)}`,
        hint: schema.description ? `expected ${schema.description}` : 'use a value inside the range',
      };
    case 'minLength':
      return {
        pointer,
        atKey: false,
        message: `${name} must not be empty`,
        hint: schema.description ? `expected ${schema.description}` : 'give a value or remove the field',
      };
    case 'maxLength':
      return {
        pointer,
        atKey: false,
        message: `${name} is too long (at most ${String(p.limit)} characters)`,
        hint: 'shorten it; long text belongs in notes',
      };
    case 'uniqueItems':
      return {
        pointer,
        atKey: false,
        message: `${name} lists the same value twice (items ${String(p.j)} and ${String(p.i)})`,
        hint: 'remove the repeated item',
      };
    default:
      return {
        pointer,
        atKey: false,
        message: `${name} ${error.message ?? 'is not valid'}`,
        hint: schema.description ? `expected ${schema.description}` : 'see the schema in schemas/',
      };
  }
}
