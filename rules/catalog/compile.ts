import type { PathSegment } from '../contract/issues.ts';
import { STORES, type Store } from '../contract/recommendation.ts';
import { LIMITS, MEASURES } from '../model/measures.ts';
import { STORE_INDEX } from '../model/stores.ts';
import { quoteFigure } from '../model/format.ts';
import type { CheckQuote, CompiledRule } from './compiled.ts';
import { compileCondition, type CompileProblem } from './condition.ts';
import type { Rule } from './schema.ts';
import { compileTemplate, type ExtraKeys } from './template.ts';
import { compileMitigation } from './mitigation.ts';

export const CHECK_KEYS: ExtraKeys = {
  store: (x: CheckQuote) => x.store,
  technology: (x: CheckQuote) => x.technology,
  value: (x: CheckQuote) => quoteFigure(x.value, x.limit),
  limit: (x: CheckQuote) => quoteFigure(x.limit, x.value),
  unit: (x: CheckQuote) => x.unit,
  measure: (x: CheckQuote) => x.measure,
  bound: (x: CheckQuote) => x.bound,
  cmp: (x: CheckQuote) => (x.value <= x.limit ? '≤' : '>'),
};

/** One rule as written → its compiled form; problems (unknown facts, measures, template keys) go to `problems`. */
export function compileRule(rule: Rule, file: string, line: number, at: PathSegment[], problems: CompileProblem[]): CompiledRule {
  const item = rule.kind !== 'service';
  const plan = rule.kind === 'risk';
  const cond = compileCondition(rule.when, item, plan, [...at, 'when'], problems);
  const because = compileTemplate(rule.because, item, plan, [...at, 'because'], problems, rule.kind === 'check' ? CHECK_KEYS : undefined);
  const base = { id: rule.id, title: rule.title, source: rule.source, file, line, rule, test: cond.test, reads: cond.reads, because: because.render };
  switch (rule.kind) {
    case 'service':
      return { ...base, kind: 'service', effect: { stateless: rule.effect.stateless ?? 0, stateful: rule.effect.stateful ?? 0, hybrid: rule.effect.hybrid ?? 0 } };
    case 'placement':
      return { ...base, kind: 'placement', effect: STORES.filter((s) => rule.effect[s] !== undefined).map((s) => [s, rule.effect[s]!] as [Store, number]) };
    case 'gate': {
      const removes = rule.remove ?? STORES.filter((s) => !rule.keep!.includes(s));
      return { ...base, kind: 'gate', removes: new Set(removes), invariant: rule.invariant };
    }
    case 'risk':
      return { ...base, kind: 'risk', severity: rule.severity, mitigation: compileMitigation(rule.mitigation, true, [...at, 'mitigation'], problems) };
    case 'check': {
      const measure = MEASURES[rule.measure];
      const limit = LIMITS[rule.limit];
      if (!measure) problems.push({ path: [...at, 'measure'], code: 'unknown_measure', message: `unknown measure "${rule.measure}"; measures: ${Object.keys(MEASURES).join(', ')}` });
      if (!limit) problems.push({ path: [...at, 'limit'], code: 'unknown_limit', message: `unknown limit "${rule.limit}"; limits: ${Object.keys(LIMITS).join(', ')}` });
      let storeMask = 0;
      for (const s of rule.stores) storeMask |= 1 << STORE_INDEX[s];
      return {
        ...base, kind: 'check', measure: measure ?? MEASURES['valueKb']!, limit: limit ?? LIMITS['zero']!,
        measureName: rule.measure, limitName: rule.limit, unit: (measure ?? MEASURES['valueKb']!).unit,
        inputs: new Set([...(measure?.inputs ?? []), ...(limit?.inputs ?? [])]),
        stores: new Set(rule.stores), storeMask,
        mitigation: compileMitigation(rule.mitigation, false, [...at, 'mitigation'], problems, CHECK_KEYS),
      };
    }
  }
}
