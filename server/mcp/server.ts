import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema, ErrorCode, ListResourcesRequestSchema, ListToolsRequestSchema, McpError, ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { Engine } from '../../rules/index.ts';
import { VERSION } from '../../adapters/index.ts';
import { TOOL_DESCRIPTIONS, TOOL_INPUTS, toolInputJsonSchema, type ToolName } from './tool-inputs.ts';
import { callTool } from './tools.ts';
import { resourcesOf } from './resources.ts';
import type { Example } from './examples.ts';

export interface McpOptions { engine: Engine; today: string; examples: readonly Example[] }

/**
 * The statewise MCP server: five tools and the schema, catalogue and examples as resources. It uses the SDK's
 * protocol-level Server rather than McpServer because McpServer validates tool arguments itself, in zod's words;
 * here each tool's arguments go through statewise's own validation, so bad input gets the same issues (path,
 * message, suggestion) as the CLI, and tools/list still shows the JSON Schema derived from the same zod schema.
 * @example await createMcpServer({ engine, today, examples }).connect(new StdioServerTransport())
 */
export function createMcpServer(options: McpOptions): Server {
  const server = new Server(
    { name: 'statewise', version: VERSION },
    {
      capabilities: { tools: {}, resources: {} },
      instructions: 'statewise answers stateless, stateful or hybrid for one service, with numbers traced to rules. '
        + 'Pass requirements as YAML or JSON text (read statewise://schema/requirements and the examples first).',
    },
  );
  const resources = resourcesOf(options.engine, options.examples);
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: (Object.keys(TOOL_INPUTS) as ToolName[]).map((name) => ({ name, description: TOOL_DESCRIPTIONS[name], inputSchema: toolInputJsonSchema(name) })),
  }));
  server.setRequestHandler(CallToolRequestSchema, (request) => callTool(options, request.params.name, request.params.arguments));
  server.setRequestHandler(ListResourcesRequestSchema, () => ({
    resources: resources.map(({ uri, name, description, mimeType }) => ({ uri, name, description, mimeType })),
  }));
  server.setRequestHandler(ReadResourceRequestSchema, (request) => {
    const resource = resources.find((r) => r.uri === request.params.uri);
    if (!resource) throw new McpError(ErrorCode.InvalidParams, `no resource at ${request.params.uri}; resources/list names them`);
    return { contents: [{ uri: resource.uri, mimeType: resource.mimeType, text: resource.text() }] };
  });
  return server;
}
