import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { issue, type Issue, type PathSegment, type Result } from './issues.ts';
import { RequirementsSchema, type Requirements } from './requirements.ts';
import { normalize } from './normalize.ts';

export interface ParseOptions {
  /** Largest accepted text, in characters (default 1 MiB). */
  maxChars?: number;
  /** Deepest accepted nesting of maps and lists (default 32). */
  maxDepth?: number;
}

const DEFAULT_MAX_CHARS = 1 << 20;
const DEFAULT_MAX_DEPTH = 32;
const MAX_ALIASES = 50;

/**
 * Parses a requirements document (YAML, or JSON, which is YAML 1.2) into normalized Requirements,
 * or issues that carry the line and column of the offending field.
 * @example parseRequirements('service: a\ntraffic: { peakRps: 10 }').ok === true
 */
export function parseRequirements(text: string, options: ParseOptions = {}): Result<Requirements> {
  const parsed = parseText(text, options);
  if (!parsed.ok) return parsed;
  const result = validateRequirements(parsed.value.data);
  if (result.ok) return result;
  return { ok: false, issues: locateIssues(result.issues, parsed.value) };
}

/** Validates already-parsed data (an HTTP JSON body, a batch item) against the contract and normalizes it. */
export function validateRequirements(data: unknown): Result<Requirements> {
  const result = RequirementsSchema.safeParse(data);
  if (!result.success) return { ok: false, issues: fromZod(result.error.issues) };
  return { ok: true, value: normalize(result.data) };
}

export interface ParsedText { data: unknown; doc: Document; lines: LineCounter }

/**
 * Text → plain data, with the YAML document kept so that issues can be located. Issues about the whole document
 * (empty, too big, too deep, alias expansion) sit at line 1, column 1, so every issue has a place to show.
 */
export function parseText(text: string, options: ParseOptions = {}): Result<ParsedText> {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (text.length > maxChars) {
    return { ok: false, issues: [issue('too_big', [], `document is ${text.length} characters; the limit is ${maxChars}`, 1, 1)] };
  }
  const depth = nestingDepth(text);
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (depth > maxDepth) {
    return { ok: false, issues: [issue('too_deep', [], `document nests ${depth} levels deep; the limit is ${maxDepth}`, 1, 1)] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const at = lines.linePos(e.pos[0]);
        return issue('syntax', [], firstLine(e.message), at.line, at.col);
      }),
    };
  }
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    // `---` alone parses to a null scalar with no source text: as empty as no text at all.
    const empty = !doc.contents || (isScalar(doc.contents) && doc.contents.value === null && !doc.contents.source);
    if (empty) return { ok: false, issues: [issue('invalid_type', [], 'the document is empty', 1, 1)] };
    return { ok: true, value: { data, doc, lines } };
  } catch (e) {
    // yaml throws a ReferenceError when aliases would expand past maxAliasCount (a "billion laughs").
    return { ok: false, issues: [issue('syntax', [], firstLine(e instanceof Error ? e.message : String(e)), 1, 1)] };
  }
}

/** Bracket and indentation depth, measured without recursion so hostile input cannot overflow the stack. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let indentMax = 0;
  let atLineStart = true;
  let indent = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (atLineStart) {
      if (c === ' ' || c === '-') { indent++; continue; }
      atLineStart = false;
      indentMax = Math.max(indentMax, indent);
    }
    if (c === '\n') { atLineStart = true; indent = 0; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') { depth++; if (depth > max) max = depth; }
    else if (c === '}' || c === ']') depth = Math.max(0, depth - 1);
    else if (c === '#') { while (i < text.length && text[i] !== '\n') i++; i--; }
  }
  // Two spaces per level is the common YAML style; one-space indentation only makes this estimate generous.
  return Math.max(max, Math.ceil(indentMax / 2));
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** zod issues → core issues; an unknown key becomes one issue per key, located at that key. */
export function fromZod(issues: readonly z.core.$ZodIssue[]): Issue[] {
  const out: Issue[] = [];
  for (const i of issues) {
    const path = i.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    if (i.code === 'unrecognized_keys') {
      for (const key of i.keys) out.push(issue('unknown_field', [...path, key], `unknown field "${key}"`));
    } else if (i.code === 'custom' && /duplicate state name/.test(i.message)) {
      out.push(issue('duplicate_name', path, i.message));
    } else {
      out.push(issue(i.code, path, describe(i)));
    }
  }
  return out;
}

function describe(i: z.core.$ZodIssue): string {
  if (i.code === 'invalid_value' && 'values' in i) {
    return `must be one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (i.code === 'invalid_type' && i.message.includes('received undefined')) return 'is required';
  return i.message.replace(/^Invalid input: /, '');
}

/** Adds line and column (from the parsed document) to issues found on its data. */
export function locateIssues(issues: readonly Issue[], parsed: ParsedText): Issue[] {
  return issues.map((i) => locate(i, parsed.doc, parsed.lines));
}

function locate(found: Issue, doc: Document, lines: LineCounter): Issue {
  if (found.line !== undefined) return found;
  const node = nodeAt(doc, found.path, found.code === 'unknown_field');
  const range = node?.range;
  if (!range) return found;
  const at = lines.linePos(range[0]);
  const end = lines.linePos(range[1]);
  return { ...found, line: at.line, column: at.col, endLine: end.line, endColumn: end.col };
}

/** The deepest node on `path` that exists; for a missing field its parent, for an unknown key the key itself. */
function nodeAt(doc: Document, path: readonly PathSegment[], preferKey: boolean): Node | undefined {
  let node = doc.contents as Node | null | undefined;
  let found: Node | undefined = node ?? undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === segment);
      if (!pair) return found;
      const value = pair.value as Node | null;
      found = (value ?? (pair.key as Node)) ?? found;
      // An unknown field is best shown at its key; a bad value at the value.
      if (preferKey && segment === path[path.length - 1]) found = (pair.key as Node) ?? found;
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) return found;
      found = item;
      node = item;
    } else return found;
  }
  return found;
}
