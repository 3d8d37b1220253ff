import { BUILTIN_CATALOG, lintCatalog, type CatalogSource } from '../../rules/index.ts';
import { readCatalogDir } from '../../adapters/index.ts';
import { EXIT, type Io } from './io.ts';
import { formatIssues } from './issues.ts';
import { count } from './plural.ts';
import { oneLine } from './escape.ts';

/**
 * `statewise rules lint [DIR]`: findings as `FILE:LINE code: message` on stdout, a count on stderr.
 * Exit 0 clean, 1 findings, 2 when DIR or a file in it cannot be read or is not YAML.
 */
export function runLint(dir: string | undefined, json: boolean, io: Io): number {
  let custom: CatalogSource[] = [];
  if (dir !== undefined) {
    const read = readCatalogDir(dir, io.cwd);
    if (!read.ok) { io.err(formatIssues(dir, read.issues)); return EXIT.badInput; }
    custom = read.value;
  }
  const linted = lintCatalog(BUILTIN_CATALOG, custom);
  if (!linted.ok) { io.err(formatIssues(dir ?? 'rules', linted.issues)); return EXIT.badInput; }
  const findings = linted.value;
  if (json) io.out(JSON.stringify({ findings }, null, 2));
  else if (findings.length) io.out(findings.map((f) => `${oneLine(f.file)}:${f.line} ${f.code}: ${oneLine(f.message)}`).join('\n'));
  const files = BUILTIN_CATALOG.length + custom.length;
  if (findings.length === 0) {
    if (!json) io.out(`no findings in ${count(files, 'catalogue file')}`);
    return EXIT.ok;
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  io.err(`${count(findings.length, 'finding')}: ${count(errors, 'error')}, ${count(findings.length - errors, 'warning')}`);
  return EXIT.failed;
}
