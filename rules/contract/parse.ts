import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import { issue, type Issue, type PathSegment, type Result } from './issues.ts';
import { RequirementsSchema, type Requirements } from './requirements.ts';
import { normalize } from './normalize.ts';
import { codeOfZod, excerpt, statewiseError } from './messages.ts';

export { excerpt } from './messages.ts';
import { didYouMean, knownFields } from './suggest.ts';
import { syntaxProblems } from './syntax.ts';
import { oneProblemPerTypo } from './typos.ts';

export interface ParseOptions {
  /** Largest accepted text, in characters (default 1 MiB). */
  maxChars?: number;
  /** Deepest accepted nesting of maps and lists (default 32). */
  maxDepth?: number;
  /**
   * Most keys and list items the text may hold, counted cheaply before parsing as every `:` and `,`, and every
   * `-` or `?` followed by a space (quoted or not, so the count is an upper bound). Default 50,000; requirements
   * documents use MAX_REQUIREMENTS_NODES.
   */
  maxNodes?: number;
}

const DEFAULT_MAX_CHARS = 1 << 20;
const DEFAULT_MAX_DEPTH = 32;
/** A catalogue file of 1000 rules stays far below this; parsing this many nodes takes well under a second. */
export const DEFAULT_MAX_NODES = 50_000;
/**
 * Keys and items a requirements document may hold: the largest valid one (200 state items, 100 accepted risks,
 * every field spelled out) has about 3,000.
 */
export const MAX_REQUIREMENTS_NODES = 10_000;
const MAX_ALIASES = 50;
/** C0 control characters other than tab and newline (and DEL): never meaningful in free text. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;

/**
 * Parses a requirements document (YAML, or JSON, which is YAML 1.2) into normalized Requirements,
 * or issues that carry the line and column of the offending field.
 * @example parseRequirements('service: a\ntraffic: { peakRps: 10 }').ok === true
 */
export function parseRequirements(text: string, options: ParseOptions = {}): Result<Requirements> {
  const parsed = parseText(text, { maxNodes: MAX_REQUIREMENTS_NODES, ...options });
  if (!parsed.ok) return parsed;
  const result = validateRequirements(parsed.value.data);
  if (result.ok) return result;
  return { ok: false, issues: locateIssues(result.issues, parsed.value) };
}

/** Validates already-parsed data (an HTTP JSON body, a batch item) against the contract and normalizes it. */
export function validateRequirements(data: unknown): Result<Requirements> {
  const result = validate(RequirementsSchema, data);
  if (!result.ok) return result;
  const control = controlCharacters(result.value);
  if (control.length) return { ok: false, issues: control };
  return { ok: true, value: normalize(result.value, data) };
}

/**
 * Checks data against a zod schema with statewise's error map (messages.ts), so every message is statewise's own,
 * and turns failures into core issues (with did-you-mean suggestions).
 * @example validate(CatalogFileSchema, data)
 */
export function validate<S extends z.core.$ZodType>(schema: S, data: unknown): Result<z.output<S>> {
  const result = zodSafeParse(schema, data);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: oneProblemPerTypo(fromZod(result.error.issues, { schema, data })) };
}

function zodSafeParse<S extends z.core.$ZodType>(schema: S, data: unknown) {
  return (schema as unknown as z.ZodType<z.output<S>>).safeParse(data, { error: statewiseError });
}

/**
 * Free text (description, decision makers, accepted-risk reasons and ids) must not carry C0 control characters
 * other than tab and newline: NUL, ESC (terminal escapes), bell… only ever arrive to cause harm downstream.
 */
function controlCharacters(req: Requirements): Issue[] {
  const texts: [PathSegment[], string | undefined][] = [
    [['description'], req.description],
    ...(req.decisionMakers ?? []).map((d, i): [PathSegment[], string] => [['decisionMakers', i], d]),
    ...(req.accept ?? []).flatMap((a, i): [PathSegment[], string][] => [[['accept', i, 'risk'], a.risk], [['accept', i, 'reason'], a.reason]]),
  ];
  const out: Issue[] = [];
  for (const [path, text] of texts) {
    const m = text === undefined ? null : CONTROL.exec(text);
    if (m) {
      const hex = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      out.push(issue('control_character', path, `contains the control character U+${hex} at position ${m.index + 1}; only tab and newline are allowed`));
    }
  }
  return out;
}

export interface ParsedText { data: unknown; doc: Document; lines: LineCounter }

/**
 * Text → plain data, with the YAML document kept so that issues can be located. Issues about the whole document
 * (empty, too big, too deep, too many nodes, alias expansion) sit at line 1, column 1, so every issue has a place
 * to show. Every step is linear in the text: the size, depth and node count are checked before the YAML parser
 * runs, and duplicate keys are found with a set (the yaml library's own check is a linear scan per key).
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
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  const nodes = nodeCount(text, maxNodes);
  if (nodes > maxNodes) {
    return { ok: false, issues: [issue('too_many_nodes', [], `document has more than ${maxNodes} keys and list items; the limit is ${maxNodes}`, 1, 1)] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, strict: true });
  const errors = syntaxProblems(doc.errors, text, lines);
  errors.push(...duplicateKeys(doc));
  if (errors.length > 0) {
    return {
      ok: false,
      issues: errors.sort((a, b) => a.pos - b.pos).map((e) => {
        const at = lines.linePos(e.pos);
        return issue('syntax', [], e.message, at.line, at.col);
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
    const message = /alias/i.test(e instanceof Error ? e.message : String(e))
      ? `the document expands aliases (*name) more than ${MAX_ALIASES} times; write the values out instead`
      : 'the document cannot be read as YAML';
    return { ok: false, issues: [issue('syntax', [], message, 1, 1)] };
  }
}

/**
 * Duplicate keys in every map, found with one set per map (linear), reported at the repeated key with the message
 * the yaml library gives. Iterative: the depth is bounded already, but a stack costs nothing.
 */
function duplicateKeys(doc: Document): { pos: number; message: string }[] {
  const out: { pos: number; message: string }[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        // Scalars compare by value, as yaml's uniqueKeys does; a collection key is only equal to itself.
        const id = isScalar(key) ? key.value : key;
        if (seen.has(id)) {
          const shown = isScalar(key) ? excerpt(String(key.value)) : 'this key';
          out.push({ pos: key?.range?.[0] ?? 0, message: `the key ${shown} appears twice in this map; keep one` });
        } else seen.add(id);
        stack.push(pair.value);
        if (key && !isScalar(key)) stack.push(key);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return out;
}

/**
 * An upper bound on the keys and list items of a YAML or JSON text, without parsing it: every node but the root
 * needs a `:` (a key), a `,` (a flow item) or a `- ` / `? ` indicator. Stops counting past `limit`.
 */
export function nodeCount(text: string, limit: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 /* : */ || c === 44 /* , */) n++;
    else if (c === 45 /* - */ || c === 63 /* ? */) {
      const next = text.charCodeAt(i + 1);
      if (Number.isNaN(next) || next === 32 || next === 10 || next === 13 || next === 9) n++;
    }
  }
  return n;
}

/** Characters after which a quote opens a quoted scalar in YAML (or a string in JSON). */
const QUOTE_MAY_OPEN = new Set([' ', '\t', '\r', '\n', '[', '{', ',', ':']);

/**
 * Bracket and indentation depth, measured without recursion so hostile input cannot overflow the stack.
 * Conservative, so that text the parser would nest deeply never reaches it: an opening bracket counts wherever it
 * is, even inside quotes; a closing bracket inside quotes only cancels an opening one from the same quoted text (a
 * quoted "]" cannot hide nesting), and a quote or `#` that YAML would read as part of a plain scalar (`it's`, `a#b`)
 * neither starts a string nor a comment.
 */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let indentMax = 0;
  let atLineStart = true;
  let indent = 0;
  let quote = '';
  let floor = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = '';
      } else if (c === '{' || c === '[') { depth++; if (depth > max) max = depth; }
      else if (c === '}' || c === ']') depth = Math.max(floor, depth - 1);
      continue;
    }
    if (atLineStart) {
      if (c === ' ' || c === '-') { indent++; continue; }
      atLineStart = false;
      indentMax = Math.max(indentMax, indent);
    }
    if (c === '\n') { atLineStart = true; indent = 0; continue; }
    const before = i === 0 ? ' ' : text[i - 1]!;
    if ((c === '"' || c === "'") && QUOTE_MAY_OPEN.has(before)) { quote = c; floor = depth; }
    else if (c === '{' || c === '[') { depth++; if (depth > max) max = depth; }
    else if (c === '}' || c === ']') depth = Math.max(0, depth - 1);
    else if (c === '#' && (before === ' ' || before === '\t' || i === 0)) { while (i < text.length && text[i] !== '\n') i++; i--; }
  }
  // Two spaces per level is the common YAML style; one-space indentation only makes this estimate generous.
  return Math.max(max, Math.ceil(indentMax / 2));
}


/** What fromZod may use to suggest a correction: the schema that was checked and the data it was checked on. */
export interface ZodContext {
  schema?: z.core.$ZodType;
  data?: unknown;
}

/**
 * zod issues → core issues; an unknown key becomes one issue per key, located at that key. With a context, an
 * unknown key or a value outside an enum carries the nearest accepted spelling (`suggestion`), also said in words.
 */
export function fromZod(issues: readonly z.core.$ZodIssue[], context: ZodContext = {}): Issue[] {
  const out: Issue[] = [];
  for (const i of issues) {
    const path = i.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    if (i.code === 'unrecognized_keys') {
      const known = context.schema ? knownFields(context.schema, path) : [];
      for (const key of i.keys) out.push(suggest(issue('unknown_field', [...path, key], `unknown field ${excerpt(key)}`), didYouMean(key, known)));
    } else if (i.code === 'invalid_value' && 'values' in i) {
      const typed = valueAt(context.data, path);
      const meant = typeof typed === 'string' ? didYouMean(typed, i.values.filter((v): v is string => typeof v === 'string')) : undefined;
      // With one allowed value the message already names it: keep the suggestion as data only.
      out.push(suggest(issue('invalid_value', path, i.message), meant, i.values.length > 1));
    } else {
      out.push(issue(codeOfZod(i), path, i.message));
    }
  }
  return out;
}

function suggest(found: Issue, meant: string | undefined, say = true): Issue {
  if (meant === undefined) return found;
  return { ...found, message: say ? `${found.message}; did you mean ${JSON.stringify(meant)}?` : found.message, suggestion: meant };
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let at = data;
  for (const p of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PathSegment, unknown>)[p];
  }
  return at;
}


/** The 1-based line where the node at `path` starts (its nearest existing parent's when missing; 1 when unknown). */
export function lineAt(parsed: ParsedText, path: readonly PathSegment[]): number {
  return positionAt(parsed, path).line;
}

/** Line and column (1-based) where the node at `path` starts; the top of the file when there is no such node. */
export function positionAt(parsed: ParsedText, path: readonly PathSegment[]): { line: number; column: number } {
  const range = nodeAt(parsed.doc, path, false)?.range;
  if (!range) return { line: 1, column: 1 };
  const at = parsed.lines.linePos(range[0]);
  return { line: at.line, column: at.col };
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

/**
 * Each map's pairs by key, built once per map the first time an issue is located in it, so locating n issues is
 * linear rather than a scan of the map per issue (10,000 unknown keys took seconds). The first pair wins, as for
 * the duplicate-key check.
 */
const PAIRS = new WeakMap<YAMLMap, Map<unknown, Pair>>();

function pairOf(map: YAMLMap, key: PathSegment): Pair | undefined {
  let index = PAIRS.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items as Pair[]) {
      const value = (pair.key as { value?: unknown } | null)?.value;
      if (!index.has(value)) index.set(value, pair);
    }
    PAIRS.set(map, index);
  }
  return index.get(key);
}

/** The deepest node on `path` that exists; for a missing field its parent, for an unknown key the key itself. */
function nodeAt(doc: Document, path: readonly PathSegment[], preferKey: boolean): Node | undefined {
  let node = doc.contents as Node | null | undefined;
  let found: Node | undefined = node ?? undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairOf(node, segment);
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
