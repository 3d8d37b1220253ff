import { distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { PathSegment } from './issues.ts';

/**
 * The candidate a person most likely meant, or undefined when none is close enough to be worth saying.
 * Case is ignored; a candidate that starts or ends with what was typed wins (`size` → `sizeKb`, `rps` → `peakRps`),
 * otherwise the nearest by edit distance within a third of the typed length (`sessions` → `session`).
 * @example didYouMean('sessions', ['request', 'session', 'global']) === 'session'
 */
export function didYouMean(typed: string, candidates: readonly string[]): string | undefined {
  const t = typed.trim().toLowerCase();
  if (!t || t.length > 64) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const l = c.toLowerCase();
    if (l === t) return c;
    // Affix matches rank before any edit (score < 1), shorter candidates first.
    const affix = t.length >= 3 && (l.startsWith(t) || l.endsWith(t)) ? (l.length - t.length) / (l.length + 1) : Infinity;
    const edits = distance(t, l);
    const score = Math.min(affix, edits <= Math.max(1, Math.floor(t.length / 3)) ? edits : Infinity);
    if (score < bestScore) { best = c; bestScore = score; }
  }
  return best;
}

/** The field names the schema accepts for the object at `path` (empty when the path does not lead to an object). */
export function knownFields(schema: z.core.$ZodType, path: readonly PathSegment[]): string[] {
  let at: z.core.$ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (!at) return [];
    const def = at._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType; valueType?: z.core.$ZodType };
    if (def.type === 'object' && typeof segment === 'string') at = def.shape?.[segment];
    else if (def.type === 'array') at = def.element;
    else if (def.type === 'record') at = def.valueType;
    else return [];
    at = at && unwrap(at);
  }
  const def = at?._zod.def as { type?: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** Looks through wrappers (optional, default, pipes…) to the schema that gives the value its shape. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let at = schema;
  for (let i = 0; i < 16; i++) {
    const def = at._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType; getter?: () => z.core.$ZodType };
    if (def.innerType) at = def.innerType;
    else if (def.type === 'pipe' && def.in) at = def.in;
    else if (def.type === 'lazy' && def.getter) at = def.getter();
    else break;
  }
  return at;
}
