import { VERDICTS, type Verdict } from '../contract/recommendation.ts';
import type { PlanCostView } from '../model/context.ts';

/** A plan as far as its cost goes: whether it passes every check, and its monthly cost (0 when impossible). */
export interface CostedPlan { feasible: boolean; monthlyUsd: number }

/**
 * The chosen plan's monthly cost beside the cheapest other plan that passes every check — when the chosen plan passes
 * too and costs more. Cost stays out of the weights (invariant 8: load may not push an answer toward instance memory
 * except through a check), so the risk rules that read these figures are how a large gap reaches the review.
 * @example costView({ stateless: { feasible: true, monthlyUsd: 1240 }, stateful: { feasible: true, monthlyUsd: 18500 }, hybrid: { feasible: false, monthlyUsd: 0 } }, 'stateful').costRatio // 14.92
 */
export function costView(plans: Readonly<Record<Verdict, CostedPlan>>, verdict: Verdict): PlanCostView {
  const mine = plans[verdict];
  let cheaper: Verdict | undefined;
  if (mine.feasible) {
    for (const v of VERDICTS) {
      const p = plans[v];
      if (v === verdict || !p.feasible || p.monthlyUsd <= 0 || p.monthlyUsd >= mine.monthlyUsd) continue;
      if (cheaper === undefined || p.monthlyUsd < plans[cheaper].monthlyUsd) cheaper = v;
    }
  }
  if (cheaper === undefined) return { monthlyUsd: mine.monthlyUsd, cheaperPlan: 'none', cheaperMonthlyUsd: 0, costRatio: 0, extraMonthlyUsd: 0 };
  const other = plans[cheaper].monthlyUsd;
  return {
    monthlyUsd: mine.monthlyUsd, cheaperPlan: cheaper, cheaperMonthlyUsd: other,
    costRatio: Math.round((mine.monthlyUsd / other) * 100) / 100, extraMonthlyUsd: mine.monthlyUsd - other,
  };
}
