/**
 * Writes the JSON Schemas for pack files into schema/, from the definitions
 * the loader validates with (src/content/schema.ts). Run after changing
 * them: `npx tsx scripts/gen-schema.ts`; a test fails while the committed
 * files are out of date.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SCHEMA_FILES, schemaFileText } from '../src/content/json-schema.js';

const dir = resolve(import.meta.dirname, '../schema');
for (const name of Object.keys(SCHEMA_FILES) as (keyof typeof SCHEMA_FILES)[]) {
  writeFileSync(join(dir, name), schemaFileText(name));
  console.log(`wrote schema/${name}`);
}
