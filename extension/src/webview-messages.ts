import * as z from 'zod';

/**
 * Messages the recommendation panel's script may post. A webview is untrusted territory (it renders engine text
 * that quotes user input), so the extension acts only on messages that match exactly.
 */
export const WebviewMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('generateReview') }),
  z.strictObject({ type: z.literal('openSource') }),
  z.strictObject({ type: z.literal('saveRequirements') }),
  z.strictObject({ type: z.literal('copySummary') }),
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('revealLine'), line: z.number().int().min(1).max(1_000_000) }),
]);
export type WebviewMessage = z.infer<typeof WebviewMessageSchema>;

/** @example parseWebviewMessage({ type: 'openSource' })?.type === 'openSource' */
export function parseWebviewMessage(data: unknown): WebviewMessage | undefined {
  const parsed = WebviewMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
