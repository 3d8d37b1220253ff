import { readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { didYouMean, issue, parseRequirements, type Requirements, type Result } from '../rules/index.ts';
import { boundaryFor, DEFAULT_MAX_FILE_BYTES, readBoundedFile, type FileRead } from './bounded-file.ts';

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

export interface RequirementsReadOptions {
  /** Standard input for the file name `-` (read with the same bound); absent = this command reads named files only. */
  stdin?: (maxBytes: number) => FileRead;
  /** Largest file read (default DEFAULT_MAX_FILE_BYTES, the server's body limit). */
  maxBytes?: number;
  /** Said after "the limit" when a file is too big: how to raise it (the CLI names its variable). */
  raiseHint?: string;
}

/**
 * Reads and parses one requirements file; every issue names the file. `-` reads standard input (shown as `<stdin>`).
 * Only a regular file is read, at most `maxBytes`, and a link whose target leaves the working folder is refused
 * (adapters/bounded-file.ts). A missing file names the folder looked in and the nearest requirements file there.
 */
export function readRequirementsFile(file: string, cwd = process.cwd(), options: RequirementsReadOptions = {}): Result<Requirements> {
  return readRequirementsSource(file, cwd, options).result;
}

/** readRequirementsFile with the text that was read (empty when nothing could be), for locating findings in it. */
export function readRequirementsSource(file: string, cwd = process.cwd(), options: RequirementsReadOptions = {}): { text: string; result: Result<Requirements> } {
  const result = (r: Result<Requirements>, t = '') => ({ text: t, result: r });
  const shown = file === STDIN ? '<stdin>' : file;
  const fail = (why: string) => result({ ok: false, issues: [{ ...issue('unreadable', [], why), file: shown }] });
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (file === STDIN && !options.stdin) return fail('this command reads a named file, not standard input (-)');
  const abs = resolve(cwd, file);
  const read = file === STDIN ? options.stdin!(maxBytes) : readBoundedFile(abs, { maxBytes, within: boundaryFor(abs, cwd) });
  if (!read.ok) {
    if (read.problem === 'missing') return fail(missing(file, cwd));
    if (read.problem === 'folder') return fail('is a folder, not a requirements file');
    return fail(read.problem === 'too_big' && options.raiseHint ? `${read.message} (${options.raiseHint})` : read.message);
  }
  const parsed = parseRequirements(read.text);
  return result(parsed.ok ? parsed : { ok: false, issues: parsed.issues.map((i) => ({ ...i, file: shown })) }, read.text);
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
