// Generates src/inventory/schema-types.ts, the TypeScript types of the inventory, from its JSON Schemas
// (schemas/site.schema.json, street.schema.json and the common.schema.json they share): the schemas are the
// one source of the inventory's shape; src/inventory/model.ts names the parts the code uses.
// `npm run schema-types` rewrites the file; test/inventory/schema-types.test.ts fails when it is stale.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const SCHEMAS = fileURLToPath(new URL('../schemas/', import.meta.url));
export const OUTPUT = fileURLToPath(new URL('../src/inventory/schema-types.ts', import.meta.url));

const BANNER = `// Generated from schemas/site.schema.json and schemas/street.schema.json by scripts/schema-types.mjs:
// do not edit. Change the schema, then run \`npm run schema-types\`.`;

/** The root documents get short names; everything else is named by its $defs key or title. */
const ROOT_NAMES = { 'site.schema.json': 'Site', 'street.schema.json': 'Street' };

export async function generateSchemaTypes() {
  const documents = {
    title: 'InventoryDocuments',
    type: 'object',
    additionalProperties: false,
    properties: { site: { $ref: 'site.schema.json' }, street: { $ref: 'street.schema.json' } },
  };
  const text = await compile(documents, 'InventoryDocuments', {
    cwd: SCHEMAS,
    bannerComment: BANNER,
    additionalProperties: false,
    // A maxItems becomes a union of tuples otherwise (views: 8 of them).
    maxItems: -1,
    unreachableDefinitions: false,
    customName: (schema) => ROOT_NAMES[schema.$id],
    format: true,
    style: { singleQuote: true, printWidth: 140 },
  });
  // Every object in the inventory takes extension properties named x-… (patternProperties "^x-"), which the
  // generator can only spell as "any string": narrowed to x-… so that a misspelt property is still an error.
  return text.replace(/\[k: string\]: unknown;/g, '[extension: `x-${string}`]: unknown;');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(OUTPUT, await generateSchemaTypes());
  console.log(`wrote ${OUTPUT}`);
}
