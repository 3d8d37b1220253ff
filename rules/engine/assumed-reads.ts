import type { CheckOutcome } from './feasibility.ts';
import type { EvalItem } from '../model/context.ts';
import type { Profile } from '../model/profile.ts';
import type { Store } from '../contract/recommendation.ts';
import type { EvalContext } from '../model/context.ts';

/**
 * Reads the model assumed rather than was told: an item off the hot path without `readsPerMinute` is read by a
 * default share of requests (rules/model/assumptions.ts). A figure that rests on that default alone must not become
 * a risk; the answer says so in a note and asks for readsPerMinute instead (docs/design.md, "Input sanity").
 */
export function readsAssumed(item: EvalItem): boolean {
  return !item.implied && item.source.readsPerMinute === undefined && !item.hotPath && item.readsPerSecond > 0;
}

/** The check's value without the assumed reads (the item's own figures only), or the value itself when it does not read them. */
export function withoutAssumedReads(ctx: EvalContext, item: EvalItem, store: Store, profile: Profile, o: CheckOutcome): number {
  if (!readsAssumed(item) || !o.rule.measure.reads.includes('state[].readsPerSecond')) return o.value;
  const bare: EvalItem = { ...item, readsPerSecond: 0 };
  return o.rule.measure.value({ ctx, item: bare, store, profile }) ?? o.value;
}
