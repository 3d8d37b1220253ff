import type { Recommendation } from '../contract/recommendation.ts';
import { code, inline } from './markdown.ts';
import { noteFactor } from '../contract/words.ts';

/**
 * The notes on the input (rec.notes): where its own arithmetic disagrees with itself, each naming the field and the
 * factor. Absent when there are none, so reviews of inputs that agree with themselves do not change.
 * @example notesSection(rec) // '## Notes on the input\n\n- `state[link].writesPerMinute` (555.6×): …'
 */
export function notesSection(rec: Recommendation): string | undefined {
  if (!rec.notes?.length) return undefined;
  return [
    '## Notes on the input',
    'The answer is sized on the input as written; these figures disagree with the rest of it and are worth a check.',
    rec.notes.map((n) => `- ${code(n.field)} (${noteFactor(n)}, ${code(n.id)}): ${inline(n.text)}`).join('\n'),
  ].join('\n\n');
}
