import type { Note } from '../contract/recommendation.ts';
import type { EvalContext } from '../model/context.ts';
import { formatNumber as f } from '../model/format.ts';

/** A total rate this many times the service's own peakRps is most likely a per-owner rate written as a total, or the reverse. */
export const OWNER_RATE_FACTOR = 10;

/**
 * Where the input's arithmetic disagrees with itself. The answer is still sized on the input as written; the note
 * names the field and the factor so the team can check it (200 M owners × 2 writes/min is 6.7 M writes/s for a
 * 12 k rps service). Listed items only, in name order, named by item (the order items are listed in changes
 * nothing: invariant 7).
 * @example notesFor(ctx)[0]?.field === 'state[link].writesPerMinute'
 */
export function notesFor(ctx: EvalContext): Note[] {
  const peak = ctx.req.traffic.peakRps;
  if (peak <= 0) return [];
  const notes: Note[] = [];
  for (const item of ctx.items) {
    if (item.implied || item.writesPerSecond <= OWNER_RATE_FACTOR * peak) continue;
    const factor = Math.round((item.writesPerSecond / peak) * 10) / 10;
    // A peakRps close to 0 makes any rate an infinite multiple: no number worth printing.
    if (!Number.isFinite(factor)) continue;
    notes.push({
      id: 'note.owner-rate',
      field: `state[${item.name}].writesPerMinute`,
      factor,
      text: `state[${item.name}]: ${f(item.owners)} owners × ${f(item.writesPerMinute)} writes/min ÷ 60 = ${f(Math.round(item.writesPerSecond))} writes/s, `
        + `${f(factor)}× traffic.peakRps ${f(peak)}: is writesPerMinute per owner (as the model reads it) or the service's total? `
        + `The answer is sized on it as written; check state[${item.name}].writesPerMinute and owners.`,
    });
  }
  return notes;
}
