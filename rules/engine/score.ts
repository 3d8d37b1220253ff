import { VERDICTS, type Factor, type Scores, type Verdict } from '../contract/recommendation.ts';
import type { Catalog } from '../catalog/load.ts';
import type { EvalContext } from './context.ts';
import type { Plan } from './plans.ts';
import { cmp } from './placement.ts';

/** Every architecture starts here; fired rules and the plan fit move it. */
export const SCORE_BASE = 50;
export const PLAN_FIT_RULE = 'plan.fit';

export interface Scored {
  verdict: Verdict;
  scores: Scores;
  confidence: number;
  factors: Factor[];
}

/**
 * Service-level factors plus the plan-fit factor; each score is the base plus the listed effects, clamped to 0..100
 * (invariant 9). The verdict is the feasible architecture with the highest unclamped sum; ties go to the simpler
 * architecture: stateless, then hybrid, then stateful.
 */
export function score(catalog: Catalog, ctx: EvalContext, plans: Record<Verdict, Plan>, explain = true): Scored {
  const factors: Factor[] = [];
  const sums = { stateless: SCORE_BASE, stateful: SCORE_BASE, hybrid: SCORE_BASE };
  for (const rule of catalog.service) {
    if (!rule.test(ctx, undefined, undefined)) continue;
    sums.stateless += rule.effect.stateless;
    sums.stateful += rule.effect.stateful;
    sums.hybrid += rule.effect.hybrid;
    if (explain) factors.push({ rule: rule.id, title: rule.title, effect: { ...rule.effect }, because: rule.because(ctx, undefined, undefined) });
  }
  const fit = { stateless: plans.stateless.fit, stateful: plans.stateful.fit, hybrid: plans.hybrid.fit };
  sums.stateless += fit.stateless;
  sums.stateful += fit.stateful;
  sums.hybrid += fit.hybrid;
  if (explain) {
    factors.push({
      rule: PLAN_FIT_RULE,
      title: 'How well each architecture can place the state items',
      effect: fit,
      because: VERDICTS.map((v) => planBecause(plans[v])).join('; '),
    });
  }
  const scores: Scores = { stateless: clamp(sums.stateless), stateful: clamp(sums.stateful), hybrid: clamp(sums.hybrid) };
  // Rank on the unclamped sums: two architectures that both clear 100 are not a tie, and treating them as one
  // would let a change that favours the leader flip the verdict to the runner-up.
  const ranked = [...TIE_ORDER].sort((a, b) => sums[b] - sums[a] || TIE_ORDER.indexOf(a) - TIE_ORDER.indexOf(b));
  const verdict = ranked.find((v) => plans[v].feasible) ?? ranked[0]!;
  const runnerUp = ranked.find((v) => v !== verdict)!;
  const margin = sums[verdict] - sums[runnerUp];
  factors.sort((a, b) => strength(b) - strength(a) || cmp(a.rule, b.rule));
  return { verdict, scores, confidence: confidenceOf(margin), factors };
}

const TIE_ORDER: readonly Verdict[] = ['stateless', 'hybrid', 'stateful'];

function planBecause(p: Plan): string {
  if (!p.feasible) return `${p.arch} is not possible: ${p.note}`;
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
