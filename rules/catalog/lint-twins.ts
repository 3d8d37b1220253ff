import { count } from '../contract/words.ts';
import { compileCondition } from './condition.ts';
import { finding, type LintedRule, type LintFinding } from './lint-finding.ts';
import { removesOf } from './lint-checks.ts';
import { equivalent, toDnf } from './logic.ts';
import type { Condition, Rule } from './schema.ts';
import { concreteFacts, evaluator, witness, type Point } from './witness.ts';

/**
 * Most work the pairwise comparison may do, in pairs of DNF terms checked (an `implies` costs |DNF(a)| × |DNF(¬b)|).
 * 30 rules with the same 9-way condition took 99 s before rules were grouped and identical conditions short-cut;
 * past the budget the remaining pairs are skipped and one `incomplete` finding says so.
 */
export const TWINS_BUDGET = 500_000;

/**
 * Most literal tests spent on the witness index (rules × points × literals per rule): past it, fewer points are
 * used, which only lets more pairs through to the budgeted comparison. 480 distinct 9-way rules take ~4.1 M.
 */
export const WITNESS_BUDGET = 5_000_000;

interface Prepared {
  r: LintedRule; canonical: string; index: string | undefined;
  /** Terms in the DNF of the condition and of its negation (0 when too large), for the cost of a comparison. */
  pos: number; neg: () => number;
}

/**
 * Rules of one kind with equivalent conditions: identical (a duplicate) or pulling the same score both ways.
 * Only rules of one kind reading the same facts are compared (equivalent conditions read the same facts); within such
 * a group, rules whose truth differs at one of the group's witness points (witness.ts) cannot be equivalent and are
 * not compared at all; the rest go through the decision procedure within TWINS_BUDGET. Everything per rule (its
 * canonical text, its DNF sizes, its truth at the points) is computed once, so a pair skipped costs nothing: 480
 * distinct rules took 24 s of CPU when each pair recomputed them.
 */
export function twins(rules: readonly LintedRule[]): LintFinding[] {
  const out: LintFinding[] = [];
  const groups = new Map<string, LintedRule[]>();
  for (const r of rules) {
    const reads = [...compileCondition(r.rule.when, true, true, [], []).reads].sort().join(',');
    const key = `${r.rule.kind}|${reads}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const budget = { spent: 0, skipped: 0, first: undefined as LintedRule | undefined };
  for (const group of groups.values()) {
    const prepared = prepare(group);
    for (let j = 0; j < prepared.length; j++) {
      for (let i = 0; i < j; i++) {
        const a = prepared[i]!; const b = prepared[j]!;
        if (a.canonical !== b.canonical) {
          // Both indexed and true at different points: not equivalent, nothing to compare.
          if (a.index !== undefined && b.index !== undefined && a.index !== b.index) continue;
          const cost = a.pos * b.neg() + b.pos * a.neg();
          if (budget.spent + cost > TWINS_BUDGET) { budget.skipped++; budget.first ??= b.r; continue; }
          budget.spent += cost;
          if (!equivalent(a.r.rule.when, b.r.rule.when)) continue;
        }
        out.push(...twinFindings(a.r, b.r));
      }
    }
  }
  if (budget.first) {
    const f = budget.first;
    out.push(finding('incomplete', f.file, f.line, f.rule.id,
      `${count(budget.skipped, 'pair')} of rules ${budget.skipped === 1 ? 'was' : 'were'} not compared for duplicates and contradictions: their conditions are too large to compare within the lint budget; simplify them`));
  }
  return out;
}

/** Each rule's canonical text, DNF sizes and truth at the group's witness points, computed once. */
function prepare(group: readonly LintedRule[]): Prepared[] {
  const facts = group.map((r) => concreteFacts(r.rule.when));
  const all = new Set<string>();
  for (const f of facts) if (f) for (const x of f) all.add(x);
  const indexed = group.map((_, k) => facts[k] !== undefined);
  const literals = group.reduce((n, r, k) => n + (indexed[k] ? leafCount(r.rule.when) : 0), 0);
  const maxPoints = literals === 0 ? 0 : Math.floor(WITNESS_BUDGET / literals);
  const dnfs = group.map((r) => toDnf(r.rule.when, ['when'], false));
  const points: Point[] = [];
  for (let k = 0; k < group.length && points.length < maxPoints; k++) {
    if (!indexed[k]) continue;
    const p = witness(group[k]!.rule.when, all, dnfs[k]);
    if (p) points.push(p);
  }
  return group.map((r, k) => {
    let index: string | undefined;
    if (indexed[k] && points.length > 0) {
      const holds = evaluator(r.rule.when);
      index = points.map((p) => (holds(p) ? '1' : '0')).join('');
    }
    let neg: number | undefined;
    return {
      r, canonical: canonicalJson(r.rule.when), index, pos: dnfs[k]?.length ?? 0,
      // Only pairs that reach the decision procedure need it.
      neg: () => (neg ??= toDnf(r.rule.when, ['when'], true)?.length ?? 0),
    };
  });
}

function leafCount(c: Condition | undefined): number {
  if (!c) return 1;
  if ('not' in c) return leafCount(c.not);
  if ('all' in c) return c.all.reduce((n, x) => n + leafCount(x), 0);
  if ('any' in c) return c.any.reduce((n, x) => n + leafCount(x), 0);
  return 1;
}

function effectsOf(rule: Rule): Record<string, number> | undefined {
  if (rule.kind === 'service' || rule.kind === 'placement') {
    return Object.fromEntries(Object.entries(rule.effect).filter(([, v]) => v !== undefined && v !== 0)) as Record<string, number>;
  }
  return undefined;
}

/** Key-order-independent JSON of a condition, so identical conditions are recognised without any logic. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** The finding (if any) for two rules of one kind whose conditions are equivalent. */
function twinFindings(a: LintedRule, b: LintedRule): LintFinding[] {
  const where = `"${a.rule.id}" (${a.file}:${a.line})`;
  const ea = effectsOf(a.rule); const eb = effectsOf(b.rule);
  if (ea && eb) {
    const opposed = Object.keys(eb).filter((k) => ea[k] !== undefined && Math.sign(ea[k]!) !== Math.sign(eb[k]!));
    if (opposed.length) {
      return [finding('contradictory_rules', b.file, b.line, b.rule.id, `"${b.rule.id}" has the same condition as ${where} but moves ${opposed.join(', ')} the other way: override that rule by id, or disable it, instead`)];
    }
    if (JSON.stringify(Object.entries(ea).sort()) === JSON.stringify(Object.entries(eb).sort())) {
      return [finding('duplicate_rule', b.file, b.line, b.rule.id, `"${b.rule.id}" has the same condition and effects as ${where}: one of them is redundant`)];
    }
    return [];
  }
  const same = a.rule.kind === 'gate' && b.rule.kind === 'gate'
    ? [...removesOf(a.rule)].sort().join() === [...removesOf(b.rule)].sort().join()
    : a.rule.kind === 'risk';
  return same ? [finding('duplicate_rule', b.file, b.line, b.rule.id, `"${b.rule.id}" has the same condition as ${where} and does the same`)] : [];
}
