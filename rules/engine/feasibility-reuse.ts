import type { Catalog, CompiledCheckRule } from '../catalog/compiled.ts';
import type { EvalContext, EvalItem } from '../model/context.ts';
import {
  allCandidates, candidatesFor, checksFor, NO_OUTCOMES, NONE, violationOf, type CandidateOutcomes, type ItemFeasibility,
  type StoreFeasibility,
} from './feasibility.ts';
import type { Profile } from '../model/profile.ts';
import type { Probe } from '../model/measures.ts';
import { STORES } from '../contract/recommendation.ts';
import { STORE_COUNT } from '../model/stores.ts';
import { checkOutcome, type Measured } from './check-outcome.ts';

/**
 * How a tipping-point re-evaluation reuses the base decision's feasibility instead of assessing every store again:
 * every candidate technology's outcomes are computed once per base item (`baseOutcomes`), and a varied input
 * recomputes only the checks it can reach (`checksMovedBy`). A budget needs not even those (budget-scaling.ts).
 */
/** Every candidate's outcomes for an item of the base decision, computed once and kept with it. */
const OUTCOMES = new WeakMap<EvalItem, CandidateOutcomes>();

export function baseOutcomes(catalog: Catalog, ctx: EvalContext, item: EvalItem, gateMask: number): CandidateOutcomes {
  let all = OUTCOMES.get(item);
  if (!all) OUTCOMES.set(item, all = allCandidates(catalog, ctx, item, gateMask));
  return all;
}

const MOVES = new WeakMap<Catalog, Map<string, (rule: CompiledCheckRule) => boolean>>();

/**
 * Whether a change of `input` can reach a check: through its figures' declared inputs or its condition. `facts`:
 * the input's fact and the derived ones that follow it (tables' `affected(input).facts`, which holds `input`).
 */
export function checksMovedBy(catalog: Catalog, input: string, facts: ReadonlySet<string>): (rule: CompiledCheckRule) => boolean {
  let byInput = MOVES.get(catalog);
  if (!byInput) MOVES.set(catalog, byInput = new Map());
  let moves = byInput.get(input);
  if (!moves) {
    const reaches = (paths: ReadonlySet<string>) => [...facts].some((f) => paths.has(f));
    const ids = new Set(catalog.checks.filter((c) => reaches(c.inputs) || reaches(c.reads)).map((c) => c.id));
    moves = (rule) => ids.has(rule.id);
    byInput.set(input, moves);
  }
  return moves;
}

/**
 * The item's feasibility for a varied input, as `assessFeasibility` (unexplained) would find it: the checks the input
 * reaches (`moves`) computed again, every other check's outcome taken from the base (`baseOutcomes`, in check order,
 * skipped checks absent), the violations summed in the same order. What a candidate needs when the base has no
 * feasible plan and an input reaches a few checks only (a context input reaches them through the item-list figures).
 * Its choice of technology is scaledFeasibility's, written out in both: one helper taking the violation as a callback
 * measured ~10% slower on generated inputs (a call per candidate on the search's hot path).
 */
export function reassessed(
  catalog: Catalog, ctx: EvalContext, item: EvalItem, baseOutcomes: CandidateOutcomes, among: number,
  moves: (rule: CompiledCheckRule) => boolean,
): ItemFeasibility {
  const ordered = candidatesFor(catalog, ctx.req.constraints.stores);
  let mask = 1 << NONE;
  const stores: (StoreFeasibility | undefined)[] = new Array(STORE_COUNT);
  const m: Measured = { value: 0, limit: 0 };
  for (let s = 0; s < STORE_COUNT; s++) {
    if ((among & (1 << s)) === 0 || s === NONE) continue;
    const store = STORES[s]!;
    const checks = checksFor(catalog, s);
    const candidates = ordered[s]!;
    let best: StoreFeasibility | undefined;
    for (let k = 0; k < candidates.length; k++) {
      const was = baseOutcomes[s]![k]!;
      const probe: Probe = { ctx, item, store, profile: candidates[k]! };
      let violation = 0;
      let next = 0;
      for (const rule of checks) {
        const old = was[next]?.rule === rule ? was[next++] : undefined;
        if (moves(rule)) {
          if (checkOutcome(rule, probe, m) === 'fail') violation += violationOf(m.value, m.limit);
        } else if (old && !old.passed) violation += violationOf(old.value, old.limit);
      }
      if (violation === 0) { best = { profile: candidates[k]!, passed: true, outcomes: NO_OUTCOMES, violation: 0 }; break; }
      if (!best || violation < best.violation) best = { profile: candidates[k]!, passed: false, outcomes: NO_OUTCOMES, violation };
    }
    stores[s] = best;
    if (best?.passed) mask |= 1 << s;
  }
  return { mask, stores };
}

/**
 * Whether `item` (re-derived for a varied input) still gets the base answer of every store in `among`: the same
 * stores pass, with the same technologies. Checks the input cannot reach keep their base outcome (`baseOutcomes`:
 * every candidate's, from `allCandidates`); only the reachable ones (`moves`) are computed, stopping at the first
 * difference.
 */
export function sameAsBaseFor(
  catalog: Catalog, ctx: EvalContext, item: EvalItem, base: ItemFeasibility, baseOutcomes: CandidateOutcomes, among: number,
  moves: (rule: CompiledCheckRule) => boolean,
): boolean {
  for (let s = 0; s < STORE_COUNT; s++) {
    if ((among & (1 << s)) === 0 || s === NONE) continue;
    if (!sameStoreFor(catalog, ctx, item, base, baseOutcomes, s, moves)) return false;
  }
  return true;
}

/** Whether store `s` gets its base answer: the same first passing technology, or still none. */
export function sameStoreFor(
  catalog: Catalog, ctx: EvalContext, item: EvalItem, base: ItemFeasibility, baseOutcomes: CandidateOutcomes, s: number,
  moves: (rule: CompiledCheckRule) => boolean,
): boolean {
  if (s === NONE) return true;
  const candidates = candidatesFor(catalog, ctx.req.constraints.stores)[s]!;
  const store = STORES[s]!;
  const checks = checksFor(catalog, s);
  const outcomes = baseOutcomes[s]!;
  const was = base.stores[s];
  const winner = was?.passed ? was.profile : undefined;
  let now: Profile | undefined;
  for (let k = 0; k < candidates.length && now === undefined; k++) {
    const p = candidates[k]!;
    let ok = true;
    for (const o of outcomes[k]!) if (!o.passed && !moves(o.rule)) { ok = false; break; }
    if (ok) {
      const probe: Probe = { ctx, item, store, profile: p };
      for (const rule of checks) if (moves(rule) && checkOutcome(rule, probe) === 'fail') { ok = false; break; }
    }
    if (ok) now = p;
  }
  return now === winner;
}
