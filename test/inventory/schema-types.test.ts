import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script, with no declarations.
import { generateSchemaTypes, OUTPUT } from '../../scripts/schema-types.mjs';

// The inventory's TypeScript types are generated from its JSON Schemas (one source for its shape). A schema
// changed without `npm run schema-types` fails here, before the code can read a shape the schema no longer has.
describe('src/inventory/schema-types.ts', () => {
  it('is what the schemas generate now', async () => {
    const generated: string = await generateSchemaTypes();
    expect(readFileSync(OUTPUT, 'utf8'), 'stale: run `npm run schema-types`').toBe(generated);
  });

  it('keeps extension properties to x-… and the schemas’ enums', async () => {
    const generated: string = await generateSchemaTypes();
    expect(generated).not.toContain('[k: string]');
    expect(generated).toContain("watches?: 'gate' | 'road'");
  });
});
