import { isMap, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Issue, PathSegment } from './issues.ts';
import type { ParsedText } from './yaml-text.ts';

/** Where a path of the data sits in the YAML text it was read from: line and column for issues and editors. */

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
