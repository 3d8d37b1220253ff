import * as z from 'zod';
import { STORES } from '../contract/recommendation.ts';

/** How a mitigation is written in the catalogue (the compiled form and its vetting: mitigation.ts). */
export const MitigationOptionSchema = z.union([
  z.string().min(3).max(400),
  z.strictObject({
    text: z.string().min(3).max(400),
    moveTo: z.array(z.enum(STORES)).min(1).optional(),
    crossRegion: z.literal(true).optional(),
  }),
]);
export const MitigationSchema = z.union([z.string().min(3).max(400), z.array(MitigationOptionSchema).min(1).max(6)]);
export type MitigationSpec = z.output<typeof MitigationSchema>;

/** The options as written, joined into one sentence ("A, B, or C"). @example mitigationText(['Shrink it', 'raise the budget']) */
export function mitigationText(spec: MitigationSpec): string {
  return joinOptions((typeof spec === 'string' ? [spec] : spec).map((o) => (typeof o === 'string' ? o : o.text)));
}

/** "A", "A or B", "A, B, or C", starting with a capital whichever option comes first. */
export function joinOptions(parts: readonly string[]): string {
  const text = parts.length <= 2 ? parts.join(', or ') : `${parts.slice(0, -1).join(', ')}, or ${parts[parts.length - 1]}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
