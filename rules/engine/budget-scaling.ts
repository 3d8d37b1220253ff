import type { Requirements } from '../contract/requirements.ts';
import type { Catalog } from '../catalog/compiled.ts';
import type { EvalContext, EvalItem } from '../model/context.ts';
import type { Profile } from '../model/profile.ts';
import { STORE_COUNT } from '../model/stores.ts';
import { within } from '../model/tolerance.ts';
import {
  candidatesFor, NO_OUTCOMES, NONE, violationOf, type ItemFeasibility, type StoreFeasibility,
} from './feasibility.ts';
import { baseOutcomes } from './feasibility-reuse.ts';

/**
 * The budgets (latency.p99Ms, constraints.instance.memoryMb and .networkMbps) enter the checks only as limits, and
 * every such limit is proportional to its budget (a share of the p99, the memory, the bandwidth ÷ 8), while no value
 * depends on them. So for a budget scaled by q, a check passes exactly when value ≤ limit × q: the tipping-point
 * search can tell which stores pass at any budget from one evaluation of every candidate, with no figure recomputed.
 */
export const BUDGETS: Readonly<Record<string, (r: Requirements) => number>> = {
  'latency.p99Ms': (r) => r.latency.p99Ms,
  'constraints.instance.memoryMb': (r) => r.constraints.instance.memoryMb,
  'constraints.instance.networkMbps': (r) => r.constraints.instance.networkMbps,
};

const LINEAR = new WeakMap<Catalog, Map<string, boolean>>();

/**
 * Whether every check of this catalogue reads `budget` in its limit alone: not in its measure, and not in its
 * condition (directly or through a figure that follows it). Only then does scaling the limits answer for the budget.
 * The built-in checks all do; a team's check written `when: { fact: latency.p99Ms, … }` would not, and then the
 * search computes the figures again for that budget.
 */
export function scalesLinearly(catalog: Catalog, budget: string): boolean {
  let known = LINEAR.get(catalog);
  if (!known) LINEAR.set(catalog, known = new Map());
  let linear = known.get(budget);
  if (linear === undefined) {
    const facts = catalog.tables.affected(budget)?.facts ?? new Set([budget]);
    linear = catalog.checks.every((c) => !c.measure.inputs.includes(budget) && ![...c.reads].some((f) => facts.has(f)));
    known.set(budget, linear);
  }
  return linear;
}

/**
 * Whether every store's answer stands when `budget` is scaled by `q`: the same stores pass (among the gate-allowed
 * ones), each with the same technology — a score counts a technology the team does not run, so a store that passes
 * with another technology is not the same answer.
 */
export function sameWhenScaled(catalog: Catalog, ctx: EvalContext, item: EvalItem, base: ItemFeasibility, gateMask: number, budget: string, q: number): boolean {
  const all = baseOutcomes(catalog, ctx, item, gateMask);
  const ordered = candidatesFor(catalog, ctx.req.constraints.stores);
  for (let s = 0; s < STORE_COUNT; s++) {
    const candidates = all[s];
    if (!candidates || s === NONE) continue;
    let winner: Profile | undefined;
    for (let k = 0; k < candidates.length && winner === undefined; k++) {
      let ok = true;
      for (const o of candidates[k]!) {
        const scales = o.rule.limit.inputs.includes(budget);
        if (scales ? !within(o.value, o.limit, q) : !o.passed) { ok = false; break; }
      }
      if (ok) winner = ordered[s]![k];
    }
    const was = base.stores[s];
    if (winner !== (was?.passed ? was.profile : undefined)) return false;
  }
  return true;
}

/**
 * The item's feasibility with `budget` scaled by `q`, as `assessFeasibility` (unexplained) would find it, from the
 * base outcomes alone: per store, the first candidate whose checks all pass at the scaled limits; when none does,
 * the least-failing one, its violation summed over the checks that fail at the scaled limits. What a budget's
 * candidate needs when the base has no feasible plan: then how badly each store fails ranks the plans, so the
 * pass/fail shortcut of `sameWhenScaled` is not enough — but no figure needs computing either.
 */
export function scaledFeasibility(catalog: Catalog, ctx: EvalContext, item: EvalItem, gateMask: number, budget: string, q: number): ItemFeasibility {
  const all = baseOutcomes(catalog, ctx, item, gateMask);
  const ordered = candidatesFor(catalog, ctx.req.constraints.stores);
  let mask = 1 << NONE;
  const stores: (StoreFeasibility | undefined)[] = new Array(STORE_COUNT);
  for (let s = 0; s < STORE_COUNT; s++) {
    const candidates = all[s];
    if (!candidates || s === NONE) continue;
    let best: StoreFeasibility | undefined;
    for (let k = 0; k < candidates.length; k++) {
      let violation = 0;
      for (const o of candidates[k]!) {
        const limit = o.rule.limit.inputs.includes(budget) ? o.limit * q : o.limit;
        if (!within(o.value, limit)) violation += violationOf(o.value, limit);
      }
      if (violation === 0) { best = { profile: ordered[s]![k]!, passed: true, outcomes: NO_OUTCOMES, violation: 0 }; break; }
      if (!best || violation < best.violation) best = { profile: ordered[s]![k]!, passed: false, outcomes: NO_OUTCOMES, violation };
    }
    stores[s] = best;
    if (best?.passed) mask |= 1 << s;
  }
  return { mask, stores };
}
