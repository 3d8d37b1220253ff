import type { Recommendation } from '../../rules/index.ts';
import { oneLine } from './escape.ts';
import { paintFor, type Paint } from './io.ts';

/**
 * The lines `statewise advise` prints for notes[] (the input's own arithmetic disagrees with itself), meant for the
 * slot right after the verdict and feasibility lines; none when the answer has no notes.
 * @example renderNotes(rec) // ['  NOTE state[link].writesPerMinute (555.6×): state[link]: 200000000 owners × …']
 */
export function renderNotes(r: Recommendation, paint: Paint = paintFor(false)): string[] {
  return (r.notes ?? []).map((n) => `${paint.yellow('  NOTE')} ${oneLine(n.field)} (${n.factor}×): ${oneLine(n.text)}`);
}
