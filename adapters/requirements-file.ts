import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { didYouMean, issue, parseRequirements, type Requirements, type Result } from '../rules/index.ts';

/** Which files are statewise requirements files: `*.statewise.yaml`, `*.statewise.yml`, `*.statewise.json`. */
export const REQUIREMENTS_FILE = /\.statewise\.(ya?ml|json)$/i;

/** The same, as a glob for workspace searches (the editor's findFiles and activation). */
export const REQUIREMENTS_GLOB = '**/*.statewise.{yaml,yml,json}';

/** @example isRequirementsFile('/w/shop.statewise.yaml') === true */
export function isRequirementsFile(fileName: string): boolean {
  return REQUIREMENTS_FILE.test(fileName);
}

/** The last path segment, for messages (`shop.statewise.yaml`), whichever separator the path uses. */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

/** The file name that means standard input (`cat a.yaml | statewise advise -`). */
export const STDIN = '-';

/**
 * Reads and parses one requirements file; every issue names the file. `-` reads `stdin()` (shown as `<stdin>`).
 * A missing file names the folder looked in and the nearest requirements file there.
 */
export function readRequirementsFile(file: string, cwd = process.cwd(), stdin?: () => string): Result<Requirements> {
  return readRequirementsSource(file, cwd, stdin).result;
}

/** readRequirementsFile with the text that was read (empty when nothing could be), for locating findings in it. */
export function readRequirementsSource(file: string, cwd = process.cwd(), stdin?: () => string): { text: string; result: Result<Requirements> } {
  const result = (r: Result<Requirements>, t = '') => ({ text: t, result: r });
  let text: string;
  const shown = file === STDIN ? '<stdin>' : file;
  try {
    if (file === STDIN && !stdin) return result({ ok: false, issues: [{ ...issue('unreadable', [], 'this command reads a named file, not standard input (-)'), file: shown }] });
    text = file === STDIN ? stdin!() : readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? missing(file, cwd) : code === 'EISDIR' ? 'is a folder, not a requirements file' : `cannot read (${code ?? String(e)})`;
    return result({ ok: false, issues: [{ ...issue('unreadable', [], why), file: shown }] });
  }
  const parsed = parseRequirements(text);
  return result(parsed.ok ? parsed : { ok: false, issues: parsed.issues.map((i) => ({ ...i, file: shown })) }, text);
}

/** `no such file in FOLDER; did you mean NAME?` with the nearest *.statewise.yaml|json beside where it was looked for. */
function missing(file: string, cwd: string): string {
  const abs = resolve(cwd, file);
  const folder = dirname(abs);
  let near: string | undefined;
  try {
    const names = readdirSync(folder).filter((n) => /\.statewise\.(ya?ml|json)$/.test(n));
    near = didYouMean(basename(abs).replace(/\.statewise\.(ya?ml|json)$|\.(ya?ml|json)$/, ''), names.map((n) => n.replace(/\.statewise\.(ya?ml|json)$/, '')));
    if (near) near = names.find((n) => n.startsWith(`${near}.statewise.`));
  } catch { /* the folder itself is missing: say so below */ }
  const where = `no such file (looked in ${folder})`;
  return near ? `${where}; did you mean ${join(dirname(file), near)}?` : where;
}
