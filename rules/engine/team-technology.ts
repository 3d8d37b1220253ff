import type { RejectedTechnology, Store } from '../contract/recommendation.ts';
import type { Catalog } from '../catalog/compiled.ts';
import type { EvalContext } from '../model/context.ts';
import { STORE_INDEX } from '../model/stores.ts';
import { allCandidates, candidatesFor, figure } from './feasibility.ts';
import { checkBecause } from './check-sentence.ts';
import type { ItemAssessment } from './placement.ts';

/**
 * The team's own technologies for the store an item is placed in, where the plan runs another one: each with the
 * check that vetoed it and its numbers. The feasibility model tries the team's technologies first (constraints.stores),
 * so a technology the team does not run is chosen only when none of theirs passes; this says which check ruled each
 * one out, so an answer that adds DynamoDB beside the team's Postgres says why Postgres did not do.
 * @example rejectedTechnologies(catalog, ctx, a, 'database') // [{ technology: 'postgres', check: 'check.storage', … }]
 */
export function rejectedTechnologies(catalog: Catalog, ctx: EvalContext, a: ItemAssessment, store: Store): RejectedTechnology[] {
  const s = STORE_INDEX[store];
  const chosen = a.feasibility.stores[s];
  const run = ctx.req.constraints.stores as readonly string[];
  // Only a passing technology was chosen over the team's: when none passes, the plan's blockers say why.
  if (!chosen?.passed || run.includes(chosen.profile.technology)) return [];
  const candidates = candidatesFor(catalog, ctx.req.constraints.stores)[s] ?? [];
  if (!candidates.some((p) => run.includes(p.technology))) return [];
  const outcomes = allCandidates(catalog, ctx, a.item, 1 << s)[s] ?? [];
  const out: RejectedTechnology[] = [];
  candidates.forEach((profile, k) => {
    if (!run.includes(profile.technology)) return;
    const failed = (outcomes[k] ?? []).filter((o) => !o.passed);
    if (!failed.length) return;
    // The check furthest over its limit speaks for the technology; the others are named by id.
    const over = (o: (typeof failed)[number]) => (o.limit > 0 ? o.value / o.limit : Infinity);
    const binding = failed.reduce((x, y) => (over(y) > over(x) ? y : x));
    out.push({
      technology: profile.technology, check: binding.rule.id, value: figure(binding.value), limit: figure(binding.limit), unit: binding.rule.unit,
      because: checkBecause(ctx, a.item, store, profile, binding),
      ...(failed.length > 1 ? { alsoFails: failed.filter((o) => o !== binding).map((o) => o.rule.id) } : {}),
    });
  });
  return out;
}
