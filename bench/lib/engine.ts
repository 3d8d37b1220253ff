import { BUILTIN_CATALOG, createEngine, loadCatalog, validateRequirements, type Catalog, type Engine, type Requirements } from '../../rules/index.ts';

/** The built-in catalogue compiled once, as every adapter does at start-up. */
export function builtin(): { catalog: Catalog; engine: Engine } {
  const loaded = loadCatalog(BUILTIN_CATALOG);
  if (!loaded.ok) throw new Error(`built-in catalogue does not load: ${JSON.stringify(loaded.issues)}`);
  return { catalog: loaded.value, engine: createEngine(loaded.value) };
}

/** Validated, normalized requirements (defaults applied), or an exception naming the issues. */
export function normalized(data: unknown): Requirements {
  const r = validateRequirements(data);
  if (!r.ok) throw new Error(`benchmark input is invalid: ${JSON.stringify(r.issues)}`);
  return r.value;
}
