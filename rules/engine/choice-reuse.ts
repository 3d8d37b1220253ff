import type { CompiledCheckRule, Catalog } from '../catalog/compiled.ts';
import type { EvalContext, EvalItem } from '../model/context.ts';
import { ANY_INSTANCE_INDEXES, STATEFUL_INDEXES } from '../model/stores.ts';
import { bestIndex, NEW_TECHNOLOGY, newTechnology, type ItemScore } from './placement.ts';
import type { CandidateOutcomes } from './feasibility.ts';
import { sameStoreFor } from './feasibility-reuse.ts';

/**
 * Which of an item's stores can change the plans' choice, when a varied input left the item's rules as they were.
 *
 * The plans read an item through the best allowed store on each side (`bestIndex` over the any-instance stores and
 * over the in-process ones; the tiered set is their union), and — only when a side has none allowed — how badly
 * its gate-allowed stores fail. So the choice over the item stands when:
 * - each side's best store still passes with the same technology (its score is then the same);
 * - no other store that could outscore it now passes where it failed, or passes with a technology that scores
 *   higher: checked for every store whose score could reach the best's (a technology the team does not run costs
 *   NEW_TECHNOLOGY points, so another technology can add at most that);
 * - on a side with no allowed store, every gate-allowed store still fails.
 * What this leaves unchecked is how badly a failing store fails, which matters only when no plan passes every
 * check: the caller evaluates again without this shortcut then (reevaluate.ts). Undefined when the item has no
 * gate-allowed any-instance store (a broken custom catalogue: the plans then read every store's score).
 */
export function sameChoiceFor(
  catalog: Catalog, ctx: EvalContext, item: EvalItem, was: ItemScore, outcomes: CandidateOutcomes,
  moves: (rule: CompiledCheckRule) => boolean,
): boolean | undefined {
  if (!ANY_INSTANCE_INDEXES.some((s) => (was.gateMask & (1 << s)) !== 0)) return undefined;
  const same = (s: number) => sameStoreFor(catalog, ctx, item, was.feasibility, outcomes, s, moves);
  for (const side of SIDES) {
    const best = bestIndex(was, side);
    if (best >= 0 && !same(best)) return false;
    for (const s of side) {
      if (s === best || (was.gateMask & (1 << s)) === 0) continue;
      if (best >= 0 && ceiling(ctx, was, s) < was.score[best]!) continue;
      if (!same(s)) return false;
    }
  }
  return true;
}

const SIDES: readonly (readonly number[])[] = [ANY_INSTANCE_INDEXES, STATEFUL_INDEXES];

/** The highest score store s can have with any technology: its base score, plus the new-technology cost it paid. */
function ceiling(ctx: EvalContext, was: ItemScore, s: number): number {
  return newTechnology(ctx, was.feasibility, s) ? Math.min(100, was.score[s]! - NEW_TECHNOLOGY) : was.score[s]!;
}
