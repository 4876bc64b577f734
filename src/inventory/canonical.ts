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
  const known = Object.keys(properties).filter((k) => k in value);
  const rest = Object.keys(value)
    .filter((k) => !(k in properties))
    .sort();
  const out: Record<string, unknown> = {};
  for (const key of [...known, ...rest]) {
    out[key] = order((value as Record<string, unknown>)[key], properties[key], resolvedFile);
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
    ordered.points = [...ordered.points].sort((a, b) =>
      String((a as { id?: unknown }).id).localeCompare(String((b as { id?: unknown }).id)),
    );
  }
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
