/**
 * Plurals in prose. Every noun the answers count takes a plain "s", so one rule covers them; a counted noun in a
 * catalogue template is written `noun(s)` after its number and agrees when the sentence is rendered.
 */

/** @example count(1, 'instance') === '1 instance'; count(3, 'node') === '3 nodes' */
export function count(n: number | string, noun: string): string {
  return `${n} ${Number(n) === 1 ? noun : `${noun}s`}`;
}

/** "up to 1 deploy(s)" → "up to 1 deploy"; "2 session item(s)" → "2 session items" (at most two words between). */
const COUNTED = /(^|[^\d.])(\d[\d,]*(?:\.\d+)?)((?: [\p{L}-]+){0,2}?) ([\p{L}-]+)\(s\)/gu;

/** @example agree('each of 1 deploy(s) a day') === 'each of 1 deploy a day' */
export function agree(text: string): string {
  if (!text.includes('(s)')) return text;
  return text.replace(COUNTED, (_m, before: string, n: string, between: string, noun: string) =>
    `${before}${n}${between} ${Number(n.replaceAll(',', '')) === 1 ? noun : `${noun}s`}`);
}

/** How many names a list gives in full; past that, the first three and how many more. */
export const NAMES_IN_FULL = 5;

/**
 * Names a sentence or a cell can hold: all of a handful, else the first three and how many more (`noun` counts them).
 * @example someNames(['a', 'b', 'c', 'd', 'e', 'f'], 'item') === 'a, b, c and 3 more items'
 */
export function someNames(names: readonly string[], noun?: string): string {
  if (names.length <= NAMES_IN_FULL) return names.join(', ');
  const rest = names.length - 3;
  return `${names.slice(0, 3).join(', ')} and ${noun ? count(rest, `more ${noun}`) : `${rest} more`}`;
}

/** Notes whose factor counts items rather than multiplying a figure. */
const COUNTING_NOTES: ReadonlySet<string> = new Set(['note.memory-contradicts-items']);

/** A note's factor as every renderer prints it: a multiple, or a count of items. @example noteFactor({ id: 'note.owner-rate', factor: 12 }) === '12×' */
export function noteFactor(note: { id: string; factor: number }): string {
  return COUNTING_NOTES.has(note.id) ? count(note.factor, 'item') : `${note.factor}×`;
}
