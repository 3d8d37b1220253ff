import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { issue, parseRequirements, type Requirements, type Result } from '../rules/index.ts';

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

/** Reads and parses one requirements file; every issue names the file. */
export function readRequirementsFile(file: string, cwd = process.cwd()): Result<Requirements> {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? String(e)})`;
    return { ok: false, issues: [{ ...issue('unreadable', [], why), file }] };
  }
  const parsed = parseRequirements(text);
  return parsed.ok ? parsed : { ok: false, issues: parsed.issues.map((i) => ({ ...i, file })) };
}
