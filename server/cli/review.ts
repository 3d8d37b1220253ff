import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { isIsoDate, renderReview } from '../../rules/index.ts';
import { engineFor } from './engine.ts';
import { readRequirementsFile } from '../requirements-file.ts';
import { DEFAULT_FILE_LIMITS, requirementsReading } from './file-limits.ts';
import { DEFAULT_REVIEWS_DIR, existingReviewDate, reviewPathFor, sourceName } from '../../adapters/index.ts';
import type { Command } from './commands.ts';
import { parseFlags } from './flags.ts';
import { writeAtomically } from './atomic-write.ts';
import { EXIT } from './io.ts';
import { formatIssues } from './issues.ts';

export const reviewCommand: Command = {
  name: 'review',
  summary: 'write the design-review document (Markdown + Mermaid) for a requirements file',
  usage: `Usage: statewise review FILE [-o OUT.md] [--date YYYY-MM-DD] [--reviews DIR] [--rules DIR]

Evaluates FILE and writes its design review: MADR 4 front matter with statewise provenance, the decision, the
state placement plan with a Mermaid diagram, scaling, failure, capacity, risks and when to revisit. Prints the path.

Options:
  -o, --out OUT.md   where to write (default: DIR/<service>.md)
  --date YYYY-MM-DD  the review date (default: the date of the existing review at the output path, else today)
  --reviews DIR      folder of design reviews (default: ${DEFAULT_REVIEWS_DIR})
  --rules DIR        layer a custom rule catalogue folder on top of the built-in rules
  -h, --help         show this help

Exit codes: 0 written, 2 bad input (each problem as FILE:LINE:COL field: message).`,
  run(args, io) {
    const flags = parseFlags(args, {
      out: { type: 'string', short: 'o' }, date: { type: 'string' }, reviews: { type: 'string' }, rules: { type: 'string' },
    }, reviewCommand, io);
    if (!flags) return EXIT.badInput;
    if (flags.positionals.length !== 1) {
      io.err(`statewise review: name exactly one requirements file\n\n${reviewCommand.usage}`);
      return EXIT.badInput;
    }
    const date = flags.values.date as string | undefined;
    if (date !== undefined && !isIsoDate(date)) {
      io.err(`statewise review: --date ${date} is not a date YYYY-MM-DD`);
      return EXIT.badInput;
    }
    const rulesDir = flags.values.rules as string | undefined;
    const engine = engineFor(rulesDir, io);
    if (!engine) return EXIT.badInput;
    const file = flags.positionals[0]!;
    const req = readRequirementsFile(file, io.cwd, requirementsReading(io, false));
    if (!req.ok) {
      io.err(formatIssues(file, req.issues));
      return EXIT.badInput;
    }
    const reviewsDir = (flags.values.reviews as string | undefined) ?? DEFAULT_REVIEWS_DIR;
    const out = (flags.values.out as string | undefined) ?? reviewPathFor(req.value.service, reviewsDir);
    const abs = resolve(io.cwd, out);
    const escape = leavesReviews(abs, resolve(io.cwd, reviewsDir));
    if (escape) {
      io.err(`${out}: refusing to write: ${escape}`);
      return EXIT.badInput;
    }
    const markdown = renderReview({
      requirements: req.value,
      recommendation: engine.advise(req.value, { today: io.today }),
      date: date ?? existingReviewDate(abs, { reviewsDir: resolve(io.cwd, reviewsDir), maxBytes: (io.fileLimits ?? DEFAULT_FILE_LIMITS).reviews }) ?? io.today,
      source: sourceName(file, io.cwd),
    });
    try {
      mkdirSync(dirname(abs), { recursive: true });
      writeAtomically(abs, markdown);
    } catch (e) {
      io.err(`${out}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      return EXIT.badInput;
    }
    io.out(out);
    return EXIT.ok;
  },
};

/**
 * Why a review path inside the reviews folder (as written) would land outside it once symbolic links are followed
 * (a linked subfolder pointing at ~/.ssh, say); undefined when it stays inside, or was never inside (an explicit -o
 * elsewhere is the user's choice).
 */
function leavesReviews(path: string, reviewsDir: string): string | undefined {
  if (!isInside(path, reviewsDir)) return undefined;
  const realReviews = realOrSelf(reviewsDir);
  const realDir = realOrSelf(dirname(path));
  if (isInside(realDir, realReviews) || realDir === realReviews) return undefined;
  return `its folder is really ${realDir}, outside the reviews folder ${realReviews} (a symbolic link)`;
}

/** The real path of the deepest existing ancestor of `path`, with the rest appended (the folder may not exist yet). */
function realOrSelf(path: string): string {
  let head = path;
  const tail: string[] = [];
  while (!existsSync(head)) {
    const up = dirname(head);
    if (up === head) return path;
    tail.unshift(basename(head));
    head = up;
  }
  return join(realpathSync(head), ...tail);
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
