/** `npm run docs:schema`: regenerates docs/bundle.schema.json from the bundle's zod schema. */
import { writeFileSync } from 'node:fs';
import { bundleJsonSchema } from '../src/contracts/bundle.js';

export const BUNDLE_SCHEMA_PATH = new URL('../docs/bundle.schema.json', import.meta.url);

export function bundleSchemaText(): string {
  return JSON.stringify(bundleJsonSchema(), null, 2) + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(BUNDLE_SCHEMA_PATH, bundleSchemaText());
  process.stdout.write(`wrote ${BUNDLE_SCHEMA_PATH.pathname}\n`);
}
