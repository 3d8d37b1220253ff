import { STORES, type Store } from '../contract/recommendation.ts';
import type { Catalog, CompiledCheckRule } from '../catalog/compiled.ts';
import type { EvalContext, EvalItem } from '../model/context.ts';
import type { Profile } from '../model/profile.ts';
import type { Probe } from '../model/measures.ts';
import { ALL_STORES, STORE_COUNT, STORE_INDEX } from '../model/stores.ts';
import { checkOutcome, type Measured } from './check-outcome.ts';

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
/** One check's violation is capped (a ratio of e^50): beyond that, how far over no longer tells plans apart. */
const MAX_VIOLATION = 50;

export function assessFeasibility(catalog: Catalog, ctx: EvalContext, item: EvalItem, explain = true, among = ALL_STORES): ItemFeasibility {
  let mask = 1 << STORE_INDEX['none'];
  const stores: (StoreFeasibility | undefined)[] = new Array(STORE_COUNT);
  const ordered = candidatesFor(catalog, ctx.req.constraints.stores);
  for (let s = 0; s < STORE_COUNT; s++) {
    // Stores a gate removed cannot be chosen, so how they fare does not matter.
    if ((among & (1 << s)) === 0 || s === NONE) continue;
    const store = STORES[s]!;
    const candidates = ordered[s]!;
    let best: StoreFeasibility | undefined;
    // The team's technologies first, then the rest. Without `explain`, a candidate stops at its first failing
    // check; only when none passes are the violations summed, to find the least-failing one.
    const checks = checksFor(catalog, s);
    for (const profile of candidates) {
      if (!explain) {
        // Unexplained, a passing candidate is all that is wanted: evaluating it again would give exactly this.
        if (passes(checks, ctx, item, store, profile)) { best = { profile, passed: true, outcomes: NO_OUTCOMES, violation: 0 }; break; }
        continue;
      }
      const result = evaluate(checks, ctx, item, store, profile, explain);
      if (!best || result.violation < best.violation) best = result;
      if (result.passed) break;
    }
    if (!best && !explain) {
      for (const profile of candidates) {
        const result = evaluate(checks, ctx, item, store, profile, false);
        if (!best || result.violation < best.violation) best = result;
      }
    }
    stores[s] = best;
    if (best?.passed) mask |= 1 << s;
  }
  return { mask, stores };
}

export const NONE = STORE_INDEX['none'];

/** Per store, every candidate's outcomes (all checks), for the stores in `among`: what budget scaling reads. */
export type CandidateOutcomes = (CheckOutcome[][] | undefined)[];

export function allCandidates(catalog: Catalog, ctx: EvalContext, item: EvalItem, among: number): CandidateOutcomes {
  const ordered = candidatesFor(catalog, ctx.req.constraints.stores);
  const out: CandidateOutcomes = new Array(STORE_COUNT);
  for (let s = 0; s < STORE_COUNT; s++) {
    if ((among & (1 << s)) === 0 || s === NONE) continue;
    out[s] = ordered[s]!.map((p) => evaluate(checksFor(catalog, s), ctx, item, STORES[s]!, p, true).outcomes);
  }
  return out;
}
const ORDERS = new WeakMap<Catalog, Map<string, (readonly Profile[])[]>>();
/** The same store list object is asked about again and again (every item of every evaluation): remember it. */
const BY_LIST = new WeakMap<readonly string[], { catalog: Catalog; order: (readonly Profile[])[] }>();

/** Per store (STORES order), its candidate profiles with the team's technologies first; built once per store list. */
export function candidatesFor(catalog: Catalog, run: readonly string[]): (readonly Profile[])[] {
  const known = BY_LIST.get(run);
  if (known && known.catalog === catalog) return known.order;
  const order = orderFor(catalog, run);
  BY_LIST.set(run, { catalog, order });
  return order;
}

function orderFor(catalog: Catalog, run: readonly string[]): (readonly Profile[])[] {
  let byRun = ORDERS.get(catalog);
  if (!byRun) ORDERS.set(catalog, byRun = new Map());
  const key = run.join(',');
  let order = byRun.get(key);
  if (!order) {
    order = STORES.map((store) => {
      const all = catalog.profilesByStore.get(store) ?? [];
      return [...all.filter((p) => run.includes(p.technology)), ...all.filter((p) => !run.includes(p.technology))];
    });
    if (byRun.size < 1024) byRun.set(key, order);
  }
  return order;
}

export const NO_OUTCOMES: CheckOutcome[] = [];

const BY_STORE = new WeakMap<Catalog, (readonly CompiledCheckRule[])[]>();

/** The checks that apply to store s, in catalogue order (built once per catalogue). */
export function checksFor(catalog: Catalog, s: number): readonly CompiledCheckRule[] {
  let lists = BY_STORE.get(catalog);
  if (!lists) BY_STORE.set(catalog, lists = STORES.map((_, i) => catalog.checks.filter((c) => (c.storeMask & (1 << i)) !== 0)));
  return lists[s]!;
}

/** Whether every check passes, stopping at the first that fails (the tipping-point search's fast path). */
export function passes(checks: readonly CompiledCheckRule[], ctx: EvalContext, item: EvalItem, store: Store, profile: Profile): boolean {
  const probe: Probe = { ctx, item, store, profile };
  for (const rule of checks) if (checkOutcome(rule, probe) === 'fail') return false;
  return true;
}

function evaluate(
  checks: readonly CompiledCheckRule[], ctx: EvalContext, item: EvalItem, store: Store, profile: Profile, explain: boolean,
): StoreFeasibility {
  const probe: Probe = { ctx, item, store, profile };
  const outcomes: CheckOutcome[] = explain ? [] : NO_OUTCOMES;
  let violation = 0;
  const m: Measured = { value: 0, limit: 0 };
  for (const rule of checks) {
    const verdict = checkOutcome(rule, probe, m);
    if (verdict === 'skip') continue;
    const { value, limit } = m;
    // Within the tolerance of the limit is at the limit (float noise must not veto a store), and is reported so.
    const passed = verdict === 'pass';
    if (!passed) violation += violationOf(value, limit);
    if (explain) outcomes.push({ rule, value: passed && value > limit ? limit : value, limit, passed });
  }
  return { profile, passed: violation === 0, outcomes, violation };
}

/** One failed check's share of a store's violation: ln(value ÷ limit), capped; a yes/no check (limit 0) a fixed amount. */
export function violationOf(value: number, limit: number): number {
  return limit > 0 ? Math.min(MAX_VIOLATION, Math.log(value / limit)) : BOOLEAN_VIOLATION;
}

/**
 * Figures as answers carry them: 12 significant digits drop float noise (1.0047000000000001) but keep every value
 * that fails its limit distinguishable from it, however small (rounding is monotone, so a pass stays a pass).
 */
export function figure(n: number): number {
  if (n === 0 || !Number.isFinite(n)) return n;
  // Math.round at 12 significant digits (cheaper than toPrecision, which builds a string).
  const scale = 10 ** (11 - Math.floor(Math.log10(Math.abs(n))));
  return scale > 1e300 || scale < 1e-300 ? Number(n.toPrecision(12)) : Math.round(n * scale) / scale;
}

/** limit ÷ value, capped: 1 is exactly at the limit, below 1 fails. */
export function marginOf(value: number, limit: number): number {
  if (value <= 0) return limit >= 0 ? 1e6 : 0;
  return Math.min(1e6, Math.round((limit / value) * 10_000) / 10_000);
}
