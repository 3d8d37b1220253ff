import { ruleCoverage, type Requirements } from '../../rules/index.ts';
import { engineFor } from './engine.ts';
import { readRequirementsFile } from '../requirements-file.ts';
import { requirementsReading } from './file-limits.ts';
import { EXIT, type Io } from './io.ts';
import { formatIssues } from './issues.ts';
import { count } from './plural.ts';

export interface CoverageOptions { rules?: string; json: boolean; failOnUnfired: boolean }

/**
 * `statewise rules coverage FILE...`: which rules fired over the files and which never did.
 * Exit 0, or 1 with `--fail-on-unfired` when some rule never fired; 2 for bad input (every bad file is reported).
 */
export function runCoverage(files: readonly string[], options: CoverageOptions, io: Io): number {
  const engine = engineFor(options.rules, io);
  if (!engine) return EXIT.badInput;
  const inputs: { name: string; req: Requirements }[] = [];
  let bad = false;
  for (const file of files) {
    const read = readRequirementsFile(file, io.cwd, requirementsReading(io, false));
    if (read.ok) inputs.push({ name: file, req: read.value });
    else { io.err(formatIssues(file, read.issues)); bad = true; }
  }
  if (bad) return EXIT.badInput;
  const coverage = ruleCoverage(engine.catalog, inputs);
  const unfired = coverage.filter((r) => r.firedBy.length === 0);
  if (options.json) {
    io.out(JSON.stringify({ rulesVersion: engine.rulesVersion, files, rules: coverage, unfired: unfired.map((r) => r.id) }, null, 2));
  } else {
    const width = Math.max(...coverage.map((r) => r.id.length));
    const lines = [`${engine.rulesVersion}: ${coverage.length - unfired.length} of ${coverage.length} rules fired over ${count(files.length, 'file')}`];
    if (unfired.length) {
      lines.push('', `never fired (${unfired.length}):`);
      for (const r of unfired) lines.push(`  ${r.id.padEnd(width)}  ${r.file}:${r.line}  ${r.title}`);
    }
    lines.push('', 'fired:');
    for (const r of coverage) if (r.firedBy.length) lines.push(`  ${r.id.padEnd(width)}  ${String(r.firedBy.length).padStart(3)}/${files.length}  ${r.title}`);
    io.out(lines.join('\n'));
  }
  return unfired.length > 0 && options.failOnUnfired ? EXIT.failed : EXIT.ok;
}
