import { isMap, isNode, isScalar, LineCounter, parseAllDocuments, type Document } from 'yaml';

/** One document of a YAML file, its plain data and a locator for paths in it. */
export interface YamlDoc {
  data: Record<string, unknown>;
  /** 1-based line and column of the node at `path` (its nearest existing parent's when missing). */
  at: (path: readonly (string | number)[]) => { line: number; column: number };
}

/** Every document of a (multi-document) YAML file that holds a mapping; documents that do not parse are skipped. */
export function yamlDocuments(text: string): YamlDoc[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: false });
  if (!Array.isArray(docs)) return [];
  const out: YamlDoc[] = [];
  for (const doc of docs as Document.Parsed[]) {
    if (doc.errors.length) continue;
    let data: unknown;
    // A document that cannot become data (an alias bomb past the cap) is not a manifest statewise can read: skipped.
    try { data = doc.toJS({ maxAliasCount: 100 }); } catch { continue; }
    if (!data || typeof data !== 'object' || Array.isArray(data)) continue;
    out.push({
      data: data as Record<string, unknown>,
      at: (path) => {
        // The key's position for a map entry (`replicas:` rather than its value, which may start a line below).
        for (let n = path.length; n >= 0; n--) {
          const parent = n > 0 ? doc.getIn(path.slice(0, n - 1), true) : undefined;
          const pair = isMap(parent) ? parent.items.find((i) => isScalar(i.key) && String(i.key.value) === String(path[n - 1])) : undefined;
          const node = pair && isNode(pair.key) ? pair.key : doc.getIn(path.slice(0, n), true);
          if (isNode(node) && node.range) {
            const p = lines.linePos(node.range[0]);
            return { line: p.line, column: p.col };
          }
        }
        return { line: 1, column: 1 };
      },
    });
  }
  return out;
}

/** A value at a path of plain data. */
export function get(data: unknown, ...path: (string | number)[]): unknown {
  let v = data;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

export const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : {});
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
export const asNumber = (v: unknown): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);
