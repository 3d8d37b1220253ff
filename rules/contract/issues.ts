import type { IssueCode } from './messages.ts';

export { ISSUE_CODES, type IssueCode } from './messages.ts';

/**
 * Core errors are data: every failure the core can report is an Issue with a code, a path into the document,
 * its JSON pointer and, when the document came from text, the line and column where it starts.
 */
export type PathSegment = string | number;

export interface Issue {
  /** Stable machine code, one of ISSUE_CODES (messages.ts): `syntax`, `unknown_field`, `invalid_type`, … */
  code: IssueCode;
  /** The file the issue is in, when the core was told (catalogue files, CLI inputs). */
  file?: string;
  path: PathSegment[];
  /** RFC 6901 JSON pointer for `path` (`/state/0/sizeKb`). */
  pointer: string;
  message: string;
  /** What statewise thinks was meant (a field name or an allowed value), for editors' quick fixes. */
  suggestion?: string;
  /** 1-based line and column in the source text, when known. */
  line?: number;
  column?: number;
  /** Where the offending node ends (exclusive), for editors that underline a range. */
  endLine?: number;
  endColumn?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** @example toPointer(['state', 0, 'name']) === '/state/0/name' */
export function toPointer(path: readonly PathSegment[]): string {
  return path.map(pointerToken).join('');
}

/**
 * One RFC 6901 reference token with its leading `/` (`~` and `/` escaped).
 * @example pointerToken('a/b') === '/a~1b'
 */
export function pointerToken(segment: PathSegment): string {
  const s = String(segment);
  return `/${s.includes('~') || s.includes('/') ? s.replaceAll('~', '~0').replaceAll('/', '~1') : s}`;
}

/** Dotted form for people: `state[0].name`. */
export function toDotted(path: readonly PathSegment[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out || '(document)';
}

/** An issue at `path`; the message is statewise's own sentence, read after the field's name. */
export function issue(code: IssueCode, path: PathSegment[], message: string, line?: number, column?: number): Issue {
  const out: Issue = { code, path, pointer: toPointer(path), message };
  if (line !== undefined) out.line = line;
  if (column !== undefined) out.column = column;
  return out;
}
