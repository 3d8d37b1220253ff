import type { z } from 'zod';
import { issue, type Issue, type PathSegment, type Result } from './issues.ts';
import { codeOfZod, excerpt, statewiseError } from './messages.ts';
import { didYouMean, knownFields } from './suggest.ts';

/** Data against a zod schema → core issues (path and message, no place in a text: locate.ts adds that). */

/**
 * Checks data against a zod schema with statewise's error map (messages.ts), so every message is statewise's own,
 * and turns failures into core issues (with did-you-mean suggestions).
 * @example validate(CatalogFileSchema, data)
 */
export function validate<S extends z.core.$ZodType>(schema: S, data: unknown): Result<z.output<S>> {
  const result = zodSafeParse(schema, data);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: fromZod(result.error.issues, { schema, data }) };
}

function zodSafeParse<S extends z.core.$ZodType>(schema: S, data: unknown) {
  return (schema as unknown as z.ZodType<z.output<S>>).safeParse(data, { error: statewiseError });
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
