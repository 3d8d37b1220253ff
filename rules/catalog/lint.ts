import { issue, type Issue, type PathSegment, type Result } from '../contract/issues.ts';
import { lineAt, parseText, validate } from '../contract/parse.ts';
import { compileCondition, type CompileProblem } from './condition.ts';
import { checkRules } from './lint-checks.ts';
import { finding, type LintCode, type LintedRule, type LintFinding } from './lint-finding.ts';
import { MAX_CATALOG_FILE_NODES, type CatalogSource } from './load.ts';
import { CatalogFileSchema, RuleSchema, type Rule } from './schema.ts';
import { compileTemplate } from './template.ts';
import { CHECK_KEYS } from './load.ts';
import { LIMITS, MEASURES } from '../model/measures.ts';
import { FIGURE_GROUPS, unsourcedFigures } from '../model/profile.ts';

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
  const issues: Issue[] = [];
  const findings: LintFinding[] = [];
  const effective = new Map<string, LintedRule>();
  const disabled: { id: string; file: string; line: number }[] = [];
  for (const [sources, isCustom] of [[builtin, false], [custom, true]] as const) {
    const definedHere = new Map<string, string>();
    for (const source of sources) {
      const parsed = parseText(source.text, { maxNodes: MAX_CATALOG_FILE_NODES });
      if (!parsed.ok) { issues.push(...parsed.issues.map((i) => ({ ...i, file: source.name }))); continue; }
      const lineOf = (path: PathSegment[]) => lineAt(parsed.value, path);
      const rules = readFile(parsed.value.data, source.name, lineOf, findings);
      rules.forEach(({ rule, index }) => {
        const at: PathSegment[] = ['rules', index];
        const line = lineOf(at);
        const sound = compileProblems(rule, at).map((p) =>
          findings.push(finding(PROBLEM_CODES[p.code] ?? 'invalid_rule', source.name, lineOf(p.path), rule.id, p.message))).length === 0;
        const twin = definedHere.get(rule.id);
        if (twin) {
          findings.push(finding('duplicate_id', source.name, lineOf([...at, 'id']), rule.id, `rule id "${rule.id}" is already defined at ${twin}`));
          return;
        }
        definedHere.set(rule.id, `${source.name}:${line}`);
        const existing = effective.get(rule.id)?.rule;
        if (isCustom && existing?.kind === 'gate' && existing.invariant !== undefined) {
          findings.push(finding('protected_rule', source.name, lineOf([...at, 'id']), rule.id,
            `"${rule.id}" enforces invariant ${existing.invariant} and cannot be overridden`));
          return;
        }
        effective.set(rule.id, { rule, file: source.name, line, at, lineOf, sound });
      });
      const disable = (parsed.value.data as { disable?: unknown }).disable;
      if (Array.isArray(disable)) {
        disable.forEach((id, i) => { if (typeof id === 'string') disabled.push({ id, file: source.name, line: lineOf(['disable', i]) }); });
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  for (const d of disabled) {
    const rule = effective.get(d.id)?.rule;
    if (!rule) findings.push(finding('unknown_rule', d.file, d.line, d.id, `cannot disable "${d.id}": no such rule`));
    else if (rule.kind === 'gate' && rule.invariant !== undefined) {
      findings.push(finding('protected_rule', d.file, d.line, d.id, `"${d.id}" enforces invariant ${rule.invariant} and cannot be disabled`));
    } else effective.delete(d.id);
  }
  findings.push(...checkRules([...effective.values()]));
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
  if (rule.kind === 'risk') compileTemplate(rule.mitigation, true, true, [...at, 'mitigation'], problems);
  if (rule.kind === 'check') {
    compileTemplate(rule.mitigation, true, false, [...at, 'mitigation'], problems, extra);
    if (!MEASURES[rule.measure]) problems.push({ path: [...at, 'measure'], code: 'unknown_measure', message: `unknown measure "${rule.measure}"; measures: ${Object.keys(MEASURES).join(', ')}` });
    if (!LIMITS[rule.limit]) problems.push({ path: [...at, 'limit'], code: 'unknown_limit', message: `unknown limit "${rule.limit}"; limits: ${Object.keys(LIMITS).join(', ')}` });
  }
  return problems;
}

function byPlace(a: LintFinding, b: LintFinding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
