/** The Model Context Protocol server (`statewise mcp`): tools and resources over the same engine as the CLI. */
export { createMcpServer, type McpOptions } from './server.ts';
export { loadExamples, type Example } from './examples.ts';
export { callTool, type ToolContext } from './tools.ts';
