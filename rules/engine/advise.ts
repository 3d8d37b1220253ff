import { notesFor } from './notes.ts';
import { API_VERSION, type Requirements } from '../contract/requirements.ts';
import { STORES, type Blocker, type FailureRow, type Placement, type PlanAnswer, type Recommendation, type Store, type Verdict } from '../contract/recommendation.ts';
import { inputDigest, sha256Hex, type Sha256Hex } from '../contract/digest.ts';
import { withInstanceProfile } from '../model/instance-profile.ts';
import type { Catalog } from '../catalog/compiled.ts';
import { STORE_INDEX } from '../model/stores.ts';
import type { EvalContext, PlanCostView, PlanView } from '../model/context.ts';
import { costView, type CostedPlan } from './plan-cost.ts';
import type { ItemAssessment } from './placement.ts';
import type { Plan } from './plans.ts';
import { decide, type Decision } from './decide.ts';
import { capacity, type Placed } from './capacity.ts';
import { planCost } from './cost.ts';
import { figure } from './feasibility.ts';
import { placementOf } from './explain-placement.ts';
import { checkBecause } from './check-sentence.ts';
import { scalingAndFailure } from './operations.ts';
import { failureTable } from './failures.ts';
import { applyAcceptance, marginRisks, risks, sortRisks } from './risks.ts';
import { tippingPoints } from './tipping.ts';
import { INFEASIBLE_CONFIDENCE, summarize } from './summary.ts';

export interface AdviseOptions {
  /** Today's date (YYYY-MM-DD), to expire accepted risks; without it acceptances never expire. */
  today?: string;
}

/**
 * The whole answer for normalized requirements. Pure and deterministic: the same input gives byte-identical JSON.
 * @example advise(catalog, parsed.value).verdict
 */
export function advise(catalog: Catalog, input: Requirements, options: AdviseOptions = {}, hash: Sha256Hex = sha256Hex): Recommendation {
  // State items are a set (unique names): evaluate them in name order, so the order a team listed them in cannot
  // change a sentence, a sum or a tie-break (invariant 7). Placements are reported back in the team's order.
  const asWritten = inNameOrder(input);
  // The instance profile fills the instance fields the file left out; the digest stays that of the file as written.
  const req = withInstanceProfile(catalog.prices, asWritten);
  const decision = decide(catalog, req, true);
  const { ctx, assessments, plans, scored } = decision;
  const plan = plans[scored.verdict];
  const plansOut = plansAnswer(catalog, ctx, assessments, plans);
  const { stores, placed, cap, ops, found } = chosen(catalog, decision, costView(costed(plansOut), scored.verdict));
  const placements = assessments.map((a) => placementOf(catalog, ctx, a, stores.get(a.item.name)!, scored.verdict, plans, req.traffic.sessionMinutes));
  const { risks: open, accepted } = applyAcceptance(sortRisks(found), req.accept, options.today);
  const tipping = tippingPoints(catalog, decision, scored.verdict);
  // No plan passes every check: the verdict is only the least-failing plan, so the answer cannot claim to be sure of it.
  const confidence = Math.min(scored.confidence, robustness(tipping.nearest), plan.feasible ? 1 : INFEASIBLE_CONFIDENCE);
  const { floor: _f, inProcessItems: _i, copyMemoryMb: _m, pinnedMemoryMb: _p, cacheItems: _c, tokenKb: _t, sessionsLostPerInstanceLoss: _s, ...capacityOut } = cap;
  const notes = notesFor(ctx, assessments, stores);
  return {
    apiVersion: API_VERSION,
    service: req.service,
    rulesVersion: catalog.version,
    inputDigest: inputDigest(asWritten, hash),
    verdict: scored.verdict,
    confidence,
    summary: summarize(req, { ...scored, confidence }, placements, ops.scaling.routing, plansOut),
    scores: scored.scores,
    factors: scored.factors,
    placements: inListedOrder(input, placements),
    implied: ctx.items.filter((i) => i.implied).map((i) => `${i.name} added: ${i.impliedBecause}`),
    scaling: ops.scaling,
    failure: ops.failure,
    failures: inListedOrderOf(input, failureTable(ctx, placed, cap)),
    capacity: capacityOut,
    risks: open,
    acceptedRisks: accepted,
    tippingPoints: tipping.points,
    feasible: plan.feasible,
    plans: plansOut,
    ...(input.defaultsApplied ? { defaultsApplied: (req.defaultsApplied ?? input.defaultsApplied).map((d) => ({ ...d })) } : {}),
    ...(notes.length ? { notes } : {}),
  };
}

/** The verdict's plan as the answer reports it: where each item lives, its capacity and operations, and its risks. */
export function chosen(catalog: Catalog, decision: Decision, cost: PlanCostView) {
  const { ctx, assessments, plans, scored } = decision;
  const stores = completeStores(plans[scored.verdict], assessments);
  const placed = placedOf(assessments, stores);
  const cap = capacity(ctx, placed);
  const ops = scalingAndFailure(ctx, scored.verdict, stores, cap);
  const profileOf = new Map(placed.map((p) => [p.item.name, p.profile]));
  const view: PlanView = {
    verdict: scored.verdict,
    routing: ops.scaling.routing,
    storeOf: (name) => stores.get(name) ?? 'none',
    roundTripMs: (name) => profileOf.get(name)?.readMs ?? 0,
    hotPathMs: cap.hotPathMs,
    instances: cap.instances,
    sessionsLostPerInstanceLoss: cap.sessionsLostPerInstanceLoss,
    inProcessMemoryMb: cap.inProcessMemoryMb,
    inProcessItems: cap.inProcessItems,
    copyMemoryMb: cap.copyMemoryMb,
    pinnedMemoryMb: cap.pinnedMemoryMb,
    cacheItems: cap.cacheItems,
    tokenKb: cap.tokenKb,
    cost,
  };
  const allowedOf = new Map(assessments.map((a) => [a.item.name, a.allowed]));
  const found = [...risks(catalog, ctx, view, (name) => allowedOf.get(name)), ...marginRisks(ctx, assessments, stores)];
  return { stores, placed, cap, ops, found };
}

/** Where each item lives under a store map, with the technology the feasibility model chose for that store. */
export function placedOf(assessments: readonly ItemAssessment[], stores: ReadonlyMap<string, Store>): Placed[] {
  return assessments.map((a) => {
    const store = stores.get(a.item.name) ?? 'none';
    return { item: a.item, store, profile: a.feasibility.stores[STORE_INDEX[store]]?.profile };
  });
}

/** Each plan side by side: feasible or not, what blocks it (value, limit, unit), and what it would cost a month. */
function plansAnswer(catalog: Catalog, ctx: EvalContext, assessments: readonly ItemAssessment[], plans: Record<Verdict, Plan>): Recommendation['plans'] {
  const one = (p: Plan): PlanAnswer => {
    if (!p.possible) {
      return { feasible: false, note: p.note, blockers: [], cost: { monthlyUsd: 0, instances: 0, storeNodes: 0, newTechnologies: [], breakdown: [] } };
    }
    const placed = placedOf(assessments, p.stores);
    const blockers: Blocker[] = [];
    for (const a of assessments) {
      const store = p.stores.get(a.item.name) ?? 'none';
      const f = a.feasibility.stores[STORE_INDEX[store]];
      if (!f || f.passed) continue;
      for (const o of f.outcomes) {
        if (o.passed) continue;
        blockers.push({ check: o.rule.id, state: a.item.name, store, value: figure(o.value), limit: figure(o.limit), unit: o.rule.unit, because: checkBecause(ctx, a.item, store, f.profile, o) });
      }
    }
    return { feasible: p.feasible, note: p.note, blockers, cost: planCost(catalog.prices, ctx, placed, capacity(ctx, placed)) };
  };
  return { stateless: one(plans.stateless), stateful: one(plans.stateful), hybrid: one(plans.hybrid) };
}

/** Each plan's feasibility and monthly cost, as the cost risks compare them. */
function costed(plans: Recommendation['plans']): Record<Verdict, CostedPlan> {
  const one = (p: PlanAnswer): CostedPlan => ({ feasible: p.feasible, monthlyUsd: p.cost.monthlyUsd });
  return { stateless: one(plans.stateless), stateful: one(plans.stateful), hybrid: one(plans.hybrid) };
}

/** A verdict that flips within 10% of an input is not confident; one that needs a 3× change is. */
export function robustness(nearest: number | undefined): number {
  if (nearest === undefined) return 0.99;
  return Math.round(Math.min(0.99, 0.5 + 0.49 * (1 - Math.exp(-nearest / 0.5))) * 100) / 100;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function inNameOrder(req: Requirements): Requirements {
  return { ...req, state: [...req.state].sort(byName) };
}

/** Listed items in the order the team wrote them, then the implied ones (already in a fixed order). */
function inListedOrder(input: Requirements, placements: Placement[]): Placement[] {
  const rank = new Map(input.state.map((s, i) => [s.name, i]));
  const at = (p: Placement) => (p.implied ? input.state.length : rank.get(p.state) ?? input.state.length);
  return placements.map((p, i) => [p, i] as const).sort((a, b) => at(a[0]) - at(b[0]) || a[1] - b[1]).map(([p]) => p);
}

/** Failure rows in the placements' order: by item as the team listed it, each item's failures in FAILURE_KINDS order. */
function inListedOrderOf(input: Requirements, rows: FailureRow[]): FailureRow[] {
  const rank = new Map(input.state.map((s, i) => [s.name, i]));
  const at = (r: FailureRow) => rank.get(r.state) ?? input.state.length;
  return rows.map((r, i) => [r, i] as const).sort((a, b) => at(a[0]) - at(b[0]) || a[1] - b[1]).map(([r]) => r);
}

/** The verdict's plan, with a fallback for an item no store is left for (only a broken custom catalogue does that). */
function completeStores(plan: Plan, assessments: ItemAssessment[]): Map<string, Store> {
  const stores = new Map(plan.stores);
  for (const a of assessments) {
    if (stores.has(a.item.name)) continue;
    const best = [...STORES].sort((x, y) => a.scores[y] - a.scores[x])[0]!;
    stores.set(a.item.name, best);
  }
  return stores;
}
