import { requirementsJsonSchema } from '../../rules/index.ts';
import type { Command } from './commands.ts';
import { parseFlags } from './flags.ts';
import { EXIT } from './io.ts';

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of requirements files',
  usage: `Usage: statewise schema

Prints the JSON Schema (draft 2020-12) of *.statewise.yaml|json files, derived from the zod contract.
Point your editor's YAML or JSON language server at it for completion and validation.`,
  run(args, io) {
    const flags = parseFlags(args, {}, schemaCommand, io);
    if (!flags) return EXIT.badInput;
    io.out(JSON.stringify(requirementsJsonSchema(), null, 2));
    return EXIT.ok;
  },
};
