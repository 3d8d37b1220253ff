import { resolve } from 'node:path';
import { compareProvenance, issue, parseReviewProvenance, provenanceOf, splitChanges, type Engine, type Issue } from '../../rules/index.ts';
import { engineFor } from './engine.ts';
import { readRequirementsSource } from '../requirements-file.ts';
import { DEFAULT_FILE_LIMITS, MAX_FILE_SIZE_VAR, requirementsReading } from './file-limits.ts';
import { DEFAULT_REVIEWS_DIR, readReviewFile, reviewPathFor, sourceName } from '../../adapters/index.ts';
import type { Command } from './commands.ts';
import { parseFlags } from './flags.ts';
import { EXIT, type Io } from './io.ts';
import { formatIssues } from './issues.ts';
import { oneLine } from './escape.ts';
import { formatOf } from './format.ts';
import { issueFindings, locator, sarifLog, stateItemPath, type Finding } from './sarif.ts';

export const checkCommand: Command = {
  name: 'check',
  summary: 'for CI: fail when a committed design review no longer matches the answer for its requirements',
  usage: `Usage: statewise check FILE... [--strict] [--format text|sarif] [--reviews DIR] [--rules DIR]

Re-evaluates each requirements file and compares the answer with the provenance in the front matter of its
committed review, DIR/<service>.md. The answer is the verdict, where each piece of state lives, and the open
and accepted risks. When only what led to it changed (scores, fired rules, rules version, the requirements text),
the review still holds: check says so and passes.

Options:
  --strict        also fail when the inputs changed but the answer did not (the review's provenance is stale)
  --format F      text (default), or sarif: SARIF 2.1.0 with each change at the line of the requirements file it
                  concerns, for GitHub code scanning (exit codes unchanged)
  --reviews DIR   folder of design reviews (default: ${DEFAULT_REVIEWS_DIR})
  --rules DIR     layer a custom rule catalogue folder on top of the built-in rules
  -h, --help      show this help

Exit codes: 0 every review matches the answer (a note when only the inputs changed); 1 the answer changed (the
verdict, placements and risks that changed and the command that regenerates the review are printed), or with
--strict the inputs changed; 2 unreadable or invalid input, or a missing review.`,
  run(args, io) {
    const flags = parseFlags(args, { reviews: { type: 'string' }, rules: { type: 'string' }, strict: { type: 'boolean' }, format: { type: 'string' } }, checkCommand, io);
    if (!flags) return EXIT.badInput;
    const format = formatOf(flags.values, ['text', 'sarif'] as const, checkCommand, io);
    if (!format) return EXIT.badInput;
    if (flags.positionals.length === 0) {
      io.err(`statewise check: name at least one requirements file\n\n${checkCommand.usage}`);
      return EXIT.badInput;
    }
    const rulesDir = flags.values.rules as string | undefined;
    const engine = engineFor(rulesDir, io);
    if (!engine) return EXIT.badInput;
    const reviewsDir = flags.values.reviews as string | undefined;
    let exit: number = EXIT.ok;
    const findings: Finding[] = [];
    // With SARIF, stdout carries only the log: the human lines go to stderr for the CI log.
    const report: Io = format === 'sarif' ? { ...io, out: io.err } : io;
    for (const file of flags.positionals) {
      const result = checkOne(file, engine, { reviewsDir, rulesDir, strict: Boolean(flags.values.strict) }, report);
      findings.push(...result.findings);
      exit = Math.max(exit, result.exit);
    }
    if (format === 'sarif') io.out(JSON.stringify(sarifLog(findings, engine.rulesVersion), null, 2));
    return exit;
  },
};

interface CheckOptions { reviewsDir: string | undefined; rulesDir: string | undefined; strict: boolean }

function checkOne(file: string, engine: Engine, options: CheckOptions, io: Io): { exit: number; findings: Finding[] } {
  const { text: source, result: req } = readRequirementsSource(file, io.cwd, requirementsReading(io));
  const bad = (path: string, issues: readonly Issue[]) => {
    io.err(formatIssues(path, issues));
    return { exit: EXIT.badInput, findings: issueFindings(path, issues) };
  };
  if (!req.ok) return bad(file, req.issues);
  const reviewPath = reviewPathFor(req.value.service, options.reviewsDir);
  const regenerate = ['npx statewise review', quote(file), '-o', quote(reviewPath), ...(options.rulesDir ? ['--rules', quote(options.rulesDir)] : [])].join(' ');
  const read = readReviewFile(resolve(io.cwd, reviewPath), { reviewsDir: resolve(io.cwd, options.reviewsDir ?? DEFAULT_REVIEWS_DIR), maxBytes: (io.fileLimits ?? DEFAULT_FILE_LIMITS).reviews });
  if (!read.ok) {
    const why = read.problem === 'missing' ? `no design review for ${file}` : `cannot read the design review of ${file}: it ${read.message}${read.problem === 'too_big' ? ` (${MAX_FILE_SIZE_VAR} raises it)` : ''}`;
    io.err(formatIssues(reviewPath, [{ ...issue('missing_review', [], `${why}; create it with: ${regenerate}`), file: reviewPath }]));
    return { exit: EXIT.badInput, findings: [{ ruleId: 'statewise/missing-review', level: 'error', file, line: 1, column: 1, message: `${why}; create it with: ${regenerate}` }] };
  }
  const text = read.text;
  const previous = parseReviewProvenance(text);
  if (!previous.ok) return bad(reviewPath, previous.issues);
  const current = provenanceOf(engine.advise(req.value, { today: io.today }), sourceName(file, io.cwd));
  const changes = compareProvenance(previous.value, current);
  if (!changes.changed) {
    io.out(`${oneLine(file)}: ${oneLine(reviewPath)} is up to date (${current.verdict})`);
    return { exit: EXIT.ok, findings: [] };
  }
  const { answer, inputs } = splitChanges(changes);
  // Placement names and risk ids come from the committed front matter: one line each, whatever they hold.
  const indent = (lines: string[]) => lines.map((l) => `  ${oneLine(l)}`);
  const at = locator(source);
  if (!changes.answerChanged) {
    const failing = options.strict;
    io.out([
      `${oneLine(file)}: ${oneLine(reviewPath)} still gives the same answer (${current.verdict}); the inputs changed:`,
      ...indent(inputs),
      failing ? `  --strict: regenerate to refresh its provenance: ${oneLine(regenerate)}` : `  note: regenerate when convenient to refresh its provenance (--strict fails on this): ${oneLine(regenerate)}`,
    ].join('\n'));
    const message = `${reviewPath} still gives the same answer (${current.verdict}) but its provenance is stale: ${inputs.join('; ')}. Regenerate: ${regenerate}`;
    return { exit: failing ? EXIT.failed : EXIT.ok, findings: [{ ruleId: 'statewise/review-stale', level: failing ? 'error' : 'note', file, message, ...at([]) }] };
  }
  io.out([
    `${oneLine(file)}: ${oneLine(reviewPath)} no longer matches the answer`,
    ...indent(answer),
    ...(inputs.length ? ['  because the inputs changed:', ...indent(inputs).map((l) => `  ${l}`)] : []),
    `  regenerate: ${oneLine(regenerate)}`,
  ].join('\n'));
  // One result per answer change, at the state item it concerns (the verdict and risks of the service: line 1).
  const findings: Finding[] = [];
  if (changes.verdict) findings.push({ ruleId: 'statewise/review-drift', level: 'error', file, message: `${reviewPath}: verdict ${changes.verdict.from} → ${changes.verdict.to}. Regenerate: ${regenerate}`, ...at([]) });
  for (const p of changes.placements) {
    findings.push({ ruleId: 'statewise/review-drift', level: 'error', file, message: `${reviewPath}: placement ${p.state} ${p.from ?? '(new item)'} → ${p.to ?? '(removed)'}. Regenerate: ${regenerate}`, ...at(stateItemPath(source, p.state)) });
  }
  // A risk id `rule:item` sits at that item's line; a service-wide risk at the top of the file.
  const riskIds = [...new Set([...changes.risks.added, ...changes.risks.removed, ...changes.accepted.added, ...changes.accepted.removed])];
  for (const id of riskIds) {
    const said = answer.filter((l) => l.includes(id)).join('; ');
    const item = id.includes(':') ? id.slice(id.indexOf(':') + 1) : undefined;
    findings.push({ ruleId: 'statewise/review-drift', level: 'error', file, message: `${reviewPath}: ${said}. Regenerate: ${regenerate}`, ...at(item ? stateItemPath(source, item) : []) });
  }
  return { exit: EXIT.failed, findings };
}

/** Quotes a path for a POSIX shell only when it needs it, so the printed command can be pasted as is. */
function quote(arg: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
