import { engineFor } from './engine.ts';
import type { Command } from './commands.ts';
import { parseFlags } from './flags.ts';
import { EXIT } from './io.ts';

export const mcpCommand: Command = {
  name: 'mcp',
  summary: 'serve the advisor to AI assistants over the Model Context Protocol (stdio)',
  usage: `Usage: statewise mcp [--rules DIR]

Runs a Model Context Protocol server on standard input and output, for an MCP client (Claude Desktop, VS Code,
Cursor, …) to start. Tools: advise, review, check, what_if, explain_rule; resources: the requirements JSON Schema,
the rule catalogue and the bundled examples. Bad input comes back as the CLI's issues (path, message, suggestion).
Nothing but protocol messages is written to standard output; problems go to standard error.

Options:
  --rules DIR   layer a custom rule catalogue folder on top of the built-in rules
  -h, --help    show this help

Exit codes: 0 when the client closes the connection, 2 bad options or a broken --rules catalogue.`,
  async run(args, io) {
    const flags = parseFlags(args, { rules: { type: 'string' } }, mcpCommand, io);
    if (!flags) return EXIT.badInput;
    if (flags.positionals.length) {
      io.err(`statewise mcp: takes no files (got ${flags.positionals.join(' ')}); the client sends requirements with each call`);
      return EXIT.badInput;
    }
    // Problems go to stderr: stdout belongs to the protocol.
    const engine = engineFor(flags.values.rules as string | undefined, { ...io, out: io.err });
    if (!engine) return EXIT.badInput;
    // Loaded on demand: the SDK stays out of the start-up of every other command.
    const { createMcpServer, loadExamples, StdioServerTransport } = await import('../mcp/index.ts');
    const server = createMcpServer({ engine, today: io.today, examples: loadExamples() });
    const closed = new Promise<void>((resolve) => { server.onclose = () => resolve(); });
    // The client ends the session by closing our stdin; the transport does not watch for that itself.
    process.stdin.once('end', () => void server.close());
    await server.connect(new StdioServerTransport());
    await closed;
    return EXIT.ok;
  },
};
