import { VERDICTS, type Factor, type Scores, type Verdict } from '../contract/recommendation.ts';
import type { Catalog } from '../catalog/compiled.ts';
import type { EvalContext } from '../model/context.ts';
import type { Plan } from './plans.ts';
import { cmp, zeros, type Fired, type Reuse } from './placement.ts';

/** Every architecture starts here; fired rules and the plan fit move it. */
export const SCORE_BASE = 50;
export const PLAN_FIT_RULE = 'plan.fit';

export interface Scored {
  verdict: Verdict;
  scores: Scores;
  confidence: number;
  factors: Factor[];
}

/** What ranking needs of a plan: whether it is possible and how it moves its architecture's score. */
export interface PlanFit { feasible: boolean; possible: boolean; fit: number; failures: number; violation: number }
type Sums = Record<Verdict, number>;

/**
 * Which service rules hold: 1 per rule in catalogue order. With `reuse`, only rules the varied input can reach are
 * tested; the others keep the base answer.
 */
export function serviceFired(catalog: Catalog, ctx: EvalContext, reuse?: Reuse): Fired {
  const rules = catalog.service;
  const fired = zeros(rules.length);
  for (let r = 0; r < rules.length; r++) {
    const holds = reuse && reuse.affected[r] === 0 ? reuse.fired[r] === 1 : rules[r]!.test(ctx, undefined, undefined);
    if (holds) fired[r] = 1;
  }
  return fired;
}

/** The base plus every fired rule's effect (in catalogue order) plus the plan fit: unclamped sums per architecture. */
function sumsOf(catalog: Catalog, fired: Fired, plans: Record<Verdict, PlanFit>): Sums {
  const sums = { stateless: SCORE_BASE, stateful: SCORE_BASE, hybrid: SCORE_BASE };
  for (let r = 0; r < fired.length; r++) {
    if (!fired[r]) continue;
    const { effect } = catalog.service[r]!;
    sums.stateless += effect.stateless;
    sums.stateful += effect.stateful;
    sums.hybrid += effect.hybrid;
  }
  sums.stateless += plans.stateless.fit;
  sums.stateful += plans.stateful.fit;
  sums.hybrid += plans.hybrid.fit;
  return sums;
}

/**
 * The verdict is the feasible architecture with the highest unclamped sum; ties go to the simpler architecture:
 * stateless, then hybrid, then stateful. Ranking on the unclamped sums: two architectures that both clear 100 are
 * not a tie, and treating them as one would let a change that favours the leader flip the verdict to the runner-up.
 */
function rank(sums: Sums, plans: Record<Verdict, PlanFit>): { verdict: Verdict; runnerUp: Verdict } {
  const verdict = leader(sums, (v) => plans[v].feasible) ?? leastFailing(sums, plans) ?? leader(sums, () => true)!;
  return { verdict, runnerUp: leader(sums, (v) => v !== verdict)! };
}

/**
 * When no plan passes every check, the answer is the possible plan that fails least: fewest failing placements,
 * then the smallest violation (sum of ln(value ÷ limit)), then the weights.
 */
function leastFailing(sums: Sums, plans: Record<Verdict, PlanFit>): Verdict | undefined {
  let best: Verdict | undefined;
  for (const v of TIE_ORDER) {
    const p = plans[v];
    if (!p.possible) continue;
    if (best === undefined) { best = v; continue; }
    const b = plans[best];
    const better = p.failures !== b.failures ? p.failures < b.failures
      : Math.abs(p.violation - b.violation) > 1e-9 ? p.violation < b.violation : sums[v] > sums[best];
    if (better) best = v;
  }
  return best;
}

/** The highest sum among the architectures `eligible` admits, ties to the earlier in TIE_ORDER (a loop, no sort). */
function leader(sums: Sums, eligible: (v: Verdict) => boolean): Verdict | undefined {
  let best: Verdict | undefined;
  for (const v of TIE_ORDER) if (eligible(v) && (best === undefined || sums[v] > sums[best])) best = v;
  return best;
}

/** Just the verdict, for the tipping-point search: the same sums and ranking as `score`, without any sentence. */
export function verdictOf(catalog: Catalog, fired: Fired, plans: Record<Verdict, PlanFit>): Verdict {
  return rank(sumsOf(catalog, fired, plans), plans).verdict;
}

/**
 * Service-level factors plus the plan-fit factor; each score is the base plus the listed effects, clamped to 0..100
 * (invariant 9).
 */
export function score(
  catalog: Catalog, ctx: EvalContext, plans: Record<Verdict, Plan>, explain = true, fired = serviceFired(catalog, ctx),
): Scored {
  const sums = sumsOf(catalog, fired, plans);
  const factors: Factor[] = [];
  if (explain) {
    catalog.service.forEach((rule, r) => {
      if (fired[r]) factors.push({ rule: rule.id, title: rule.title, effect: { ...rule.effect }, because: rule.because(ctx, undefined, undefined) });
    });
    factors.push({
      rule: PLAN_FIT_RULE,
      title: 'How well each architecture can place the state items',
      effect: { stateless: plans.stateless.fit, stateful: plans.stateful.fit, hybrid: plans.hybrid.fit },
      because: VERDICTS.map((v) => planBecause(plans[v])).join('; '),
    });
  }
  const scores: Scores = { stateless: clamp(sums.stateless), stateful: clamp(sums.stateful), hybrid: clamp(sums.hybrid) };
  const { verdict, runnerUp } = rank(sums, plans);
  const margin = sums[verdict] - sums[runnerUp];
  factors.sort((a, b) => strength(b) - strength(a) || cmp(a.rule, b.rule));
  return { verdict, scores, confidence: confidenceOf(margin), factors };
}

const TIE_ORDER: readonly Verdict[] = ['stateless', 'hybrid', 'stateful'];

function planBecause(p: Plan): string {
  if (!p.possible) return `${p.arch} is not possible: ${p.note}`;
  if (!p.feasible) return `${p.arch} is not feasible: ${p.note}`;
  return `${p.arch} ${p.note}, mean placement score ${p.meanScore} (fit ${p.fit >= 0 ? '+' : ''}${p.fit})`;
}

function strength(f: Factor): number {
  return Math.abs(f.effect.stateless) + Math.abs(f.effect.stateful) + Math.abs(f.effect.hybrid);
}

function clamp(n: number): number {
  return Math.max(0, Math.min(100, n));
}

/** A 20-point lead is near certainty; a tie is a coin toss. */
export function confidenceOf(margin: number): number {
  return Math.round(Math.min(0.99, 0.5 + Math.max(0, margin) / 40) * 100) / 100;
}
