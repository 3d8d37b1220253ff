import type { Recommendation, Requirements } from '../../rules/index.ts';
import { engineFor } from './engine.ts';
import { readRequirementsFile } from '../requirements-file.ts';
import type { Command } from './commands.ts';
import { parseFlags } from './flags.ts';
import { EXIT } from './io.ts';
import { formatIssues } from './issues.ts';
import { renderText } from './render-text.ts';

export const adviseCommand: Command = {
  name: 'advise',
  summary: 'recommend an architecture for one or more requirements files',
  usage: `Usage: statewise advise FILE... [--json] [--rules DIR]

Evaluates each *.statewise.yaml|json file and prints the recommendation: verdict, confidence, scores,
where each piece of state lives, the strongest factors, risks and tipping points.

Options:
  --json        print the Recommendation JSON (one file: an object; several: an array in file order)
  --rules DIR   layer a custom rule catalogue folder on top of the built-in rules
  -h, --help    show this help

Exit codes: 0 ok, 2 bad input (each problem as FILE:LINE:COL field: message; nothing else is printed).`,
  run(args, io) {
    const flags = parseFlags(args, { json: { type: 'boolean' }, rules: { type: 'string' } }, adviseCommand, io);
    if (!flags) return EXIT.badInput;
    if (flags.positionals.length === 0) {
      io.err(`statewise advise: name at least one requirements file\n\n${adviseCommand.usage}`);
      return EXIT.badInput;
    }
    const engine = engineFor(flags.values.rules as string | undefined, io);
    if (!engine) return EXIT.badInput;
    // Parse every file first: with any bad input, report all of it and print no answers.
    const inputs: Requirements[] = [];
    let failed = false;
    for (const file of flags.positionals) {
      const result = readRequirementsFile(file, io.cwd);
      if (result.ok) inputs.push(result.value);
      else { io.err(formatIssues(file, result.issues)); failed = true; }
    }
    if (failed) return EXIT.badInput;
    const answers: Recommendation[] = inputs.map((req) => engine.advise(req, { today: io.today }));
    if (flags.values.json) io.out(JSON.stringify(answers.length === 1 ? answers[0] : answers, null, 2));
    else io.out(answers.map((a, i) => renderText(a, flags.positionals[i]!)).join('\n\n'));
    return EXIT.ok;
  },
};
