import type { SchemaPath } from './yaml-place.ts';

/** The parts of a JSON Schema (as `z.toJSONSchema` writes it) that hover and completion read. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  anyOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

/** One completion, without the vscode types. */
export interface CompletionSpec {
  label: string;
  kind: 'field' | 'value';
  /** What is inserted (`sizeKb: ` for a field, the value itself for a value). */
  insertText: string;
  detail: string;
  documentation: string;
}

/** The sub-schema for a path: properties for names, items for indices; undefined when the schema has no such field. */
export function schemaAt(root: JsonSchema, path: SchemaPath): JsonSchema | undefined {
  let at: JsonSchema | undefined = resolve(root, root);
  for (const segment of path) {
    if (!at) return undefined;
    at = resolve(root, typeof segment === 'number' ? at.items : at.properties?.[segment]);
  }
  return at;
}

function resolve(root: JsonSchema, s: JsonSchema | undefined): JsonSchema | undefined {
  let at = s;
  for (let i = 0; at && i < 8; i++) {
    if (at.$ref?.startsWith('#/$defs/')) at = root.$defs?.[at.$ref.slice('#/$defs/'.length)];
    else if (at.anyOf && !at.properties && !at.enum) at = at.anyOf.find((a) => a.type !== 'null') ?? at.anyOf[0];
    else break;
  }
  return at;
}

/** `number ≥ 0 ≤ 100000000`, `one of none · request`, `object`: the short type line of a field. */
export function typeLine(s: JsonSchema): string {
  if (s.const !== undefined) return `always ${JSON.stringify(s.const)}`;
  if (s.enum) return `one of ${s.enum.map(String).join(' · ')}`;
  if (s.type === 'array' && s.items?.enum) return `list of ${s.items.enum.map(String).join(' · ')}`;
  const type = Array.isArray(s.type) ? s.type.join(' | ') : s.type ?? 'any';
  const bounds = [
    s.minimum !== undefined ? `≥ ${s.minimum}` : '', s.exclusiveMinimum !== undefined ? `> ${s.exclusiveMinimum}` : '',
    s.maximum !== undefined ? `≤ ${s.maximum}` : '', s.exclusiveMaximum !== undefined ? `< ${s.exclusiveMaximum}` : '',
  ].filter(Boolean);
  return [type, ...bounds].join(' ');
}

/** The Markdown a hover shows for a field: name, type line, the schema's description, and the default. */
export function fieldDoc(name: string, s: JsonSchema, required = false): string {
  const lines = [`**${name}** — ${typeLine(s)}${required ? ' (required)' : ''}`];
  if (s.description) lines.push('', s.description);
  if (s.default !== undefined && !(typeof s.default === 'object' && s.default && Object.keys(s.default).length === 0)) {
    lines.push('', `Default: \`${JSON.stringify(s.default)}\``);
  }
  return lines.join('\n');
}

/** The hover for a path, or undefined when the schema does not know the field (its diagnostic says so). */
export function hoverAt(root: JsonSchema, path: SchemaPath): string | undefined {
  const name = [...path].reverse().find((p): p is string => typeof p === 'string');
  const s = schemaAt(root, path);
  if (!s || name === undefined) return undefined;
  const parent = schemaAt(root, path.slice(0, path.lastIndexOf(name)));
  return fieldDoc(name, s, parent?.required?.includes(name) ?? false);
}

/** Field names for a key position (minus those already present) or allowed values for a value position. */
export function completionsAt(root: JsonSchema, place: { path: SchemaPath; role: 'key' | 'value'; siblings: readonly string[] }): CompletionSpec[] {
  if (place.role === 'key') {
    const parent = schemaAt(root, place.path.slice(0, -1));
    const present = new Set(place.siblings);
    return Object.entries(parent?.properties ?? {})
      .filter(([name]) => !present.has(name))
      .map(([name, raw]) => {
        const s = resolve(root, raw) ?? raw;
        const nested = s.type === 'object' || s.type === 'array';
        return { label: name, kind: 'field', insertText: nested ? `${name}:` : `${name}: `, detail: typeLine(s), documentation: fieldDoc(name, s, parent?.required?.includes(name) ?? false) };
      });
  }
  const s = schemaAt(root, place.path);
  if (!s) return [];
  const values = s.enum ?? (s.const !== undefined ? [s.const] : s.type === 'boolean' ? [true, false] : []);
  const field = [...place.path].reverse().find((p): p is string => typeof p === 'string') ?? '';
  return values.map((v) => ({
    label: String(v), kind: 'value', insertText: String(v),
    detail: s.default === v ? `${field} (default)` : field,
    documentation: s.description ?? '',
  }));
}

/** Validation keywords VS Code's JSON (and Red Hat's YAML) checker would report on; see hintsSchema. */
const VALIDATION = new Set(['type', 'enum', 'const', 'required', 'additionalProperties', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'format']);

/**
 * The schema handed to VS Code's JSON language service (and to Red Hat YAML when installed): descriptions, defaults
 * and the allowed values as `examples` — so hover and completion work — but no validation keyword. statewise's own
 * diagnostics are the only ones: they carry the same wording as the CLI, the core's "did you mean" (with a quick fix)
 * and the rules a JSON Schema cannot say (duplicate state names, control characters); with both checkers active every
 * problem was reported twice, once less precisely.
 */
export function hintsSchema(schema: JsonSchema): Record<string, unknown> {
  const walk = (s: unknown): unknown => {
    if (Array.isArray(s)) return s.map(walk);
    if (!s || typeof s !== 'object') return s;
    const out: Record<string, unknown> = {};
    const o = s as Record<string, unknown>;
    for (const [k, v] of Object.entries(o)) {
      if (VALIDATION.has(k)) continue;
      out[k] = k === 'properties' || k === '$defs' ? Object.fromEntries(Object.entries(v as object).map(([n, x]) => [n, walk(x)])) : walk(v);
    }
    const values = Array.isArray(o.enum) ? o.enum : o.const !== undefined ? [o.const] : o.type === 'boolean' ? [true, false] : undefined;
    if (values) out.examples = values;
    return out;
  };
  return walk(schema) as Record<string, unknown>;
}
