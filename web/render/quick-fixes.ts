import type { Issue } from '../../rules/index.ts';
import { toDiagnosticSpecs, type ZeroRange } from './issue-ranges.ts';

/** One quick fix, without the vscode types: replace `range` (the diagnostic's range) with `newText`. */
export interface FixSpec {
  title: string;
  range: ZeroRange;
  newText: string;
  /** The issue code of the diagnostic it fixes (`unknown_field`, `invalid_value`). */
  code: string;
}

/**
 * Quick fixes from the core's "did you mean": an unknown field or a value outside an enum whose issue carries a
 * `suggestion` is replaced by it, at the exact range of its diagnostic (so the fix is offered on that squiggle).
 * Quoting is kept: `"sesion"` in JSON becomes `"session"`, a plain YAML scalar stays plain.
 * @example suggestionFixes('context:\n  memory: sesion\n', issues)[0] → { title: 'Change "sesion" to "session"', newText: 'session', … }
 */
export function suggestionFixes(text: string, issues: readonly Issue[]): FixSpec[] {
  const lines = text.split(/\r?\n/);
  const specs = toDiagnosticSpecs(text, issues);
  const out: FixSpec[] = [];
  issues.forEach((issue, i) => {
    const range = specs[i]!.range;
    if (issue.suggestion === undefined || range.startLine !== range.endLine) return;
    const old = lines[range.startLine]!.slice(range.startCharacter, range.endCharacter);
    const quote = old[0] === '"' || old[0] === "'" ? old[0] : '';
    const newText = quote === '"' ? JSON.stringify(issue.suggestion) : `${quote}${issue.suggestion}${quote}`;
    if (newText === old) return;
    out.push({ title: `Change ${JSON.stringify(unquote(old))} to ${JSON.stringify(issue.suggestion)}`, range, newText, code: issue.code });
  });
  return out;
}

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}
