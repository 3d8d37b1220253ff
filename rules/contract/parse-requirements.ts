import { issue, type Issue, type PathSegment, type Result } from './issues.ts';
import { RequirementsSchema, type Requirements } from './requirements.ts';
import { normalize } from './normalize.ts';
import { locateIssues } from './locate.ts';
import { validate } from './validate.ts';
import { parseText, type ParseOptions } from './yaml-text.ts';

/** Requirements documents: text or parsed data → normalized Requirements, or located issues. */

/**
 * Keys and items a requirements document may hold: the largest valid one (200 state items, 100 accepted risks,
 * every field spelled out) has about 3,000.
 */
export const MAX_REQUIREMENTS_NODES = 10_000;
/** C0 control characters other than tab and newline (and DEL): never meaningful in free text. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;

/**
 * Parses a requirements document (YAML, or JSON, which is YAML 1.2) into normalized Requirements,
 * or issues that carry the line and column of the offending field.
 * @example parseRequirements('service: a\ntraffic: { peakRps: 10 }').ok === true
 */
export function parseRequirements(text: string, options: ParseOptions = {}): Result<Requirements> {
  const parsed = parseText(text, { maxNodes: MAX_REQUIREMENTS_NODES, ...options });
  if (!parsed.ok) return parsed;
  const result = validateRequirements(parsed.value.data);
  if (result.ok) return result;
  return { ok: false, issues: locateIssues(result.issues, parsed.value) };
}

/** Validates already-parsed data (an HTTP JSON body, a batch item) against the contract and normalizes it. */
export function validateRequirements(data: unknown): Result<Requirements> {
  const result = validate(RequirementsSchema, data);
  if (!result.ok) return result;
  const control = controlCharacters(result.value);
  if (control.length) return { ok: false, issues: control };
  return { ok: true, value: normalize(result.value, data) };
}

/**
 * Free text (description, decision makers, accepted-risk reasons and ids) must not carry C0 control characters
 * other than tab and newline: NUL, ESC (terminal escapes), bell… only ever arrive to cause harm downstream.
 */
function controlCharacters(req: Requirements): Issue[] {
  const texts: [PathSegment[], string | undefined][] = [
    [['description'], req.description],
    ...(req.decisionMakers ?? []).map((d, i): [PathSegment[], string] => [['decisionMakers', i], d]),
    ...(req.accept ?? []).flatMap((a, i): [PathSegment[], string][] => [[['accept', i, 'risk'], a.risk], [['accept', i, 'reason'], a.reason]]),
  ];
  const out: Issue[] = [];
  for (const [path, text] of texts) {
    const m = text === undefined ? null : CONTROL.exec(text);
    if (m) {
      const hex = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      out.push(issue('control_character', path, `contains the control character U+${hex} at position ${m.index + 1}; only tab and newline are allowed`));
    }
  }
  return out;
}
