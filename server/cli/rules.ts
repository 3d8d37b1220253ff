import { conditionText, describeCatalog } from '../../rules/index.ts';
import { loadEngine } from '../catalog-files.ts';
import type { Command } from './commands.ts';
import { parseFlags } from './flags.ts';
import { EXIT } from './io.ts';
import { formatIssues } from './issues.ts';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'list the rule catalogue',
  usage: `Usage: statewise rules [--json] [--rules DIR]

Lists every rule of the active catalogue: id, kind, title, condition and effects.

Options:
  --json        print the rules as JSON
  --rules DIR   layer a custom rule catalogue folder on top of the built-in rules`,
  run(args, io) {
    const flags = parseFlags(args, { json: { type: 'boolean' }, rules: { type: 'string' } }, rulesCommand, io);
    if (!flags) return EXIT.badInput;
    const engine = loadEngine(flags.values.rules as string | undefined, io.cwd);
    if (!engine.ok) {
      io.err(formatIssues(String(flags.values.rules), engine.issues));
      return EXIT.badInput;
    }
    const rules = describeCatalog(engine.value.catalog);
    if (flags.values.json) {
      io.out(JSON.stringify({ rulesVersion: engine.value.rulesVersion, rules }, null, 2));
      return EXIT.ok;
    }
    const lines = [`${engine.value.rulesVersion}: ${rules.length} rules`];
    for (const r of rules) {
      const effect = r.effect ? Object.entries(r.effect).map(([k, v]) => `${k} ${v > 0 ? '+' : ''}${v}`).join(', ')
        : r.remove ? `removes ${r.remove.join(', ')}` : `severity ${r.severity}`;
      lines.push(`${r.kind.padEnd(9)} ${r.id}`, `          ${r.title}`, `          when ${conditionText(r.when)} → ${effect}`);
    }
    io.out(lines.join('\n'));
    return EXIT.ok;
  },
};
