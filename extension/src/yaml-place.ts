import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';

/** A path into a requirements document: field names and list indices (`['state', 0, 'sizeKb']`). */
export type SchemaPath = (string | number)[];

/** Where the cursor is in a YAML requirements file, in terms of the schema. */
export interface YamlPlace {
  /** The field the cursor is on (a key, or the value of that key; for a list item, its index). */
  path: SchemaPath;
  /** On a key (complete field names) or on a value (complete allowed values). */
  role: 'key' | 'value';
  /** The word under the cursor as typed (may be empty) and its offsets, to be replaced by a completion. */
  word: string;
  start: number;
  end: number;
  /** The keys already present in the map holding the cursor (a key completion does not offer them again). */
  siblings: string[];
}

/** A plain-scalar marker no one types: inserted at the cursor so that even a blank line parses to a node there. */
const MARKER = '__statewise_cursor__';

/**
 * The schema path under the cursor, from the `yaml` library's AST (the same parser the core uses). The text is
 * parsed with a marker inserted at the cursor, so a half-typed key (`  siz`), an empty value (`memory: `) and a
 * blank line in a map all become a node whose position in the tree is the path. Undefined outside any field
 * (a comment, the document start before any key) or when the text is not a map.
 * @example yamlPlaceAt('traffic:\n  peakRps: 5\n', 13) → { path: ['traffic', 'peakRps'], role: 'key', word: 'peakRps', … }
 */
export function yamlPlaceAt(text: string, offset: number): YamlPlace | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  const marked = text.slice(0, offset) + MARKER + text.slice(offset);
  const doc = parseDocument(marked, { keepSourceTokens: false, uniqueKeys: false });
  if (!isMap(doc.contents)) return undefined;
  return find(doc.contents, [], offset);
}

function find(node: Node | null | undefined, path: SchemaPath, offset: number): YamlPlace | undefined {
  if (isMap(node)) {
    const siblings = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter((k) => k && !k.includes(MARKER));
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      if (key.includes(MARKER)) return place([...path, key.replace(MARKER, '')], 'key', pair.key as Node, offset, siblings);
      const inner = find(pair.value as Node | null, [...path, key], offset);
      if (inner) return inner;
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      const inner = find(item as Node | null, [...path, i], offset);
      if (inner) return inner;
    }
    return undefined;
  }
  if (isScalar(node) && typeof node.value === 'string' && node.value.includes(MARKER)) {
    return place(path, 'value', node, offset, []);
  }
  return undefined;
}

/** The word's offsets in the original text: the scalar's source range minus the marker. */
function place(path: SchemaPath, role: 'key' | 'value', node: Node, offset: number, siblings: string[]): YamlPlace {
  const [from, to] = node.range ?? [offset, offset + MARKER.length];
  const start = Math.min(from, offset);
  const end = Math.max(start, to - MARKER.length);
  const raw = String((node as { value?: unknown }).value ?? '');
  return { path, role, word: raw.replace(MARKER, ''), start, end, siblings };
}
