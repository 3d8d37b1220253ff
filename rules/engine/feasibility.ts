import { STORES, type Store } from '../contract/recommendation.ts';
import type { Catalog, CompiledCheckRule } from '../catalog/load.ts';
import type { EvalContext, EvalItem } from './context.ts';
import type { Profile } from '../model/profile.ts';
import type { Probe } from '../model/measures.ts';
import { STORE_COUNT, STORE_INDEX } from '../model/stores.ts';

/**
 * The feasibility model for one item: for every store, the technology that would run it and whether every check
 * passes with that technology's figures. A store passes with the first candidate technology that passes them all —
 * the team's own technologies first (constraints.stores), then the others in catalogue order — so statewise adds a
 * technology only when the team's cannot do the job. A store no candidate passes keeps the least-failing candidate
 * and its failures: they are the blockers a plan reports if it has to use that store anyway.
 */
export interface CheckOutcome { rule: CompiledCheckRule; value: number; limit: number; passed: boolean }

export interface StoreFeasibility {
  profile: Profile;
  passed: boolean;
  outcomes: CheckOutcome[];
  /** How badly it fails: the sum of ln(value ÷ limit) over failed checks (0 when it passes). */
  violation: number;
}

export interface ItemFeasibility {
  /** Bit STORE_INDEX[s] set when store s passes every check. */
  mask: number;
  /** Per store (STORES order): undefined for `none`, which needs no checks. */
  stores: (StoreFeasibility | undefined)[];
}

/** A failed check whose limit is 0 (a yes/no check) counts as this much violation. */
const BOOLEAN_VIOLATION = 3;

export function assessFeasibility(catalog: Catalog, ctx: EvalContext, item: EvalItem): ItemFeasibility {
  let mask = 1 << STORE_INDEX['none'];
  const stores: (StoreFeasibility | undefined)[] = new Array(STORE_COUNT);
  const run = ctx.req.constraints.stores as readonly string[];
  for (let s = 0; s < STORE_COUNT; s++) {
    const store = STORES[s]!;
    if (store === 'none') continue;
    const candidates = catalog.profilesByStore.get(store) ?? [];
    let best: StoreFeasibility | undefined;
    // Two passes: the team's technologies, then the rest (no sort, no allocation of a reordered list).
    for (let pass = 0; pass < 2 && !best?.passed; pass++) {
      for (const profile of candidates) {
        if (run.includes(profile.technology) !== (pass === 0)) continue;
        const result = evaluate(catalog.checks, ctx, item, store, s, profile);
        if (!best || result.violation < best.violation) best = result;
        if (result.passed) break;
      }
    }
    stores[s] = best;
    if (best?.passed) mask |= 1 << s;
  }
  return { mask, stores };
}

function evaluate(checks: readonly CompiledCheckRule[], ctx: EvalContext, item: EvalItem, store: Store, s: number, profile: Profile): StoreFeasibility {
  const probe: Probe = { ctx, item, store, profile };
  const outcomes: CheckOutcome[] = [];
  let violation = 0;
  for (const rule of checks) {
    if ((rule.storeMask & (1 << s)) === 0 || !rule.test(ctx, item, undefined)) continue;
    const value = rule.measure.value(probe);
    const limit = rule.limit.value(probe);
    if (value === undefined || limit === undefined) continue;
    const passed = value <= limit;
    if (!passed) violation += limit > 0 ? Math.log(value / limit) : BOOLEAN_VIOLATION;
    outcomes.push({ rule, value, limit, passed });
  }
  return { profile, passed: violation === 0, outcomes, violation };
}

/** Figures as answers print them: 4 decimals, so that a value at its limit never prints above it (rounding is monotone). */
export function figure(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/** limit ÷ value, capped: 1 is exactly at the limit, below 1 fails. */
export function marginOf(value: number, limit: number): number {
  if (value <= 0) return limit >= 0 ? 1e6 : 0;
  return Math.min(1e6, Math.round((limit / value) * 10_000) / 10_000);
}
