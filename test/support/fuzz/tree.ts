/**
 * A JSON-like tree that can also hold what JSON.stringify cannot write: raw tokens (`NaN`, `1e999`, `-0`) and
 * objects with repeated or prototype-named keys (`__proto__`). Mutations work on this tree; `toJsonText` writes it.
 */

/** A token written verbatim into the body text. */
export class Raw { constructor(readonly raw: string) {} }
/** An object as an ordered list of entries: keys may repeat and may be `__proto__`. */
export class Entries { constructor(readonly entries: Array<[string, Tree]>) {} }

export type Tree = null | boolean | number | string | Raw | Entries | Tree[] | { [key: string]: Tree };
export type Segment = string | number;

const isPlainObject = (t: Tree): t is { [key: string]: Tree } =>
  t !== null && typeof t === 'object' && !Array.isArray(t) && !(t instanceof Raw) && !(t instanceof Entries);

/** Whether the tree holds anything only `toJsonText` can write (YAML then gets JSON text, which YAML 1.2 reads). */
export function isSpecial(t: Tree): boolean {
  if (t instanceof Raw || t instanceof Entries) return true;
  if (Array.isArray(t)) return t.some(isSpecial);
  if (isPlainObject(t)) return Object.values(t).some(isSpecial);
  return typeof t === 'number' && (!Number.isFinite(t) || Object.is(t, -0));
}

/** JSON text for the tree; numbers JSON cannot write become their JavaScript spelling (NaN, Infinity). */
export function toJsonText(t: Tree): string {
  if (t instanceof Raw) return t.raw;
  if (t instanceof Entries) return `{${t.entries.map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`).join(',')}}`;
  if (Array.isArray(t)) return `[${t.map(toJsonText).join(',')}]`;
  if (isPlainObject(t)) return `{${Object.entries(t).map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`).join(',')}}`;
  if (typeof t === 'number' && !Number.isFinite(t)) return String(t);
  if (Object.is(t, -0)) return '-0';
  return JSON.stringify(t);
}

/** Every path in the tree, root first, in a deterministic order. */
export function paths(t: Tree): Segment[][] {
  const out: Segment[][] = [];
  const walk = (node: Tree, path: Segment[]) => {
    out.push(path);
    for (const [seg, child] of children(node)) walk(child, [...path, seg]);
  };
  walk(t, []);
  return out;
}

export function children(t: Tree): Array<[Segment, Tree]> {
  if (Array.isArray(t)) return t.map((c, i) => [i, c]);
  if (t instanceof Entries) return t.entries.map(([, v], i) => [i, v]);
  if (isPlainObject(t)) return Object.entries(t);
  return [];
}

/** A copy of `t` with the node at `path` replaced by `fn(node)`; `fn` returning undefined removes it. */
export function update(t: Tree, path: readonly Segment[], fn: (node: Tree) => Tree | undefined): Tree | undefined {
  if (path.length === 0) return fn(t);
  const [head, ...rest] = path;
  if (Array.isArray(t)) {
    const out = [...t];
    const next = update(out[head as number]!, rest, fn);
    if (next === undefined) out.splice(head as number, 1); else out[head as number] = next;
    return out;
  }
  if (t instanceof Entries) {
    const out = [...t.entries];
    const [k, v] = out[head as number]!;
    const next = update(v, rest, fn);
    if (next === undefined) out.splice(head as number, 1); else out[head as number] = [k, next];
    return new Entries(out);
  }
  if (isPlainObject(t)) {
    const out: { [key: string]: Tree } = {};
    for (const [k, v] of Object.entries(t)) {
      if (k !== head) { out[k] = v; continue; }
      const next = update(v, rest, fn);
      if (next !== undefined) out[k] = next;
    }
    return out;
  }
  return t;
}

/** An object node as entries (so keys can repeat or be `__proto__`); other nodes unchanged. */
export function asEntries(t: Tree): Entries | undefined {
  if (t instanceof Entries) return t;
  if (isPlainObject(t)) return new Entries(Object.entries(t));
  return undefined;
}
