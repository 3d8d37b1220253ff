/** The Model Context Protocol server (`statewise mcp`): tools and resources over the same engine as the CLI. */
export { createMcpServer, type McpOptions } from './server.ts';
export { loadExamples, type Example } from './examples.ts';
export { callTool, type ToolContext } from './tools.ts';
// The transport comes through here so the CLI loads the SDK with this module, on demand (a static import of a
// package the bundle leaves external becomes a require; import() would not run in the compiled CLI).
export { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
