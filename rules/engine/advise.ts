import { API_VERSION, type Requirements } from '../contract/requirements.ts';
import { STORES, type Placement, type Recommendation, type Store, type Verdict } from '../contract/recommendation.ts';
import { inputDigest } from '../contract/digest.ts';
import type { Catalog } from '../catalog/load.ts';
import { buildContext, type EvalContext, type PlanView } from './context.ts';
import { assessItem, type ItemAssessment } from './placement.ts';
import { buildPlans, choosePlans, EXTERNAL_STORES, type Choices, type Plan } from './plans.ts';
import { score, serviceFired, type Scored } from './score.ts';
import { verdictWith } from './reevaluate.ts';
import { capacity, ROUND_TRIP_MS } from './capacity.ts';
import { scalingAndFailure } from './operations.ts';
import { applyAcceptance, risks } from './risks.ts';
import { tippingPoints } from './tipping.ts';
import { summarize } from './summary.ts';

export interface AdviseOptions {
  /** Today's date (YYYY-MM-DD), to expire accepted risks; without it acceptances never expire. */
  today?: string;
}

export interface Decision {
  ctx: EvalContext;
  assessments: ItemAssessment[];
  choices: Choices<ItemAssessment>;
  plans: Record<Verdict, Plan>;
  /** 1 per service rule that held, for re-evaluations to reuse. */
  fired: Uint8Array;
  scored: Scored;
}

/** parse → normalize happen before; this is evaluate. `explain: false` skips every sentence. */
export function decide(catalog: Catalog, req: Requirements, explain: boolean): Decision {
  const ctx = buildContext(req);
  const assessments = ctx.items.map((item) => assessItem(catalog, ctx, item, explain));
  const choices = choosePlans(assessments);
  const plans = buildPlans(assessments, choices);
  const fired = serviceFired(catalog, ctx);
  return { ctx, assessments, choices, plans, fired, scored: score(catalog, ctx, plans, explain, fired) };
}

/**
 * The whole answer for normalized requirements. Pure and deterministic: the same input gives byte-identical JSON.
 * @example advise(catalog, parsed.value).verdict
 */
export function advise(catalog: Catalog, input: Requirements, options: AdviseOptions = {}): Recommendation {
  // State items are a set (unique names): evaluate them in name order, so the order a team listed them in cannot
  // change a sentence, a sum or a tie-break (invariant 7). Placements are reported back in the team's order.
  const req = inNameOrder(input);
  const decision = decide(catalog, req, true);
  const { ctx, assessments, plans, scored } = decision;
  const plan = plans[scored.verdict];
  const stores = completeStores(plan, assessments);
  const cap = capacity(ctx, stores);
  const ops = scalingAndFailure(ctx, scored.verdict, stores, cap);
  const view: PlanView = {
    verdict: scored.verdict,
    routing: ops.scaling.routing,
    storeOf: (name) => stores.get(name) ?? 'none',
    roundTripMs: (name) => ROUND_TRIP_MS[stores.get(name) ?? 'none'],
    hotPathMs: cap.hotPathMs,
    instances: cap.instances,
    sessionsLostPerInstanceLoss: cap.sessionsLostPerInstanceLoss,
    inProcessMemoryMb: cap.inProcessMemoryMb,
    inProcessItems: cap.inProcessItems,
    cacheItems: cap.cacheItems,
    tokenKb: cap.tokenKb,
  };
  const placements = assessments.map((a) => placementOf(a, stores.get(a.item.name)!, scored.verdict, plans, req.traffic.sessionMinutes));
  const { risks: open, accepted } = applyAcceptance(risks(catalog, ctx, view), req.accept, options.today);
  const tipping = tippingPoints(catalog, req, scored.verdict, (r, input) => verdictWith(catalog, decision, r, input));
  const { floor: _f, inProcessItems: _i, cacheItems: _c, tokenKb: _t, hotPathMs: _h, sessionsLostPerInstanceLoss: _s, ...capacityOut } = cap;
  return {
    apiVersion: API_VERSION,
    service: req.service,
    rulesVersion: catalog.version,
    inputDigest: inputDigest(req),
    verdict: scored.verdict,
    confidence: scored.confidence,
    summary: summarize(req, scored, placements, ops.scaling.routing),
    scores: scored.scores,
    factors: scored.factors,
    placements: inListedOrder(input, placements),
    implied: ctx.items.filter((i) => i.implied).map((i) => `${i.name} added: ${i.impliedBecause}`),
    scaling: ops.scaling,
    failure: ops.failure,
    capacity: capacityOut,
    risks: open,
    acceptedRisks: accepted,
    tippingPoints: tipping,
  };
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function inNameOrder(req: Requirements): Requirements {
  return { ...req, state: [...req.state].sort(byName) };
}

/** Listed items in the order the team wrote them, then the implied ones (already in a fixed order). */
function inListedOrder(input: Requirements, placements: Placement[]): Placement[] {
  const rank = new Map(input.state.map((s, i) => [s.name, i]));
  const at = (p: Placement) => (p.implied ? input.state.length : rank.get(p.state) ?? input.state.length);
  return placements.map((p, i) => [p, i] as const).sort((a, b) => at(a[0]) - at(b[0]) || a[1] - b[1]).map(([p]) => p);
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

function placementOf(a: ItemAssessment, store: Store, verdict: Verdict, plans: Record<Verdict, Plan>, sessionMinutes: number): Placement {
  const why: string[] = [];
  const inside = !EXTERNAL_STORES.includes(store);
  const planWhy = a.item.scope !== 'session' ? undefined
    : inside ? `the ${verdict} plan holds ${a.item.name} in instance memory: ${plans[verdict].note} (plan.${verdict})`
      : `the ${verdict} plan keeps ${a.item.name} outside instance memory, so any instance can serve it (plan.${verdict})`;
  for (const e of a.effects.get(store) ?? []) if (e.delta > 0) why.push(`${e.because} (${e.rule})`);
  if (planWhy) why.push(planWhy);
  if (why.length === 0) why.push(`${store} scores ${a.scores[store]}, the best store left after the gates`);
  const alternatives = STORES.filter((s) => s !== store)
    .map((s) => ({ store: s, score: a.allowed.has(s) ? a.scores[s] : 0, whyNot: whyNot(a, s, store, verdict) }))
    .sort((x, y) => y.score - x.score || STORES.indexOf(x.store) - STORES.indexOf(y.store));
  const out: Placement = { state: a.item.name, store, implied: a.item.implied, why, alternatives };
  const ttl = ttlOf(a, store, sessionMinutes);
  if (ttl) out.ttl = ttl;
  return out;
}

function whyNot(a: ItemAssessment, s: Store, chosen: Store, verdict: Verdict): string {
  const gate = a.removedBy.get(s);
  if (gate) return gate.map((g) => `${g.because} (${g.rule})`).join('; ');
  const inProcess = !EXTERNAL_STORES.includes(s);
  if (a.item.scope === 'session' && verdict === 'stateless' && inProcess) {
    return `the stateless plan keeps session state out of instance memory (plan.stateless); ${s} scores ${a.scores[s]}`;
  }
  if (a.item.scope === 'session' && verdict === 'stateful' && !inProcess) {
    return `the stateful plan keeps session state in instance memory (plan.stateful); ${s} scores ${a.scores[s]}`;
  }
  const against = (a.effects.get(s) ?? []).find((e) => e.delta < 0);
  const gap = `${s} scores ${a.scores[s]} against ${a.scores[chosen]} for ${chosen}`;
  return against ? `${gap}: ${against.because} (${against.rule})` : gap;
}

/** Session-scoped state expires: an idle session's length for `minutes`, a day for `hours`. Records do not. */
function ttlOf(a: ItemAssessment, store: Store, sessionMinutes: number): string | undefined {
  if (store === 'none' || store === 'database' || store === 'durable-log') return undefined;
  if (a.item.lifetime === 'minutes') return `${Math.ceil(sessionMinutes)}m`;
  if (a.item.lifetime === 'hours') return '24h';
  return undefined;
}
