import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareProvenance, describeChanges, issue, parseReviewProvenance, provenanceOf, type Engine } from '../../rules/index.ts';
import { engineFor } from './engine.ts';
import { readRequirementsFile } from '../requirements-file.ts';
import { DEFAULT_REVIEWS_DIR, reviewPathFor, sourceName } from '../../adapters/index.ts';
import type { Command } from './commands.ts';
import { parseFlags } from './flags.ts';
import { EXIT, type Io } from './io.ts';
import { formatIssues } from './issues.ts';
import { oneLine } from './escape.ts';

export const checkCommand: Command = {
  name: 'check',
  summary: 'for CI: fail when a committed design review no longer matches its requirements and rules',
  usage: `Usage: statewise check FILE... [--reviews DIR] [--rules DIR]

Re-evaluates each requirements file and compares the answer with the provenance in the front matter of its
committed review, DIR/<service>.md: verdict, placements, scores, fired rules, rules version and input digest.

Options:
  --reviews DIR   folder of design reviews (default: ${DEFAULT_REVIEWS_DIR})
  --rules DIR     layer a custom rule catalogue folder on top of the built-in rules
  -h, --help      show this help

Exit codes: 0 every review matches; 1 a requirements or rules change altered the answer (what changed and the
command that regenerates the review are printed); 2 unreadable or invalid input, or a missing review.`,
  run(args, io) {
    const flags = parseFlags(args, { reviews: { type: 'string' }, rules: { type: 'string' } }, checkCommand, io);
    if (!flags) return EXIT.badInput;
    if (flags.positionals.length === 0) {
      io.err(`statewise check: name at least one requirements file\n\n${checkCommand.usage}`);
      return EXIT.badInput;
    }
    const rulesDir = flags.values.rules as string | undefined;
    const engine = engineFor(rulesDir, io);
    if (!engine) return EXIT.badInput;
    const reviewsDir = flags.values.reviews as string | undefined;
    let exit: number = EXIT.ok;
    for (const file of flags.positionals) {
      const code = checkOne(file, engine, { reviewsDir, rulesDir }, io);
      exit = Math.max(exit, code);
    }
    return exit;
  },
};

interface CheckOptions { reviewsDir: string | undefined; rulesDir: string | undefined }

function checkOne(file: string, engine: Engine, options: CheckOptions, io: Io): number {
  const req = readRequirementsFile(file, io.cwd);
  if (!req.ok) {
    io.err(formatIssues(file, req.issues));
    return EXIT.badInput;
  }
  const reviewPath = reviewPathFor(req.value.service, options.reviewsDir);
  const regenerate = ['npx statewise review', quote(file), '-o', quote(reviewPath), ...(options.rulesDir ? ['--rules', quote(options.rulesDir)] : [])].join(' ');
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, reviewPath), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? `no design review for ${file}` : `cannot read the design review of ${file} (${code ?? String(e)})`;
    io.err(formatIssues(reviewPath, [{ ...issue('missing_review', [], `${why}; create it with: ${regenerate}`), file: reviewPath }]));
    return EXIT.badInput;
  }
  const previous = parseReviewProvenance(text);
  if (!previous.ok) {
    io.err(formatIssues(reviewPath, previous.issues));
    return EXIT.badInput;
  }
  const current = provenanceOf(engine.advise(req.value, { today: io.today }), sourceName(file, io.cwd));
  const changes = compareProvenance(previous.value, current);
  if (!changes.changed) {
    io.out(`${oneLine(file)}: ${oneLine(reviewPath)} is up to date (${current.verdict})`);
    return EXIT.ok;
  }
  io.out([
    `${oneLine(file)}: ${oneLine(reviewPath)} no longer matches the answer`,
    // Placement names and risk ids come from the committed front matter: one line each, whatever they hold.
    ...describeChanges(changes).map((l) => `  ${oneLine(l)}`),
    `  regenerate: ${oneLine(regenerate)}`,
  ].join('\n'));
  return EXIT.failed;
}

/** Quotes a path for a POSIX shell only when it needs it, so the printed command can be pasted as is. */
function quote(arg: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
