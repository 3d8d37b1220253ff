/**
 * Generates the typed-client declarations (test/support/api-types.generated.ts) from the OpenAPI document the
 * server serves. `npm run api:types` rewrites the file; a test checks that regenerating changes nothing.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const API_TYPES_FILE = fileURLToPath(new URL('../test/support/api-types.generated.ts', import.meta.url));

const HEADER = `// Generated from the served /openapi.json by \`npm run api:types\` (scripts/api-types.ts). Do not edit by hand.\n\n`;

/** The TypeScript declarations openapi-typescript produces for an OpenAPI document's JSON text. */
export async function apiTypes(openapiJson: string): Promise<string> {
  // Requirements fields with defaults may be omitted by clients, so a default must not make a field required.
  const ast = await openapiTS(JSON.parse(openapiJson), { alphabetize: true, defaultNonNullable: false });
  return HEADER + astToString(ast);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { createApp } = await import('../server/app.ts');
  const { loadEngine } = await import('../adapters/index.ts');
  const engine = loadEngine();
  if (!engine.ok) throw new Error('the built-in catalogue does not load');
  const res = await createApp({ engine: engine.value, accessLog: false }).request('/openapi.json');
  writeFileSync(API_TYPES_FILE, await apiTypes(await res.text()));
  process.stdout.write(`wrote ${API_TYPES_FILE}\n`);
}
