import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Log } from 'sarif';

// ajv-draft-04 is CommonJS with `exports.default = Ajv`: required, its class is `.default`.
type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
const Ajv = (createRequire(import.meta.url)('ajv-draft-04') as { default: new (options: object) => { compile(schema: object): Validate } }).default;

const schema = JSON.parse(readFileSync(new URL('./sarif/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8')) as object;
// The schema uses draft-04 and a few `format`s (uri, date-time) that ajv checks only with ajv-formats: unknown
// formats are ignored, every structural rule (required properties, enums, minimums, additionalProperties) is checked.
// unicodeRegExp off: the schema's language-tag pattern is not valid in unicode mode (it is in the plain mode the
// schema was written for).
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
const validate = ajv.compile(schema);

/** The schema errors of `log` against SARIF 2.1.0 (empty when it is valid). */
export function sarifErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** Parses CLI stdout as a SARIF log. */
export function sarifOf(text: string): Log {
  return JSON.parse(text) as Log;
}
