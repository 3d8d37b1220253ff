import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Where design reviews live unless `--reviews DIR` (or the editor setting `statewise.reviewsFolder`) says otherwise. */
export const DEFAULT_REVIEWS_DIR = 'docs/design-reviews';

/** The review of one service: `<reviews dir>/<service>.md`, as the user would type it (relative to cwd). */
export function reviewPathFor(service: string, reviewsDir = DEFAULT_REVIEWS_DIR): string {
  return join(reviewsDir, `${service}.md`);
}

/**
 * How a review names its requirements file: relative to the working directory, with `/` on every platform, so the
 * provenance does not change with the machine that rendered it.
 */
export function sourceName(file: string, cwd: string): string {
  const abs = resolve(cwd, file);
  const rel = relative(cwd, abs);
  const name = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
  return name.split(sep).join('/');
}

/** The `date:` of an existing review's front matter, so re-rendering keeps it; undefined when there is none. */
export function existingReviewDate(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const front = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const date = front && /^date:[ \t]*['"]?(\d{4}-\d{2}-\d{2})['"]?[ \t\r]*$/m.exec(front[1]!);
  return date ? date[1] : undefined;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
