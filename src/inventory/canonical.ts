import { loadSchema } from './schemas.js';

type Schema = { $ref?: string; properties?: Record<string, Schema>; items?: Schema; $defs?: Record<string, Schema> };

/** Follows a `$ref` such as `common.schema.json#/$defs/stream` or `#/$defs/point` within `current`. */
function deref(schema: Schema | undefined, current: string): [Schema | undefined, string] {
  let at = schema;
  let file = current;
  for (let hops = 0; at?.$ref && hops < 10; hops++) {
    const [target, fragment = ''] = at.$ref.split('#');
    if (target) file = target.replace(/\.schema\.json$/, '');
    let node: unknown = loadSchema(file);
    for (const part of fragment.split('/').filter(Boolean)) node = (node as Record<string, unknown>)[part];
    at = node as Schema;
  }
  return [at, file];
}

/** Reorders keys as the schema lists them, then extension fields (x-…) and anything else, alphabetically. */
function order(value: unknown, schema: Schema | undefined, file: string): unknown {
  const [resolved, resolvedFile] = deref(schema, file);
  if (Array.isArray(value)) return value.map((v) => order(v, resolved?.items, resolvedFile));
  if (value === null || typeof value !== 'object') return value;
  const properties = resolved?.properties ?? {};
  // Own keys only, and an output without a prototype: a key named __proto__, constructor or toString in an
  // x- field is data like any other, kept and written back.
  const known = Object.keys(properties).filter((k) => Object.hasOwn(value, k));
  const rest = Object.keys(value)
    .filter((k) => !Object.hasOwn(properties, k))
    .sort();
  const out: Record<string, unknown> = Object.create(null);
  for (const key of [...known, ...rest]) {
    const schema = Object.hasOwn(properties, key) ? properties[key] : undefined;
    out[key] = order((value as Record<string, unknown>)[key], schema, resolvedFile);
  }
  return out;
}

/**
 * The one text camfleet writes for a document: keys in schema order, points sorted by id, two-space
 * indent, a final newline. Formatting twice gives the same bytes, so camfleet's writes make small diffs.
 */
export function formatDocument(kind: 'site' | 'street', doc: unknown): string {
  const ordered = order(doc, loadSchema(kind) as Schema, kind) as Record<string, unknown>;
  if (kind === 'street' && Array.isArray(ordered.points)) {
    // A point without a string id (a file being edited) sorts first and is kept as it is.
    const key = (p: unknown): string => {
      const id = p !== null && typeof p === 'object' ? (p as { id?: unknown }).id : undefined;
      return typeof id === 'string' ? id : '';
    };
    ordered.points = [...ordered.points].sort((a, b) => key(a).localeCompare(key(b)));
  }
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
