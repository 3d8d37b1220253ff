import { INFEASIBLE_CONFIDENCE } from './summary.ts';
import type { Requirements } from '../contract/requirements.ts';
import type { BriefPlan, BriefRecommendation } from '../contract/brief.ts';
import { API_VERSION } from '../contract/requirements.ts';
import { VERDICTS, type Technology, type Verdict } from '../contract/recommendation.ts';
import type { Catalog } from '../catalog/compiled.ts';
import { ALL_STORES, STORE_INDEX } from '../model/stores.ts';
import { chosen, inNameOrder, placedOf, type AdviseOptions } from './advise.ts';
import { decide } from './decide.ts';
import { capacity } from './capacity.ts';
import { planCost } from './cost.ts';
import { assessFeasibility, figure } from './feasibility.ts';
import type { EvalContext } from '../model/context.ts';
import type { ItemAssessment } from './placement.ts';
import type { Plan } from './plans.ts';
import { applyAcceptance } from './risks.ts';
import { costView } from './plan-cost.ts';

/**
 * The brief answer (rules/contract/brief.ts) straight from the decision: the same scoring, feasibility and plan choice
 * as `advise`, without the sentences (placements, factors, blockers, summary), the input digest or the tipping-point
 * search — the work whose results a brief answer does not carry. Agrees with `briefOf(advise(…))` field by field
 * (test/rules/engine/brief.test.ts).
 * @example adviseBrief(catalog, requirements).plans.stateless.monthlyUsd
 */
export function adviseBrief(catalog: Catalog, input: Requirements, options: AdviseOptions = {}): BriefRecommendation {
  const req = inNameOrder(input);
  const lean = decide(catalog, req, false);
  const { ctx, plans, scored } = lean;
  // Unexplained, feasibility keeps no per-check outcomes; blockers and margin risks need them, for the stores the
  // plans use only (one store's checks per item, not every candidate of every store).
  const assessments = lean.assessments.map((a) => withOutcomes(catalog, ctx, a, plans, scored.verdict));
  // Placements in the team's order, implied items last (as the full answer lists them).
  const rank = new Map(input.state.map((s, i) => [s.name, i]));
  const listed = assessments.map((a, i) => [a, i] as const)
    .sort(([a, i], [b, j]) => (rank.get(a.item.name) ?? input.state.length) - (rank.get(b.item.name) ?? input.state.length) || i - j);
  const plan = (p: Plan): BriefPlan => {
    if (!p.possible) return { feasible: false, blockers: [], monthlyUsd: 0 };
    const blockers: BriefPlan['blockers'] = [];
    for (const a of assessments) {
      const store = p.stores.get(a.item.name) ?? 'none';
      const f = a.feasibility.stores[STORE_INDEX[store]];
      if (!f || f.passed) continue;
      for (const o of f.outcomes) {
        if (!o.passed) blockers.push({ check: o.rule.id, state: a.item.name, store, value: figure(o.value), limit: figure(o.limit), unit: o.rule.unit });
      }
    }
    const placed = placedOf(assessments, p.stores);
    return { feasible: p.feasible, blockers, monthlyUsd: planCost(catalog.prices, ctx, placed, capacity(ctx, placed)).monthlyUsd };
  };
  const verdict: Verdict = scored.verdict;
  const briefPlans = { stateless: plan(plans.stateless), stateful: plan(plans.stateful), hybrid: plan(plans.hybrid) };
  const { stores, found } = chosen(catalog, { ...lean, assessments }, costView(briefPlans, verdict));
  const risks = { high: 0, medium: 0, low: 0 };
  for (const r of applyAcceptance(found, req.accept, options.today).risks) risks[r.severity]++;
  return {
    apiVersion: API_VERSION,
    detail: 'brief',
    service: req.service,
    rulesVersion: catalog.version,
    verdict,
    // An infeasible answer claims no more than the full one may (rules/engine/summary.ts).
    confidence: plans[verdict].feasible ? scored.confidence : Math.min(scored.confidence, INFEASIBLE_CONFIDENCE),
    scores: scored.scores,
    feasible: plans[verdict].feasible,
    placements: listed.map(([a]) => {
      const store = stores.get(a.item.name)!;
      return { state: a.item.name, store, technology: (a.feasibility.stores[STORE_INDEX[store]]?.profile.technology ?? 'none') as Technology };
    }),
    plans: briefPlans,
    risks,
  };
}

/**
 * `a` with the per-check outcomes of each store a possible plan puts it in (of every store it was assessed for, when
 * the verdict's plan has none for it — only a broken custom catalogue does that).
 */
function withOutcomes(catalog: Catalog, ctx: EvalContext, a: ItemAssessment, plans: Record<Verdict, Plan>, verdict: Verdict): ItemAssessment {
  let among = 0;
  for (const v of VERDICTS) {
    const store = plans[v].possible ? plans[v].stores.get(a.item.name) : undefined;
    if (store) among |= 1 << STORE_INDEX[store];
  }
  if (!plans[verdict].stores.has(a.item.name)) among = ALL_STORES;
  const stores = a.feasibility.stores;
  for (let s = 0; s < stores.length; s++) if (!stores[s]) among &= ~(1 << s);
  const explained = assessFeasibility(catalog, ctx, a.item, true, among);
  return { ...a, feasibility: { ...a.feasibility, stores: stores.map((f, s) => (among & (1 << s) ? explained.stores[s] : f)) } };
}
