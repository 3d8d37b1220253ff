import { parseText } from '../contract/yaml-text.ts';

/**
 * Review dates, pure: the clock is read by the adapters (`adapters/clock.ts`) and passed in, so the core stays
 * deterministic and the CLI, the server and the extension agree on what "today" and "the review's date" mean.
 */

/** The UTC calendar date of an instant, written YYYY-MM-DD. @example isoDate(new Date(0)) === '1970-01-01' */
export function isoDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD (`2026-02-30` is not). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && isoDate(d) === text;
}

/**
 * The `date:` of a review's front matter, so that regenerating a review keeps it; undefined when there is no front
 * matter or no valid date. Only the date is read: a review whose provenance is stale or broken still keeps its date.
 * @example reviewDate('---\ndate: 2026-11-26\n---\n') === '2026-11-26'
 */
export function reviewDate(markdown: string): string | undefined {
  const text = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const front = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!front) return undefined;
  const parsed = parseText(front[1]!);
  if (!parsed.ok) return undefined;
  const date = (parsed.value.data as { date?: unknown } | null)?.date;
  return typeof date === 'string' && isIsoDate(date) ? date : undefined;
}
