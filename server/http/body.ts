import type { Context } from 'hono';
import { issue, MAX_REQUIREMENTS_NODES, nodeCount, parseRequirements, validateRequirements, type Issue, type Requirements } from '../../rules/index.ts';

/**
 * Request bodies → data or located issues. YAML goes through the core parser (alias bombs and deep nesting are
 * refused there); JSON is guarded for depth and array size before JSON.parse and zod do any real work.
 */

export type BodyFormat = 'json' | 'yaml';
export type BodyResult<T> = { ok: true; value: T } | { ok: false; kind: 'malformed-body' | 'invalid-requirements'; issues: Issue[] };

/** Deepest nesting of objects/arrays a body may have (the core uses the same bound for YAML). */
export const MAX_DEPTH = 32;
/** No array in any accepted body is longer (batches hold ≤ 1000 items; requirements ≤ 200 state items). */
export const MAX_ARRAY = 1000;

/** Issues about the body as a whole: a malformed body rather than invalid requirements. */
const WHOLE_BODY = new Set(['syntax', 'too_deep', 'too_big', 'too_many_nodes']);

const YAML_TYPES = new Set(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml']);

/** The body format named by a Content-Type header, or undefined when statewise does not read it. */
export function bodyFormat(contentType: string | undefined): BodyFormat | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type)) return 'json';
  if (YAML_TYPES.has(type)) return 'yaml';
  return undefined;
}

/** Reads the (already size-limited) body as text. */
export async function bodyText(c: Context): Promise<string> {
  return c.req.text();
}

/** JSON text → data, refusing deep nesting, too many keys and items (when `maxNodes` is given) and huge arrays before anything expensive. */
export function parseJson(text: string, maxNodes?: number): BodyResult<unknown> {
  const depth = jsonDepth(text);
  if (depth > MAX_DEPTH) return malformed(issue('too_deep', [], `body nests ${depth} levels deep; the limit is ${MAX_DEPTH}`));
  if (maxNodes !== undefined && nodeCount(text, maxNodes) > maxNodes) {
    return malformed(issue('too_many_nodes', [], `body has more than ${maxNodes} keys and list items; the limit is ${maxNodes}`, 1, 1));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const pos = at ? Number(at[1]) : text.length;
    const before = text.slice(0, pos).split('\n');
    return malformed(issue('syntax', [], `malformed JSON: ${message}`, before.length, before[before.length - 1]!.length + 1));
  }
  const big = largeArray(data);
  return big ? malformed(big) : { ok: true, value: data };
}

/** A Requirements body in either format → normalized Requirements, exactly as the CLI would read the same text. */
export function parseRequirementsBody(text: string, format: BodyFormat): BodyResult<Requirements> {
  if (format === 'yaml') {
    const parsed = parseRequirements(text);
    if (parsed.ok) return parsed;
    const syntax = parsed.issues.some((i) => WHOLE_BODY.has(i.code));
    return { ok: false, kind: syntax ? 'malformed-body' : 'invalid-requirements', issues: parsed.issues };
  }
  // The same key/item cap as for YAML, counted before JSON.parse and zod (40,000 unknown keys cost zod 40,000 issues).
  const data = parseJson(text, MAX_REQUIREMENTS_NODES);
  if (!data.ok) return data;
  return validateData(data.value);
}

/** Already-parsed data (a batch item) → Requirements. */
export function validateData(data: unknown): BodyResult<Requirements> {
  const result = validateRequirements(data);
  return result.ok ? result : { ok: false, kind: 'invalid-requirements', issues: result.issues };
}

function malformed(i: Issue): BodyResult<never> {
  return { ok: false, kind: 'malformed-body', issues: [i] };
}

/** Bracket depth outside strings, in one pass without recursion. */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) { if (++depth > max) max = depth; }
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** The first array longer than MAX_ARRAY, as an issue at its pointer (iterative: depth is already bounded). */
function largeArray(data: unknown): Issue | undefined {
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value: data, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) {
      if (value.length > MAX_ARRAY) return issue('too_big', path, `array has ${value.length} items; the limit is ${MAX_ARRAY}`);
      value.forEach((v, i) => { if (v && typeof v === 'object') stack.push({ value: v, path: [...path, i] }); });
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (v && typeof v === 'object') stack.push({ value: v, path: [...path, k] });
    }
  }
  return undefined;
}
