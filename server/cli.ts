import { VERSION } from '../adapters/index.ts';
import type { Command } from './cli/commands.ts';
import { EXIT, processIo, type Io } from './cli/io.ts';
import { fileLimitsFrom } from './cli/file-limits.ts';
import { oneLine } from './cli/escape.ts';
import { adviseCommand } from './cli/advise.ts';
import { schemaCommand } from './cli/schema.ts';
import { rulesCommand } from './cli/rules.ts';
import { serveCommand } from './cli/serve.ts';
import { reviewCommand } from './cli/review.ts';
import { checkCommand } from './cli/check.ts';
import { diffCommand } from './cli/diff.ts';
import { mcpCommand } from './cli/mcp.ts';
import { exportCommand } from './cli/export.ts';
import { initCommand } from './cli/init.ts';
import { scanCommand } from './cli/scan.ts';
import { nearestName } from './cli/flag-errors.ts';

/** Every command, in the order `--help` lists them. Each lives in its own file under server/cli/. */
const COMMANDS: Command[] = [initCommand, adviseCommand, reviewCommand, checkCommand, diffCommand, exportCommand, scanCommand, schemaCommand, rulesCommand, serveCommand, mcpCommand];

const HELP = () => `statewise — stateless, stateful or hybrid: where every piece of state should live, and why.

Usage: statewise <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`).join('\n')}

Run \`statewise <command> --help\` for a command's options.
Global option: --no-color (also NO_COLOR=1): plain text even on a terminal.
Exit codes: 0 ok, 1 check failed, 2 bad input (messages name file, line and field), 70 internal error (a bug).`;

/**
 * Runs one CLI invocation and returns its exit code; never throws for a user's mistake.
 * @example await main(['advise', 'examples/chat.statewise.yaml'])
 */
export async function main(argv: string[], io?: Io): Promise<number> {
  // --no-color is global: it may stand anywhere, and no command sees it.
  const noColor = argv.includes('--no-color');
  if (noColor) argv = argv.filter((a) => a !== '--no-color');
  if (!io) {
    const fileLimits = fileLimitsFrom(process.env);
    io = processIo({ noColor, ...(fileLimits.ok ? { fileLimits: fileLimits.value } : {}) });
    if (!fileLimits.ok) {
      io.err(`statewise: ${fileLimits.message}`);
      return EXIT.badInput;
    }
  }
  if (noColor) delete io.paint;
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP());
    return name ? EXIT.ok : EXIT.badInput;
  }
  if (name === '--version' || name === '-v') {
    io.out(`statewise ${VERSION}`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const meant = nearestName(name.replace(/^-+/, ''), COMMANDS.map((c) => c.name));
    io.err(`statewise: unknown command "${oneLine(name.slice(0, 64))}"${meant ? `; did you mean "${meant}"?` : ''}\n\n${HELP()}`);
    return EXIT.badInput;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    // Not the user's mistake: a distinct exit code (EX_SOFTWARE), so CI never reads a crash as "check failed".
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    io.err(`statewise: internal error in "${name}" (${oneLine(what.slice(0, 200))}); this is a bug, please report it with the command you ran`);
    return EXIT.internal;
  }
}
