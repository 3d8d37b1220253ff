import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createMcpServer, loadExamples } from '../../server/mcp/index.ts';
import { builtinEngine } from './engine.ts';
import { BIN, ROOT } from './cli.ts';

/** The text of a tool result's first content block. */
export function textOf(result: object): string {
  return (((result as { content: unknown }).content as { type: string; text: string }[])[0]!).text;
}

/**
 * The SDK's own Client connected to the statewise MCP server in this process, over the SDK's in-memory transport
 * (the protocol messages are the same as over stdio; test/server/mcp/stdio.system.test.ts runs the real child).
 */
export async function inProcessClient(today = '2026-11-26'): Promise<{ client: Client; close: () => Promise<void> }> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const server = createMcpServer({ engine: builtinEngine(), today, examples: loadExamples() });
  await server.connect(serverSide);
  const client = new Client({ name: 'statewise-test', version: '0' });
  await client.connect(clientSide);
  return { client, close: async () => { await client.close(); await server.close(); } };
}

/** The SDK's Client over stdio to a real `node bin/statewise.js mcp` child process. */
export async function stdioClient(args: string[] = []): Promise<{ client: Client; transport: StdioClientTransport }> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', ...args], cwd: ROOT, stderr: 'pipe' });
  const client = new Client({ name: 'statewise-test', version: '0' });
  await client.connect(transport);
  return { client, transport };
}
