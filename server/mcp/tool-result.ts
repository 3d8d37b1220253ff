import type { Issue } from '../../rules/index.ts';
import { formatIssues } from '../cli/issues.ts';

/** What a tool call answers (the MCP CallToolResult shape this server uses). */
export interface ToolResult {
  [key: string]: unknown;
  content: { type: 'text'; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/** A successful answer: text for the model to read, and the data behind it. */
export function answer(text: string, data?: object): ToolResult {
  return data ? { content: [{ type: 'text', text }], structuredContent: data as Record<string, unknown> } : { content: [{ type: 'text', text }] };
}

/**
 * Bad input: the CLI's `WHERE field: message` lines as text, and the same issues (path, pointer, message,
 * suggestion, line) as data. `where` names the argument the issues are in (`requirements`, `review`).
 */
export function problems(where: string, issues: readonly Issue[]): ToolResult {
  return {
    content: [{ type: 'text', text: formatIssues(where, issues) }],
    structuredContent: { issues: issues.map((i) => ({ ...i, file: i.file ?? where })) },
    isError: true,
  };
}
