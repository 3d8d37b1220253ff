import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_CATALOG, createEngine, issue, loadCatalog, type CatalogSource, type Engine, type Result } from '../../rules/index.ts';

export interface EmbeddedEngines {
  /** The engine for the built-in catalogue plus the custom folder, when given (read afresh on every call). */
  get(rulesDir?: string): Result<Engine>;
}

/**
 * The in-process engine: the built-in catalogue, with the `statewise.rulesPath` folder layered on top.
 * Compiling a catalogue is the expensive part, so the last engine is kept while the catalogue texts are unchanged.
 * @example createEmbeddedEngines().get().ok
 */
export function createEmbeddedEngines(): EmbeddedEngines {
  let cached: { key: string; engine: Engine } | undefined;
  return {
    get(rulesDir) {
      const custom = rulesDir ? readRulesDir(rulesDir) : { ok: true as const, value: [] };
      if (!custom.ok) return custom;
      const key = JSON.stringify(custom.value);
      if (cached?.key === key) return { ok: true, value: cached.engine };
      const catalog = loadCatalog(BUILTIN_CATALOG, { custom: custom.value });
      if (!catalog.ok) return catalog;
      cached = { key, engine: createEngine(catalog.value) };
      return { ok: true, value: cached.engine };
    },
  };
}

/** Every *.yaml / *.yml file of a folder, sorted by name so the catalogue version does not depend on listing order. */
export function readRulesDir(dir: string): Result<CatalogSource[]> {
  try {
    const names = readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort();
    return { ok: true, value: names.map((n) => ({ name: join(dir, n), text: readFileSync(join(dir, n), 'utf8') })) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return { ok: false, issues: [{ ...issue('unreadable', [], `cannot read the rules folder (statewise.rulesPath): ${code}`), file: dir }] };
  }
}
