/**
 * Writes docs/rules.md from the built-in catalogue (rules/catalog/*.yaml via builtin.generated.ts).
 * `--check` exits 1 when the committed file is stale. Run after `npm run catalog`, which calls this too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILTIN_CATALOG, loadCatalog } from '../rules/index.ts';
import { renderRulesDoc } from '../rules/catalog/reference.ts';

export const RULES_DOC = fileURLToPath(new URL('../docs/rules.md', import.meta.url));

export function renderBuiltinRulesDoc(): string {
  const catalog = loadCatalog(BUILTIN_CATALOG);
  if (!catalog.ok) throw new Error(`the built-in catalogue does not load: ${catalog.issues.map((i) => `${i.file}:${i.line} ${i.message}`).join('; ')}`);
  return renderRulesDoc(catalog.value);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const fresh = renderBuiltinRulesDoc();
  if (process.argv.includes('--check')) {
    let current = '';
    try { current = readFileSync(RULES_DOC, 'utf8'); } catch { /* missing counts as stale */ }
    if (current !== fresh) {
      console.error('docs/rules.md is stale: run `npm run docs:rules`');
      process.exit(1);
    }
  } else {
    writeFileSync(RULES_DOC, fresh);
    console.log(`wrote ${RULES_DOC}`);
  }
}
