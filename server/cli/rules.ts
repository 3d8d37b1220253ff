import { conditionText, describeCatalog } from '../../rules/index.ts';
import { engineFor } from './engine.ts';
import { oneLine } from './escape.ts';
import type { Command } from './commands.ts';
import { parseFlags } from './flags.ts';
import { EXIT, type Io } from './io.ts';
import { runCoverage } from './rules-coverage.ts';
import { runLint } from './rules-lint.ts';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'list, lint or measure the coverage of the rule catalogue',
  usage: `Usage: statewise rules [--json] [--rules DIR]
       statewise rules lint [DIR | --rules DIR] [--json]
       statewise rules coverage FILE... [--rules DIR] [--json] [--fail-on-unfired]

statewise rules           lists every rule of the active catalogue: id, kind, title, condition and effects.
statewise rules lint      checks the built-in catalogue, with the custom catalogue folder DIR layered on top when
                          given: unknown facts, values of the wrong type, impossible conditions, rules a gate makes
                          dead, duplicate or contradictory rules, because-templates quoting facts the rule does not
                          read, rules without a source, and rules that break invariant 8 (more traffic, regions or
                          deploys must never raise the stateful score). One finding per line: FILE:LINE code: message.
statewise rules coverage  evaluates each requirements file and reports which rules fired and which never did.

Options:
  --json              print JSON instead of text
  --rules DIR         layer a custom rule catalogue folder on top of the built-in rules
  --fail-on-unfired   (coverage) exit 1 when some rule never fired
  -h, --help          show this help

Exit codes: 0 ok / no findings; 1 lint findings, or unfired rules with --fail-on-unfired;
2 bad input (unreadable folder or file, YAML that does not parse, an invalid requirements file).`,
  run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'lint') {
      // `--rules DIR` is accepted too, so the flag that loads a catalogue everywhere also lints it.
      const flags = parseFlags(rest, { json: { type: 'boolean' }, rules: { type: 'string' } }, rulesCommand, io);
      if (!flags) return EXIT.badInput;
      const dirs = [...flags.positionals, ...(flags.values.rules !== undefined ? [flags.values.rules as string] : [])];
      if (dirs.length > 1) return usageError('lint takes at most one catalogue folder', io);
      return runLint(dirs[0], Boolean(flags.values.json), io);
    }
    if (sub === 'coverage') {
      const flags = parseFlags(rest, { json: { type: 'boolean' }, rules: { type: 'string' }, 'fail-on-unfired': { type: 'boolean' } }, rulesCommand, io);
      if (!flags) return EXIT.badInput;
      if (flags.positionals.length === 0) return usageError('coverage needs at least one requirements file', io);
      const rules = flags.values.rules as string | undefined;
      return runCoverage(flags.positionals, { ...(rules !== undefined ? { rules } : {}), json: Boolean(flags.values.json), failOnUnfired: Boolean(flags.values['fail-on-unfired']) }, io);
    }
    return list(args, io);
  },
};

function usageError(message: string, io: Io): number {
  io.err(`statewise rules: ${message}\n\n${rulesCommand.usage}`);
  return EXIT.badInput;
}

function list(args: string[], io: Io): number {
  const flags = parseFlags(args, { json: { type: 'boolean' }, rules: { type: 'string' } }, rulesCommand, io);
  if (!flags) return EXIT.badInput;
  if (flags.positionals.length > 0) return usageError(`unknown subcommand "${flags.positionals[0]}"`, io);
  const engine = engineFor(flags.values.rules as string | undefined, io);
  if (!engine) return EXIT.badInput;
  const rules = describeCatalog(engine.catalog);
  if (flags.values.json) {
    io.out(JSON.stringify({ rulesVersion: engine.rulesVersion, rules }, null, 2));
    return EXIT.ok;
  }
  const lines = [`${engine.rulesVersion}: ${rules.length} rules`];
  for (const r of rules) {
    const effect = r.effect ? Object.entries(r.effect).map(([k, v]) => `${k} ${v > 0 ? '+' : ''}${v}`).join(', ')
      : r.remove ? `removes ${r.remove.join(', ')}` : `severity ${r.severity}`;
    lines.push(`${r.kind.padEnd(9)} ${oneLine(r.id)}`, `          ${oneLine(r.title)}`, `          when ${oneLine(conditionText(r.when))} → ${oneLine(effect)}`);
  }
  io.out(lines.join('\n'));
  return EXIT.ok;
}
