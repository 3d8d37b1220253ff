import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { issue, type Result } from './issues.ts';
import { excerpt } from './messages.ts';
import { syntaxProblems } from './syntax.ts';

/** Reading YAML (or JSON) text into plain data within limits on size, depth, node count and alias expansion. */

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
const MAX_ALIASES = 50;

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
