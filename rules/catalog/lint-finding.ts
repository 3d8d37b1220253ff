import type { PathSegment } from '../contract/issues.ts';
import type { Rule } from './schema.ts';

/** Lint finding codes and their severity: errors break the catalogue's meaning, warnings make it harder to trust. */
export const LINT_CODES = {
  invalid_file: 'error', invalid_rule: 'error', unknown_fact: 'error', wrong_scope: 'error', wrong_phase: 'error',
  wrong_type: 'error', unknown_placeholder: 'error', duplicate_id: 'error', protected_rule: 'error', unknown_rule: 'error',
  impossible_condition: 'error', non_monotonic: 'error', contradictory_rules: 'error', gated_out: 'warning',
  duplicate_rule: 'warning', unread_quote: 'warning', missing_source: 'warning', incomplete: 'warning',
  unknown_figure: 'error',
} as const;
export type LintCode = keyof typeof LINT_CODES;

export interface LintFinding {
  code: LintCode;
  severity: 'error' | 'warning';
  file: string;
  line: number;
  /** The rule's id (or `rules[N]` when it has none), empty for file-level findings. */
  rule: string;
  message: string;
}

/** A rule as lint sees it: as written, with where it was written. */
export interface LintedRule {
  rule: Rule;
  file: string;
  line: number;
  /** Where it sits in its file, so a check can name the line of the exact node it is about. */
  at: PathSegment[];
  lineOf: (path: PathSegment[]) => number;
  /** Compiles cleanly: semantic checks only make sense then. */
  sound: boolean;
}

export function finding(code: LintCode, file: string, line: number, rule: string, message: string): LintFinding {
  return { code, severity: LINT_CODES[code], file, line, rule, message };
}

