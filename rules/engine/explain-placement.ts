import { STORES, type Placement, type Store, type Technology, type Verdict } from '../contract/recommendation.ts';
import type { Profile } from '../model/profile.ts';
import { isStateful, STORE_INDEX, STORE_INFO } from '../model/stores.ts';
import type { EvalContext, EvalItem } from '../model/context.ts';
import type { ItemAssessment } from './placement.ts';
import { decidesPlan, type Plan } from './plans.ts';
import { figure, marginOf, type CheckOutcome } from './feasibility.ts';
import { checkBecause } from './check-sentence.ts';
import { rejectedTechnologies } from './team-technology.ts';
import { regionScopeWhy } from './region-scope.ts';
import { regionScopeOf } from '../model/region-scope.ts';
import type { Catalog } from '../catalog/compiled.ts';

/**
 * One placement as the answer explains it: why this store (its rules, its plan, its kind), every check of the
 * technology that runs it with value, limit and margin, and for every other store why not — the gate, the failed
 * check with its numbers, the plan, or the score gap.
 */

export function placementOf(
  catalog: Catalog, ctx: EvalContext, a: ItemAssessment, store: Store, verdict: Verdict, plans: Record<Verdict, Plan>, sessionMinutes: number,
): Placement {
  const why: string[] = [];
  // Reasons are chosen after the technology: one that rests on what the team runs ("needs no new store") is said
  // only when the plan runs the team's technology; otherwise the answer says which check vetoed theirs.
  const rejected = rejectedTechnologies(catalog, ctx, a, store);
  const f = a.feasibility.stores[STORE_INDEX[store]];
  const teams = f === undefined || (ctx.req.constraints.stores as readonly string[]).includes(f.profile.technology);
  const inside = isStateful(store);
  const planWhy = !decidesPlan(a) ? undefined
    : inside ? `the ${verdict} plan holds ${a.item.name} in instance memory: ${plans[verdict].note} (plan.${verdict})`
      : `the ${verdict} plan keeps ${a.item.name} out of any one instance's memory, so any instance can serve it (plan.${verdict})`;
  for (const e of a.effects.get(store) ?? []) if (e.delta > 0 && (teams || !e.restsOnTeamStores)) why.push(`${e.because} (${e.rule})`);
  for (const r of rejected) why.push(`constraints.stores lists ${r.technology}, but ${r.because} (${r.check}), so ${f!.profile.technology} runs ${a.item.name}`);
  if (planWhy) why.push(planWhy);
  const scope = ctx.req.traffic.regions >= 2 ? regionScopeOf(a.item, store) : undefined;
  if (scope) why.push(regionScopeWhy(ctx, a.item, scope));
  if (a.item.kindAssumed && a.item.kind === 'reference') why.push(`${a.item.name} is taken as reference data (owner global, lossImpact none, written ${a.item.writesPerMinute}/min ≤ 60): its source lives elsewhere`);
  const checks = (f?.outcomes ?? []).map((o) => ({
    check: o.rule.id, value: figure(o.value), limit: figure(o.limit), unit: o.rule.unit, margin: marginOf(o.value, o.limit), passed: o.passed,
    because: checkBecause(ctx, a.item, store, f!.profile, o),
  }));
  if (why.length === 0) why.push(`${store} scores ${a.scores[store]}, the best store left after the gates and checks`);
  const alternatives = STORES.filter((s) => s !== store)
    .map((s) => ({ store: s, score: a.allowed.has(s) ? a.scores[s] : 0, whyNot: whyNot(ctx, a, s, store, verdict) }))
    .sort((x, y) => y.score - x.score || STORES.indexOf(x.store) - STORES.indexOf(y.store));
  const ttl = ttlOf(a, store, sessionMinutes);
  return {
    state: a.item.name, store, technology: (f?.profile.technology ?? 'none') as Technology, kind: a.item.kind, implied: a.item.implied,
    why, ...(ttl ? { ttl } : {}), checks, alternatives, ...(scope ? { regionScope: scope } : {}), ...(rejected.length ? { rejectedTechnologies: rejected } : {}),
  };
}

function whyNot(ctx: EvalContext, a: ItemAssessment, s: Store, chosen: Store, verdict: Verdict): string {
  const gate = a.removedBy.get(s);
  if (gate) return gate.map((g) => `${g.because} (${g.rule})`).join('; ');
  const f = a.feasibility.stores[STORE_INDEX[s]];
  if (f && !f.passed) {
    // The binding check (furthest over its limit) in full; the others by id, so the answer stays readable.
    const failed = f.outcomes.filter((o) => !o.passed);
    const over = (o: CheckOutcome) => (o.limit > 0 ? o.value / o.limit : Infinity);
    const binding = failed.reduce((x, y) => (over(y) > over(x) ? y : x));
    const others = failed.filter((o) => o !== binding).map((o) => o.rule.id);
    return `${checkBecause(ctx, a.item, s, f.profile, binding)} (${binding.rule.id})${others.length ? `; also fails ${others.join(', ')}` : ''}`;
  }
  const inProcess = isStateful(s);
  if (decidesPlan(a) && verdict === 'stateless' && inProcess) {
    return `the stateless plan keeps session state out of instance memory (plan.stateless); ${s} scores ${a.scores[s]}`;
  }
  if (decidesPlan(a) && verdict === 'stateful' && !inProcess) {
    return `the stateful plan keeps session state in instance memory (plan.stateful); ${s} scores ${a.scores[s]}`;
  }
  const against = (a.effects.get(s) ?? []).find((e) => e.delta < 0);
  const gap = `${s} scores ${a.scores[s]} against ${a.scores[chosen]} for ${chosen}`;
  return against ? `${gap}: ${against.because} (${against.rule})` : gap;
}

/** Session-scoped state expires: an idle session's length for `minutes`, a day for `hours`. Records do not. */
function ttlOf(a: ItemAssessment, store: Store, sessionMinutes: number): string | undefined {
  if (!STORE_INFO[store].expires) return undefined;
  if (a.item.lifetime === 'minutes') return `${Math.ceil(sessionMinutes)}m`;
  if (a.item.lifetime === 'hours') return '24h';
  return undefined;
}
