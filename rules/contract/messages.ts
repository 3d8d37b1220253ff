import type { z } from 'zod';

/**
 * statewise's one voice: every message a person reads is written here or next to the code that finds the problem,
 * from data carried in the issue — never a library's default text. zod's messages are replaced by `statewiseError`
 * (passed to every safeParse through `validate`); YAML's by `syntaxProblems` (syntax.ts).
 */

/** Every issue code the core and the adapters report: a closed set, so clients can switch on it. */
export const ISSUE_CODES = [
  // Reading text: YAML/JSON syntax and the size limits checked before parsing.
  'syntax', 'too_big', 'too_deep', 'too_many_nodes',
  // The contract: zod checks, in statewise's words.
  'invalid_type', 'invalid_value', 'invalid_format', 'too_small', 'unknown_field', 'duplicate_name', 'control_character',
  // Catalogues: merging layers and compiling rules.
  'duplicate_id', 'protected_rule', 'unknown_rule', 'too_many_rules', 'missing_prices', 'missing_profile',
  'unknown_fact', 'wrong_scope', 'wrong_phase', 'bad_value', 'unknown_placeholder', 'unknown_measure', 'unknown_limit',
  // Design reviews.
  'no_front_matter', 'missing_review', 'review_drift', 'review_provenance', 'review_source_missing',
  // Files and folders (adapters).
  'unreadable', 'not_a_directory', 'not_a_file', 'too_many_files',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** The issue code a zod issue becomes; a refinement names its own with `params: { code }`. */
export function codeOfZod(i: z.core.$ZodIssue): IssueCode {
  switch (i.code) {
    case 'invalid_type': case 'too_small': case 'too_big': case 'invalid_format': return i.code;
    case 'unrecognized_keys': return 'unknown_field';
    case 'custom': {
      const named = (i.params as { code?: unknown } | undefined)?.code;
      return typeof named === 'string' && (ISSUE_CODES as readonly string[]).includes(named) ? named as IssueCode : 'invalid_value';
    }
    default: return 'invalid_value';
  }
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number', int: 'a whole number', string: 'text', boolean: 'true or false', object: 'a map of fields',
  array: 'a list', null: 'null', undefined: 'nothing', bigint: 'a number', date: 'a date', nan: 'a number',
};

/**
 * Unknown input quoted in a message: at most 40 characters, JSON-escaped, so a key that is a whole line of some
 * other file (a symlinked secret, say) is never echoed in full, and no control character reaches a terminal.
 */
export function excerpt(text: string): string {
  const cut = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(cut).replace(/[\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What a value is, in words: `a list`, `"lots"` (text is quoted), `null`… */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return excerpt(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return Number.isNaN(value) ? 'not a number (NaN)' : Number.isInteger(value) ? 'a whole number' : 'a number';
  return TYPE_NAMES[typeof value] ?? typeof value;
}

const num = (n: number | bigint) => String(n);
const items = (n: number | bigint) => `${num(n)} ${Number(n) === 1 ? 'item' : 'items'}`;
const chars = (n: number | bigint) => `${num(n)} ${Number(n) === 1 ? 'character' : 'characters'}`;

/**
 * zod error map in statewise's words, from the data each issue carries (expected type, bound, format, input).
 * A schema's own message (`.regex(re, 'must be a date YYYY-MM-DD')`) still wins: it is statewise's too.
 * @example RequirementsSchema.safeParse(data, { error: statewiseError })
 */
export const statewiseError: z.core.$ZodErrorMap = (i) => {
  switch (i.code) {
    case 'invalid_type': {
      if (i.input === undefined) return 'is required';
      const expected = TYPE_NAMES[i.expected] ?? i.expected;
      return `must be ${expected}, not ${kindOf(i.input)}`;
    }
    case 'too_small':
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? 'must not be empty' : `must be at least ${chars(i.minimum)} long`;
      if (i.origin === 'array' || i.origin === 'set') return `must hold at least ${items(i.minimum)}`;
      return i.inclusive === false ? `must be greater than ${num(i.minimum)}` : `must be at least ${num(i.minimum)}`;
    case 'too_big':
      if (i.origin === 'string') return `is ${typeof i.input === 'string' ? `${chars(i.input.length)} long` : 'too long'}; the limit is ${chars(i.maximum)}`;
      if (i.origin === 'array' || i.origin === 'set') {
        return Array.isArray(i.input) ? `holds ${items(i.input.length)}; the limit is ${num(i.maximum)}` : `must hold at most ${items(i.maximum)}`;
      }
      return i.inclusive === false ? `must be less than ${num(i.maximum)}` : `must be at most ${num(i.maximum)}`;
    case 'invalid_format':
      return i.format === 'regex' && i.pattern ? `must match ${i.pattern}` : `must be a valid ${i.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${num(i.divisor)}`;
    case 'invalid_value':
      return i.values.length === 1 ? `must be ${JSON.stringify(i.values[0])}` : `must be one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field${i.keys.length === 1 ? '' : 's'} ${i.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union':
      return 'does not match any of the accepted forms';
    case 'invalid_key':
      return 'has a key that is not allowed';
    case 'invalid_element':
      return 'holds an entry that is not allowed';
    default:
      return 'is not valid';
  }
};

/**
 * Text zod writes when no error map is given: a test walks every issue code through the CLI, HTTP and the editor
 * and checks that none of these reaches a person.
 */
export const ZOD_DEFAULT_TEXT = /Invalid input|Too (small|big):|expected .* to (be|have)|Unrecognized key|received (string|number|undefined|object|array|boolean)|Invalid (string|option|element|key|union)/;
