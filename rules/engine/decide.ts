import type { Requirements } from '../contract/requirements.ts';
import type { Verdict } from '../contract/recommendation.ts';
import type { Catalog } from '../catalog/compiled.ts';
import type { EvalContext } from '../model/context.ts';
import { buildContext } from './context.ts';
import { assessItem, type Fired, type ItemAssessment } from './placement.ts';
import { buildPlans, choosePlans, type Choices, type Plan } from './plans.ts';
import { score, serviceFired, type Scored } from './score.ts';

/**
 * One evaluation of normalized requirements, before any sentence of the answer is written: every item's scores and
 * feasibility, the three plans, and the service rules that held. advise() renders it; the tipping-point search
 * re-evaluates variations against it (reevaluate.ts).
 */
export interface Decision {
  ctx: EvalContext;
  assessments: ItemAssessment[];
  choices: Choices<ItemAssessment>;
  plans: Record<Verdict, Plan>;
  /** 1 per service rule that held, for re-evaluations to reuse. */
  fired: Fired;
  scored: Scored;
}

/** parse → normalize happen before; this is evaluate. `explain: false` skips every sentence. @example decide(catalog, req, false).scored.verdict */
export function decide(catalog: Catalog, req: Requirements, explain: boolean): Decision {
  const ctx = buildContext(req);
  const assessments = ctx.items.map((item) => assessItem(catalog, ctx, item, explain));
  const choices = choosePlans(assessments);
  const plans = buildPlans(assessments, choices);
  const fired = serviceFired(catalog, ctx);
  return { ctx, assessments, choices, plans, fired, scored: score(catalog, ctx, plans, explain, fired) };
}
