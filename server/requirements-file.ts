import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { issue, parseRequirements, type Requirements, type Result } from '../rules/index.ts';

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
