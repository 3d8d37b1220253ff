import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { BUILTIN_CATALOG, createEngine, issue, loadCatalog, type CatalogSource, type Engine, type Result } from '../rules/index.ts';

/**
 * Reads a custom catalogue folder (`--rules DIR`, `statewise.rulesPath`): every *.yaml / *.yml file in it, sorted
 * by name so the merged catalogue and its version do not depend on directory order.
 */
export function readCatalogDir(dir: string, cwd = process.cwd()): Result<CatalogSource[]> {
  const abs = resolve(cwd, dir);
  try {
    if (!statSync(abs).isDirectory()) return { ok: false, issues: [{ ...issue('not_a_directory', [], `${dir} is not a directory`), file: dir }] };
    const names = readdirSync(abs).filter((f) => /\.ya?ml$/.test(f)).sort();
    return { ok: true, value: names.map((n) => ({ name: relative(cwd, join(abs, n)) || n, text: readFileSync(join(abs, n), 'utf8') })) };
  } catch (e) {
    return { ok: false, issues: [{ ...issue('unreadable', [], `cannot read ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`), file: dir }] };
  }
}

/** The engine for the built-in catalogue, with a custom folder layered on top when given. */
export function loadEngine(rulesDir?: string, cwd = process.cwd()): Result<Engine> {
  let custom: CatalogSource[] = [];
  if (rulesDir) {
    const read = readCatalogDir(rulesDir, cwd);
    if (!read.ok) return read;
    custom = read.value;
  }
  const catalog = loadCatalog(BUILTIN_CATALOG, { custom });
  return catalog.ok ? { ok: true, value: createEngine(catalog.value) } : catalog;
}
