import { requirementsReading } from './file-limits.ts';
import { diffAnswers, renderDiffMarkdown, renderDiffText, type Side } from '../../rules/index.ts';
import { engineFor } from './engine.ts';
import { readRequirementsSource } from '../requirements-file.ts';
import type { Command } from './commands.ts';
import { parseFlags } from './flags.ts';
import { EXIT } from './io.ts';
import { formatIssues } from './issues.ts';
import { formatOf } from './format.ts';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'compare the answers for two versions of a requirements file (verdict, placements, cost, risks)',
  usage: `Usage: statewise diff BASE HEAD [--format text|markdown|json] [--rules DIR]

Advises on both requirements files (BASE: the older version, HEAD: the newer; - reads standard input for one of
them) and prints what changed, the way cost-diff tools show an infrastructure change: the verdict and whether a
plan is feasible, each plan's monthly cost, instances and store nodes before → after, where each piece of state
lives, the risks that appeared, went away or changed severity, the input fields that changed and every figure of
the answer that moved (capacity, store tiers, each placement's checks).

Options:
  --format F    text (default); markdown: a GitHub-flavoured section for a job summary or pull-request comment;
                json: the comparison as data
  --json        the same as --format json
  --rules DIR   layer a custom rule catalogue folder on top of the built-in rules
  -h, --help    show this help

Exit codes: 0 compared (whether or not anything changed), 2 bad input (FILE:LINE:COL field: message).`,
  run(args, io) {
    const flags = parseFlags(args, { json: { type: 'boolean' }, format: { type: 'string' }, rules: { type: 'string' } }, diffCommand, io);
    if (!flags) return EXIT.badInput;
    const format = formatOf(flags.values, ['text', 'markdown', 'json'] as const, diffCommand, io);
    if (!format) return EXIT.badInput;
    if (flags.positionals.length !== 2) {
      io.err(`statewise diff: name two requirements files, BASE and HEAD (got ${flags.positionals.length})\n\n${diffCommand.usage}`);
      return EXIT.badInput;
    }
    if (flags.positionals.every((f) => f === '-')) {
      io.err('statewise diff: only one of BASE and HEAD can be - (standard input)');
      return EXIT.badInput;
    }
    const engine = engineFor(flags.values.rules as string | undefined, io);
    if (!engine) return EXIT.badInput;
    const read = flags.positionals.map((file) => ({ file, ...readRequirementsSource(file, io.cwd, requirementsReading(io)) }));
    const sides: Side[] = [];
    for (const { file, result } of read) {
      if (!result.ok) io.err(formatIssues(file, result.issues));
      else sides.push({ requirements: result.value, answer: engine.advise(result.value, { today: io.today }) });
    }
    if (sides.length !== 2) return EXIT.badInput;
    const diff = diffAnswers(sides[0]!, sides[1]!);
    if (format === 'json') io.out(JSON.stringify(diff, null, 2));
    else if (format === 'markdown') io.out(renderDiffMarkdown(diff));
    else io.out(renderDiffText(diff));
    return EXIT.ok;
  },
};
