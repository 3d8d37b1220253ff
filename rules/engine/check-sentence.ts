import type { Store } from '../contract/recommendation.ts';
import type { CheckQuote } from '../catalog/compiled.ts';
import type { Profile } from '../model/profile.ts';
import type { EvalContext, EvalItem } from '../model/context.ts';
import type { CheckOutcome } from './feasibility.ts';

/** What a check's sentences quote for one evaluation: its numbers and the arithmetic behind them. */
export function checkQuote(ctx: EvalContext, item: EvalItem, store: Store, profile: Profile, o: CheckOutcome): CheckQuote {
  const probe = { ctx, item, store, profile };
  return {
    store, technology: profile.technology, value: o.value, limit: o.limit, unit: o.rule.unit,
    measure: o.rule.measure.explain(probe), bound: o.rule.limit.explain(probe),
  };
}

/** A check's sentence for one evaluation, with its numbers. */
export function checkBecause(ctx: EvalContext, item: EvalItem, store: Store, profile: Profile, o: CheckOutcome): string {
  return o.rule.because(ctx, item, undefined, checkQuote(ctx, item, store, profile, o));
}
