import * as z from 'zod';

/**
 * The arguments of each MCP tool, as zod schemas: the one contract their JSON Schemas (tools/list) and their
 * validation (with statewise's messages) both come from.
 */
const requirements = z.string().min(1).max(1 << 20)
  .describe('A requirements document (*.statewise.yaml): YAML or JSON text, as `statewise advise` reads it.');

export const TOOL_INPUTS = {
  advise: z.strictObject({ requirements }),
  review: z.strictObject({
    requirements,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('YYYY-MM-DD for the front matter (default: today).'),
  }),
  check: z.strictObject({
    requirements,
    review: z.string().min(1).max(1 << 20).describe('The committed design review (Markdown with its statewise front matter).'),
  }),
  what_if: z.strictObject({
    requirements,
    changes: z.record(z.string().min(1).max(200), z.union([z.number(), z.string(), z.boolean()]))
      .refine((c) => Object.keys(c).length > 0 && Object.keys(c).length <= 50, { message: 'give between 1 and 50 changes' })
      .describe('Fields to change, by dotted name: `traffic.peakRps`, `failure.sessionLoss`, `state.<item name>.sizeKb`.'),
  }),
  explain_rule: z.strictObject({
    id: z.string().min(1).max(120).describe('A rule, gate or check id, e.g. `gate.token-cookie-limit` or `check.latency`.'),
  }),
} as const;

export type ToolName = keyof typeof TOOL_INPUTS;
export type ToolArgs<T extends ToolName> = z.output<(typeof TOOL_INPUTS)[T]>;

/** One line each, as tools/list shows them. */
export const TOOL_DESCRIPTIONS: Record<ToolName, string> = {
  advise: 'Recommend stateless, stateful or hybrid for a service, with where each piece of state lives, feasibility, cost and risks.',
  review: 'Write the Markdown design review (MADR front matter, placement plan, Mermaid diagram) for a requirements document.',
  check: 'Say whether a committed design review still matches the answer for its requirements, and what changed if not.',
  what_if: 'Apply changes to a requirements document and show the answer before and after: verdict, placements, cost, risks.',
  explain_rule: 'Explain one catalogue rule or check: what it does, where it is defined, and an example service it fires for.',
};

/** The JSON Schema (draft 2020-12) of a tool's arguments, derived from its zod schema. */
export function toolInputJsonSchema(name: ToolName): { type: 'object'; [key: string]: unknown } {
  return z.toJSONSchema(TOOL_INPUTS[name], { io: 'input' }) as { type: 'object'; [key: string]: unknown };
}
