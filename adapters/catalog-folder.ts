import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readBoundedFile } from './bounded-file.ts';
import { BUILTIN_CATALOG, createEngine, issue, loadCatalog, type CatalogSource, type Engine, type EngineOptions, type Result } from '../rules/index.ts';
import { nodeSha256 } from './sha256.ts';

/** Most catalogue files a folder may hold, and their total size: the catalogue is read into memory at start. */
export const MAX_CATALOG_FILES = 100;
export const MAX_CATALOG_BYTES = 4 << 20;

export interface NameOptions {
  /** Name files by absolute path rather than relative to cwd. */
  absoluteNames?: boolean;
}

/** Which files of a folder are catalogue files: `.yaml` / `.yml` in any case (`Team.YAML` too). */
export const CATALOG_FILE = /\.ya?ml$/i;

/**
 * Reads a custom catalogue folder (`--rules DIR`, `statewise.rulesPath`): every *.yaml / *.yml regular file in it,
 * sorted by name so the merged catalogue and its version do not depend on directory order. A symbolic link (to
 * /etc/shadow, say) is refused rather than read, so no file outside the folder is ever parsed and echoed in
 * messages; so are folders with too many or too large files. Files are named relative to `cwd` in messages (the
 * CLI's habit), or by absolute path with `absoluteNames` (the editor opens them); the catalogue version reads only
 * the file names inside the folder, so it is the same either way.
 */
export function readCatalogDir(dir: string, cwd = process.cwd(), options: NameOptions = {}): Result<CatalogSource[]> {
  const abs = resolve(cwd, dir);
  const fail = (message: string, code: 'unreadable' | 'not_a_directory' | 'too_many_files' | 'not_a_file' | 'too_big', file = dir): Result<CatalogSource[]> =>
    ({ ok: false, issues: [{ ...issue(code, [], message), file }] });
  try {
    if (!statSync(abs).isDirectory()) return fail(`${dir} is not a directory`, 'not_a_directory');
    const entries = readdirSync(abs, { withFileTypes: true }).filter((e) => CATALOG_FILE.test(e.name)).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    if (entries.length > MAX_CATALOG_FILES) return fail(`${dir} holds ${entries.length} catalogue files; the limit is ${MAX_CATALOG_FILES}`, 'too_many_files');
    const sources: CatalogSource[] = [];
    let total = 0;
    for (const e of entries) {
      const path = join(abs, e.name);
      const name = options.absoluteNames ? path : relative(cwd, path) || e.name;
      // lstat, not the dirent type: a symlink, a FIFO or a device is not a catalogue file.
      const st = lstatSync(path);
      if (!st.isFile()) return fail(`${name} is ${st.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; a catalogue folder holds regular files only`, 'not_a_file', name);
      const tooBig = () => fail(`${dir} holds more than ${MAX_CATALOG_BYTES} bytes of catalogue files; the limit is ${MAX_CATALOG_BYTES}`, 'too_big');
      if (total + st.size > MAX_CATALOG_BYTES) return tooBig();
      // Read with what is left of the budget as its bound: a file swapped for a FIFO, a device or a link after the
      // lstat above is refused by the reader instead of hanging or being followed.
      const read = readBoundedFile(path, { maxBytes: MAX_CATALOG_BYTES - total, within: abs });
      if (!read.ok) return read.problem === 'too_big' ? tooBig() : fail(`${name} ${read.message}`, read.problem === 'missing' ? 'unreadable' : 'not_a_file', name);
      total += read.bytes;
      sources.push({ name, text: read.text });
    }
    return { ok: true, value: sources };
  } catch (e) {
    return fail(`cannot read ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 'unreadable');
  }
}

/** The engine for the built-in catalogue, with a custom folder layered on top when given. */
export function loadEngine(rulesDir?: string, cwd = process.cwd()): Result<Engine> {
  return createEngineLoader(cwd, { sha256: nodeSha256 }).get(rulesDir);
}

export interface EngineLoader {
  /** The engine for the built-in catalogue plus the custom folder, when given (the folder is read afresh on every call). */
  get(rulesDir?: string): Result<Engine>;
}

/**
 * Engines for the built-in catalogue plus a custom folder. Compiling a catalogue is the expensive part, so the last
 * engine is kept while the catalogue texts are unchanged (the editor asks on every keystroke).
 * `sha256` is the host's hash for input digests and the catalogue version (loadEngine passes node:crypto's; absent, the
 * core's pure one).
 * @example createEngineLoader().get('rules').ok
 */
export function createEngineLoader(cwd = process.cwd(), options: NameOptions & EngineOptions = {}): EngineLoader {
  let cached: { key: string; engine: Engine } | undefined;
  return {
    get(rulesDir) {
      const custom = rulesDir ? readCatalogDir(rulesDir, cwd, options) : { ok: true as const, value: [] };
      if (!custom.ok) return custom;
      const key = JSON.stringify(custom.value);
      if (cached?.key === key) return { ok: true, value: cached.engine };
      const catalog = loadCatalog(BUILTIN_CATALOG, { custom: custom.value, ...(options.sha256 ? { sha256: options.sha256 } : {}) });
      if (!catalog.ok) return catalog;
      cached = { key, engine: createEngine(catalog.value, options.sha256 ? { sha256: options.sha256 } : {}) };
      return { ok: true, value: cached.engine };
    },
  };
}
