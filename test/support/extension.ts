import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILTIN_CATALOG, createEngine, loadCatalog, parseRequirements, type Recommendation, type Requirements } from '../../rules/index.ts';

/** The example service (copied into test/fixtures) and its recommendation, from the real engine. */
export const EXAMPLE_PATH = fileURLToPath(new URL('../fixtures/extension/shop-with-live-support.statewise.yaml', import.meta.url));

export function exampleRequirements(): Requirements {
  const parsed = parseRequirements(readFileSync(EXAMPLE_PATH, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

export function adviseExample(): Recommendation {
  const catalog = loadCatalog(BUILTIN_CATALOG);
  if (!catalog.ok) throw new Error(JSON.stringify(catalog.issues));
  return createEngine(catalog.value).advise(exampleRequirements(), { today: '2026-11-26' });
}
