import type { Recommendation } from '../../rules/index.ts';
import { engineFor } from './engine.ts';
import { readRequirementsSource } from '../requirements-file.ts';
import { requirementsReading } from './file-limits.ts';
import type { Command } from './commands.ts';
import { parseFlags } from './flags.ts';
import { EXIT } from './io.ts';
import { formatIssues } from './issues.ts';
import { renderText } from './render-text.ts';
import { renderBrief } from './render-brief.ts';
import { adviceFindings, issueFindings, sarifLog, type Finding } from './sarif.ts';
import { formatOf } from './format.ts';

const FORMATS = ['text', 'json', 'brief', 'sarif'] as const;

export const adviseCommand: Command = {
  name: 'advise',
  summary: 'recommend an architecture for one or more requirements files',
  usage: `Usage: statewise advise FILE... [--format text|json|brief|sarif] [--rules DIR]

Evaluates each *.statewise.yaml|json file (- reads standard input) and prints the recommendation: verdict,
confidence, scores, where each piece of state lives, the strongest factors, risks and tipping points.

Options:
  --format F    text (default): the full answer per file; json: the Recommendation JSON (one file: an object;
                several: an array in file order); brief: one table line per file (confidence from the score lead
                alone: no tipping-point search); sarif: SARIF 2.1.0 with each
                risk and problem at its line, for GitHub code scanning
  --json        the same as --format json
  --rules DIR   layer a custom rule catalogue folder on top of the built-in rules
  -h, --help    show this help

Exit codes: 0 ok, 2 bad input (each problem as FILE:LINE:COL field: message; nothing else is printed, except
with --format sarif, which prints the problems as SARIF results too).`,
  run(args, io) {
    const flags = parseFlags(args, { json: { type: 'boolean' }, format: { type: 'string' }, rules: { type: 'string' } }, adviseCommand, io);
    if (!flags) return EXIT.badInput;
    const format = formatOf(flags.values, FORMATS, adviseCommand, io);
    if (!format) return EXIT.badInput;
    if (flags.positionals.length === 0) {
      io.err(`statewise advise: name at least one requirements file (or - for standard input)\n\n${adviseCommand.usage}`);
      return EXIT.badInput;
    }
    const engine = engineFor(flags.values.rules as string | undefined, io);
    if (!engine) return EXIT.badInput;
    // Parse every file first: with any bad input, report all of it and print no answers.
    const read = flags.positionals.map((file) => ({ file, ...readRequirementsSource(file, io.cwd, requirementsReading(io)) }));
    const findings: Finding[] = [];
    for (const { file, result } of read) {
      if (result.ok) continue;
      io.err(formatIssues(file, result.issues));
      findings.push(...issueFindings(file, result.issues));
    }
    if (findings.length) {
      if (format === 'sarif') io.out(JSON.stringify(sarifLog(findings, engine.rulesVersion), null, 2));
      return EXIT.badInput;
    }
    const requirements = read.map(({ result }) => (result as Extract<typeof result, { ok: true }>).value);
    const names = read.map(({ file }) => (file === '-' ? '<stdin>' : file));
    // The brief table needs only the brief answers, which skip the tipping-point search and every sentence.
    if (format === 'brief') {
      io.out(renderBrief(requirements.map((r) => engine.advise(r, { today: io.today, detail: 'brief' })), names, io.paint));
      return EXIT.ok;
    }
    const answers: Recommendation[] = requirements.map((r) => engine.advise(r, { today: io.today }));
    if (format === 'json') io.out(JSON.stringify(answers.length === 1 ? answers[0] : answers, null, 2));
    else if (format === 'sarif') io.out(JSON.stringify(sarifLog(answers.flatMap((a, i) => adviceFindings(names[i]!, read[i]!.text, a)), engine.rulesVersion), null, 2));
    else io.out(answers.map((a, i) => renderText(a, names[i]!, io.paint)).join('\n\n'));
    return EXIT.ok;
  },
};
