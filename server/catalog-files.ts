import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { BUILTIN_CATALOG, createEngine, issue, loadCatalog, type CatalogSource, type Engine, type Result } from '../rules/index.ts';

/** Most catalogue files a folder may hold, and their total size: the catalogue is read into memory at start. */
export const MAX_CATALOG_FILES = 100;
export const MAX_CATALOG_BYTES = 4 << 20;

/**
 * Reads a custom catalogue folder (`--rules DIR`, `statewise.rulesPath`): every *.yaml / *.yml regular file in it,
 * sorted by name so the merged catalogue and its version do not depend on directory order. A symbolic link (to
 * /etc/shadow, say) is refused rather than read, so no file outside the folder is ever parsed and echoed in
 * messages; so are folders with too many or too large files.
 */
export function readCatalogDir(dir: string, cwd = process.cwd()): Result<CatalogSource[]> {
  const abs = resolve(cwd, dir);
  const fail = (message: string, code = 'unreadable', file = dir): Result<CatalogSource[]> => ({ ok: false, issues: [{ ...issue(code, [], message), file }] });
  try {
    if (!statSync(abs).isDirectory()) return fail(`${dir} is not a directory`, 'not_a_directory');
    const entries = readdirSync(abs, { withFileTypes: true }).filter((e) => /\.ya?ml$/.test(e.name)).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    if (entries.length > MAX_CATALOG_FILES) return fail(`${dir} holds ${entries.length} catalogue files; the limit is ${MAX_CATALOG_FILES}`, 'too_many_files');
    const sources: CatalogSource[] = [];
    let total = 0;
    for (const e of entries) {
      const path = join(abs, e.name);
      const name = relative(cwd, path) || e.name;
      // lstat, not the dirent type: a symlink, a FIFO or a device is not a catalogue file.
      const st = lstatSync(path);
      if (!st.isFile()) return fail(`${name} is ${st.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; a catalogue folder holds regular files only`, 'not_a_file', name);
      total += st.size;
      if (total > MAX_CATALOG_BYTES) return fail(`${dir} holds more than ${MAX_CATALOG_BYTES} bytes of catalogue files; the limit is ${MAX_CATALOG_BYTES}`, 'too_big');
      sources.push({ name, text: readFileSync(path, 'utf8') });
    }
    return { ok: true, value: sources };
  } catch (e) {
    return fail(`cannot read ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
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
