import type { PathSegment, Result } from '../contract/issues.ts';
import { validate } from '../contract/validate.ts';
import { mergeSources } from './merge.ts';
import { compileCondition, type CompileProblem } from './condition.ts';
import { checkRules } from './lint-checks.ts';
import { twins } from './lint-twins.ts';
import { finding, type LintCode, type LintedRule, type LintFinding } from './lint-finding.ts';
import type { CatalogSource } from './catalog-file.ts';
import { CatalogFileSchema, RuleSchema, type Rule } from './schema.ts';
import { compileTemplate } from './template.ts';
import { CHECK_KEYS } from './compile.ts';
import { LIMITS, MEASURES } from '../model/measures.ts';
import { FIGURE_GROUPS, unsourcedFigures } from '../model/profile.ts';
import { compileMitigation } from './mitigation.ts';

export { LINT_CODES, type LintCode, type LintFinding, type LintedRule } from './lint-finding.ts';

/**
 * `statewise rules lint`: static analysis of a catalogue. Unlike `loadCatalog`, which refuses a broken catalogue,
 * lint reads every file it can, reports every problem as a finding with file and line, and goes on to the checks
 * a loader cannot make: impossible conditions, rules a gate makes dead, duplicates and contradictions, `because`
 * templates quoting facts the rule does not read, missing sources and invariant-8 monotonicity.
 */
const PROBLEM_CODES: Record<string, LintCode> = {
  unknown_fact: 'unknown_fact', wrong_scope: 'wrong_scope', wrong_phase: 'wrong_phase', bad_value: 'wrong_type',
  unknown_placeholder: 'unknown_placeholder', unknown_measure: 'unknown_figure', unknown_limit: 'unknown_figure',
};

/**
 * Lints the built-in catalogue with optional custom files layered on top (overrides by id, `disable`), the way
 * `loadCatalog` would merge them. Fails only on text that is not YAML at all; everything else is a finding.
 * @example lintCatalog(BUILTIN_CATALOG).value // [] — the built-in catalogue lints clean
 */
export function lintCatalog(builtin: readonly CatalogSource[], custom: readonly CatalogSource[] = []): Result<LintFinding[]> {
  const findings: LintFinding[] = [];
  /** Whether each rule as written compiles, by file and index: semantic checks only make sense for sound rules. */
  const sound = new Map<string, boolean>();
  const merged = mergeSources(builtin, custom, ({ source, parsed, lineOf }) => {
    const rules = readFile(parsed.data, source.name, lineOf, findings);
    for (const { rule, index } of rules) {
      const problems = compileProblems(rule, ['rules', index]);
      for (const p of problems) findings.push(finding(PROBLEM_CODES[p.code] ?? 'invalid_rule', source.name, lineOf(p.path), rule.id, p.message));
      sound.set(`${source.name}\n${index}`, problems.length === 0);
    }
    const disable = (parsed.data as { disable?: unknown } | null)?.disable;
    return { rules, disable: Array.isArray(disable) ? disable : [] };
  });
  if (merged.unreadable.length > 0) return { ok: false, issues: merged.unreadable };
  for (const p of merged.problems) findings.push(finding(p.code === 'too_many_rules' ? 'invalid_file' : p.code, p.file, p.line, p.rule, p.message));
  const effective: LintedRule[] = [...merged.rules.values()].map((m) => ({
    rule: m.rule, file: m.file, line: m.line, at: m.at, lineOf: m.lineOf, sound: sound.get(`${m.file}\n${m.at[1]}`) ?? false,
  }));
  findings.push(...checkRules(effective), ...twins(effective.filter((r) => r.sound)));
  return { ok: true, value: findings.sort(byPlace) };
}

/** Validates the file's shape and each rule on its own, so one bad rule does not hide the others' findings. */
function readFile(
  data: unknown, file: string, lineOf: (p: PathSegment[]) => number, findings: LintFinding[],
): { rule: Rule; index: number }[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    findings.push(finding('invalid_file', file, 1, '', 'a catalogue file is a map with `rules:` (and optionally `version:` and `disable:`)'));
    return [];
  }
  const { rules, ...rest } = data as Record<string, unknown>;
  const shape = validate(CatalogFileSchema, rest);
  if (!shape.ok) {
    for (const i of shape.issues) findings.push(finding('invalid_file', file, lineOf(i.path), '', `${i.path.join('.')}: ${i.message}`));
  } else {
    shape.value.profiles.forEach((p, i) => {
      for (const field of unsourcedFigures(p)) {
        findings.push(finding('missing_source', file, lineOf(['profiles', i, field]), `${p.technology}@${p.store}`,
          `profile ${p.technology} (${p.store}) gives ${field} without a source: add sources.${field} (or one for its group: ${FIGURE_GROUPS.find((g) => g.includes(field))!.join(', ')})`));
      }
    });
  }
  if (rules === undefined || rules === null) return [];
  if (!Array.isArray(rules)) {
    findings.push(finding('invalid_file', file, lineOf(['rules']), '', '`rules` must be a list of rules'));
    return [];
  }
  const out: { rule: Rule; index: number }[] = [];
  rules.forEach((raw, index) => {
    const parsed = validate(RuleSchema, raw);
    if (parsed.ok) { out.push({ rule: parsed.value, index }); return; }
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : `rules[${index}]`;
    for (const i of parsed.issues) {
      const path: PathSegment[] = ['rules', index, ...i.path];
      findings.push(finding('invalid_rule', file, lineOf(path), id, `${i.path.length ? i.path.join('.') + ': ' : ''}${i.message}`));
    }
  });
  return out;
}

/** The problems the loader would refuse the rule for (unknown facts, values of the wrong type, unknown placeholders). */
function compileProblems(rule: Rule, at: PathSegment[]): CompileProblem[] {
  const problems: CompileProblem[] = [];
  const item = rule.kind !== 'service';
  const plan = rule.kind === 'risk';
  compileCondition(rule.when, item, plan, [...at, 'when'], problems);
  const extra = rule.kind === 'check' ? CHECK_KEYS : undefined;
  compileTemplate(rule.because, item, plan, [...at, 'because'], problems, extra);
  if (rule.kind === 'risk') compileMitigation(rule.mitigation, true, [...at, 'mitigation'], problems);
  if (rule.kind === 'check') {
    compileMitigation(rule.mitigation, false, [...at, 'mitigation'], problems, extra);
    if (!MEASURES[rule.measure]) problems.push({ path: [...at, 'measure'], code: 'unknown_measure', message: `unknown measure "${rule.measure}"; measures: ${Object.keys(MEASURES).join(', ')}` });
    if (!LIMITS[rule.limit]) problems.push({ path: [...at, 'limit'], code: 'unknown_limit', message: `unknown limit "${rule.limit}"; limits: ${Object.keys(LIMITS).join(', ')}` });
  }
  return problems;
}

function byPlace(a: LintFinding, b: LintFinding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
