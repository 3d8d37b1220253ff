import type { Store } from '../contract/recommendation.ts';
import { STORES } from '../contract/recommendation.ts';
import type { CompiledMitigation } from '../catalog/mitigation.ts';
import { joinOptions } from '../catalog/mitigation.ts';
import type { EvalContext, EvalItem, PlanView } from '../model/context.ts';
import { ASSUMPTIONS } from '../model/assumptions.ts';
import { budgetMs } from '../model/measures.ts';
import { STORE_INFO } from '../model/stores.ts';

/**
 * A mitigation as the answer prints it: only the options the model itself would not veto for this item (invariant
 * 16). An option that moves the item keeps the stores its gates and checks allow, other than the one it is in, and
 * names them ({stores}); one that adds a round trip between regions goes when that round trip alone exceeds the
 * item's latency budget. When every option goes, the answer says so instead of offering one.
 * @example vetMitigation(rule.mitigation, ctx, item, plan, quote, assessment.allowed, 'database')
 */
export function vetMitigation(
  m: CompiledMitigation, ctx: EvalContext, item: EvalItem | undefined, plan: PlanView | undefined, extra: object | undefined,
  allowed: ReadonlySet<Store> | undefined, current: Store | undefined,
): string {
  const parts: string[] = [];
  for (const o of m.options) {
    let stores: string | undefined;
    if (o.moveTo) {
      const to = STORES.filter((s) => o.moveTo!.has(s) && s !== current && (!allowed || allowed.has(s)));
      if (to.length === 0) continue;
      stores = to.map((s) => STORE_INFO[s].words).join(' or ');
    }
    if (o.crossRegion && crossRegionRttMs(ctx) > (item ? budgetMs(ctx, item) : ctx.req.latency.p99Ms * ASSUMPTIONS.stateShareOfBudget.value)) continue;
    parts.push(o.render(ctx, item, plan, { ...extra, stores }));
  }
  if (parts.length) return joinOptions(parts);
  return `No usual mitigation fits${item ? ` ${item.name}` : ''} here: each would move it where a gate or a check of this answer rules it out; revisit the requirement that binds it`;
}

/** The round trip between regions: given, or the assumption (rules/model/assumptions.ts). */
export function crossRegionRttMs(ctx: EvalContext): number {
  return ctx.req.constraints.interRegionRttMs ?? ASSUMPTIONS.interRegionRttMs.value;
}
