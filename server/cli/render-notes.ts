import { noteFactor, type Recommendation } from '../../rules/index.ts';
import { oneLine } from './escape.ts';
import { paintFor, type Paint } from './io.ts';
import { wrap } from './text-wrap.ts';

/**
 * The lines `statewise advise` prints for notes[] (the input's own arithmetic disagrees with itself), meant for the
 * slot right after the verdict and feasibility lines; none when the answer has no notes. Each note is filled to
 * `width` columns like the rest of the answer, continuing under its text.
 * @example renderNotes(rec) // ['  NOTE state[link].writesPerMinute (555.6×): state[link]: 200000000 owners × …']
 */
export function renderNotes(r: Recommendation, paint: Paint = paintFor(false), width = 100): string[] {
  return (r.notes ?? []).map((n) => {
    const text = wrap(`NOTE ${oneLine(n.field)} (${noteFactor(n)}): ${oneLine(n.text)}`, width, '  ', '       ');
    // Coloured after wrapping, so the escape codes do not count as columns.
    return `  ${paint.yellow('NOTE')}${text.slice('  NOTE'.length)}`;
  });
}
