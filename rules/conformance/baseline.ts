import * as z from 'zod';
import type { ConformanceFinding } from './finding.ts';

/**
 * A scan baseline: the findings a team knows of, matched by id (rule, file and a key that survives edits, never a
 * line). A later scan fails on findings not in it and on entries that match nothing any more (a stale baseline
 * hides nothing and should shrink).
 */
export const BaselineSchema = z.strictObject({
  version: z.literal(1),
  findings: z.array(z.strictObject({
    id: z.string().min(1).max(1000),
    message: z.string().max(4000).optional().describe('What the finding said when it was recorded, for people.'),
  })).max(100_000),
});
export type Baseline = z.output<typeof BaselineSchema>;

export function baselineOf(findings: readonly ConformanceFinding[]): Baseline {
  const ids = [...new Set(findings.map((f) => f.id))].sort();
  return { version: 1, findings: ids.map((id) => ({ id, message: findings.find((f) => f.id === id)!.message })) };
}

/** The findings the baseline does not know, and the baseline entries no finding matches. */
export function compareBaseline(findings: readonly ConformanceFinding[], baseline: Baseline): { fresh: ConformanceFinding[]; stale: string[] } {
  const known = new Set(baseline.findings.map((f) => f.id));
  const now = new Set(findings.map((f) => f.id));
  return { fresh: findings.filter((f) => !known.has(f.id)), stale: [...known].filter((id) => !now.has(id)).sort() };
}
