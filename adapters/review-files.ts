import { dirname, join, resolve } from 'node:path';
import { reviewDate } from '../rules/index.ts';
import { DEFAULT_MAX_REVIEW_BYTES, isInside, readBoundedFile, type FileRead } from './bounded-file.ts';

/** Where design reviews live unless `--reviews DIR` (or the editor setting `statewise.reviewsFolder`) says otherwise. */
export const DEFAULT_REVIEWS_DIR = 'docs/design-reviews';

/** The file name of one service's review: regenerated in place, so drift shows up in diffs. */
export function reviewFileName(service: string): string {
  return `${service}.md`;
}

/** The review of one service: `<reviews dir>/<service>.md`, as the user would type it (relative to cwd). */
export function reviewPathFor(service: string, reviewsDir = DEFAULT_REVIEWS_DIR): string {
  return join(reviewsDir, reviewFileName(service));
}

/**
 * The path of `file` relative to `root` with `/` on every platform, or undefined when it lies outside `root`.
 * String arithmetic, so a Windows path reads the same when a review is checked on Linux.
 * @example relativeSource('/w', '/w/svc/a.statewise.yaml') === 'svc/a.statewise.yaml'
 */
export function relativeSource(root: string | undefined, file: string): string | undefined {
  if (!root) return undefined;
  const prefix = root.replace(/\\/g, '/').replace(/\/+$/, '') + '/';
  const path = file.replace(/\\/g, '/');
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}

/**
 * How a review names its requirements file: relative to the working directory, with `/` on every platform, so the
 * provenance does not change with the machine that rendered it; as given when it lies outside.
 */
export function sourceName(file: string, cwd: string): string {
  return relativeSource(cwd, resolve(cwd, file)) ?? file.replace(/\\/g, '/');
}

export interface ReviewReadOptions {
  /** The reviews folder: a review whose real path leaves it (a link to /dev/zero, ~/.ssh…) is refused. */
  reviewsDir: string;
  /** Largest review read (default DEFAULT_MAX_REVIEW_BYTES). */
  maxBytes?: number;
}

/**
 * The text of the review at `path` (absolute), read with the bounds of adapters/bounded-file.ts: a regular file
 * inside the reviews folder (or, for a path outside it, inside its own folder), at most `maxBytes`.
 */
export function readReviewFile(path: string, options: ReviewReadOptions): FileRead {
  const folder = resolve(options.reviewsDir);
  return readBoundedFile(path, { maxBytes: options.maxBytes ?? DEFAULT_MAX_REVIEW_BYTES, within: isInside(path, folder) ? folder : dirname(path) });
}

/** The `date:` of the review at `path`, so re-rendering keeps it; undefined when there is none (or no readable file). */
export function existingReviewDate(path: string, options: ReviewReadOptions = { reviewsDir: dirname(path) }): string | undefined {
  const read = readReviewFile(path, options);
  return read.ok ? reviewDate(read.text) : undefined;
}
