import {
  BUILTIN_CATALOG, createEngine, loadCatalog, parseRequirements, validateRequirements,
  type Catalog, type CatalogSource, type Engine, type Recommendation, type Requirements,
} from '../../rules/index.ts';

/** Compiles a catalogue or throws with every issue, so a broken fixture fails loudly in the test that uses it. */
export function catalogFrom(builtin: readonly CatalogSource[] = BUILTIN_CATALOG, custom: readonly CatalogSource[] = []): Catalog {
  const loaded = loadCatalog(builtin, { custom });
  if (!loaded.ok) throw new Error(`catalogue does not load:\n${JSON.stringify(loaded.issues, null, 2)}`);
  return loaded.value;
}

/**
 * A fresh engine over the built-in catalogue (plus optional custom files). Each call compiles again, so two engines
 * share nothing — which is what the determinism tests compare.
 * @example const engine = builtinEngine(); engine.advise(requirements)
 */
export function builtinEngine(custom: readonly CatalogSource[] = []): Engine {
  return createEngine(catalogFrom(BUILTIN_CATALOG, custom));
}

/** Validated, normalized requirements from plain data; throws with the issues when the data is invalid. */
export function requirementsOf(data: unknown): Requirements {
  const result = validateRequirements(data);
  if (!result.ok) throw new Error(`invalid requirements:\n${JSON.stringify(result.issues, null, 2)}\nfor ${JSON.stringify(data)}`);
  return result.value;
}

/** Parses requirements text (YAML or JSON) or throws. */
export function requirementsFromText(text: string): Requirements {
  const result = parseRequirements(text);
  if (!result.ok) throw new Error(`invalid requirements text:\n${JSON.stringify(result.issues, null, 2)}`);
  return result.value;
}

/** Advises plain requirements data with `engine` (validating it first). */
export function adviseData(engine: Engine, data: unknown): Recommendation {
  return engine.advise(requirementsOf(data));
}
