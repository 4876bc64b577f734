import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The output documents are written twice: as TypeScript types the code builds them with (a saved plan,
// src/reconcile/model.ts; the check report, src/reconcile/check-report.ts), whose unions are finer than a
// schema says, and as the JSON Schemas that document them for their readers (schemas/). This test walks both
// together, from each document's root down through every nested object and array, and fails where they
// disagree: a property one has and the other lacks, or one required in one and optional in the other.
// The inventory's types are generated from its schemas (test/inventory/schema-types.test.ts keeps them
// current); they are walked here too, as a check of the generation, its x-… narrowing included.
const ROOT = resolve(import.meta.dirname, '../..');
const MODEL = resolve(ROOT, 'src/inventory/model.ts');
// The output documents too: a saved plan (plan --out, read back by apply) and the check report (check --json).
const PLAN_MODEL = resolve(ROOT, 'src/reconcile/model.ts');
const REPORT_MODEL = resolve(ROOT, 'src/reconcile/check-report.ts');

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
};
const schemas = new Map<string, Schema & { $defs?: Record<string, Schema> }>();
const schemaFile = (name: string) => {
  if (!schemas.has(name)) schemas.set(name, JSON.parse(readFileSync(resolve(ROOT, 'schemas', name), 'utf8')));
  return schemas.get(name)!;
};

/** A schema node with its $refs followed; `file` is where relative refs (#/…) point. */
function deref(node: Schema, file: string): { node: Schema; file: string } {
  if (!node.$ref) return { node, file };
  const [target, pointer] = node.$ref.split('#');
  const inFile = target || file;
  let at: unknown = schemaFile(inFile);
  for (const part of (pointer ?? '').split('/').filter(Boolean)) at = (at as Record<string, unknown>)[part];
  return deref(at as Schema, inFile);
}

/** The object branch of a schema (a oneOf of false and an object, such as recording), or its array items. */
function objectOf(node: Schema, file: string): { node: Schema; file: string } | undefined {
  const d = deref(node, file);
  if (d.node.properties) return d;
  for (const branch of [...(d.node.oneOf ?? []), ...(d.node.anyOf ?? [])]) {
    const found = objectOf(branch, d.file);
    if (found) return found;
  }
  return undefined;
}

/**
 * Objects the output schemas leave open on purpose (any properties): a plan's and a report's actions say
 * only their type, discovered devices and diagnostics are described by their own commands. Anything else
 * that differs fails.
 */
const OPEN_IN_SCHEMA = new Set([
  'devices',
  'diagnostics',
  'findings.action',
  'points.findings.action',
  'points.checks.findings.action',
  'unknownDevices.action',
]);

const program = ts.createProgram([MODEL, PLAN_MODEL, REPORT_MODEL], {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
});
const checker = program.getTypeChecker();
const declared = (name: string, file = MODEL): ts.Type => {
  const source = program.getSourceFile(file)!;
  const symbol = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).find((s) => s.name === name);
  if (!symbol) throw new Error(`${file} has no type ${name}`);
  return checker.getDeclaredTypeOfSymbol(symbol);
};

/** The object type a property holds: undefined and false stripped from unions, arrays looked into. */
function objectType(type: ts.Type): ts.Type | undefined {
  const parts = type.isUnion() ? type.types : [type];
  for (const part of parts) {
    if (checker.isArrayType(part)) return objectType(checker.getTypeArguments(part as ts.TypeReference)[0]!);
    if (part.flags & ts.TypeFlags.Object && part.getProperties().length > 0) return part;
  }
  return undefined;
}

/** Every disagreement between a schema object and a type, as `path: what`. */
function compare(path: string, schema: { node: Schema; file: string }, type: ts.Type, out: string[], visited: string[] = []): void {
  visited.push(path);
  if (OPEN_IN_SCHEMA.has(path.replace(/^\w+\./, ''))) return;
  const fromSchema = Object.keys(schema.node.properties ?? {});
  const required = new Set(schema.node.required ?? []);
  const props = new Map(type.getProperties().map((p) => [p.name, p]));
  for (const name of fromSchema) if (!props.has(name)) out.push(`${path}.${name}: in the schema, not in the type`);
  for (const name of props.keys()) if (!fromSchema.includes(name)) out.push(`${path}.${name}: in the type, not in the schema`);
  for (const [name, symbol] of props) {
    if (!fromSchema.includes(name)) continue;
    const optional = (symbol.flags & ts.SymbolFlags.Optional) !== 0;
    if (optional === required.has(name))
      out.push(`${path}.${name}: ${optional ? 'optional in the type, required' : 'required in the type, optional'} in the schema`);
    const child = schema.node.properties![name]!;
    const childSchema = objectOf(deref(child, schema.file).node.items ?? child, deref(child, schema.file).file);
    const childType = objectType(checker.getTypeOfSymbol(symbol));
    if (childSchema && childType) compare(`${path}.${name}`, childSchema, childType, out, visited);
    else if (OPEN_IN_SCHEMA.has(`${path}.${name}`.replace(/^\w+\./, ''))) visited.push(`${path}.${name}`);
    else if (childSchema || childType) out.push(`${path}.${name}: an object in ${childSchema ? 'the schema' : 'the type'} only`);
  }
}

describe('the inventory schemas and their TypeScript types', () => {
  it.each([
    ['site.schema.json', 'Site'],
    ['street.schema.json', 'Street'],
  ])('%s and %s have the same properties, required alike, all the way down', (file, typeName) => {
    const out: string[] = [];
    const visited: string[] = [];
    compare(typeName, { node: schemaFile(file), file }, declared(typeName), out, visited);
    expect(out).toEqual([]);
    // The walk reaches the nested objects, through $refs into common.schema.json, arrays and unions.
    expect(visited.length).toBeGreaterThan(5);
    if (typeName === 'Street')
      expect(visited).toEqual(
        expect.arrayContaining([
          'Street.points.device.access.tls',
          'Street.points.recording',
          'Street.points.ptz.presets.views',
          'Street.points.ptz.home',
        ]),
      );
    else
      expect(visited).toEqual(
        expect.arrayContaining([
          'Site.contact',
          'Site.defaults.recording',
          'Site.defaults.streams.bitrateKbps',
          'Site.ignoredDevices.identity',
        ]),
      );
  });

  it.each([
    ['plan.schema.json', 'Plan', PLAN_MODEL],
    ['report.schema.json', 'CheckReport', REPORT_MODEL],
  ])('the output document %s and %s agree all the way down', (file, typeName, model) => {
    const out: string[] = [];
    const visited: string[] = [];
    compare(typeName, { node: schemaFile(file), file }, declared(typeName, model), out, visited);
    expect(out).toEqual([]);
    expect(visited.length).toBeGreaterThan(3);
  });

  it('notices a drift (the walk is not vacuous)', () => {
    const out: string[] = [];
    // Street's schema against Site's type: nearly everything differs.
    compare('Street', { node: schemaFile('street.schema.json'), file: 'street.schema.json' }, declared('Site'), out);
    expect(out).toContain('Street.points: in the schema, not in the type');
    expect(out).toContain('Street.district: in the type, not in the schema');
  });
});
