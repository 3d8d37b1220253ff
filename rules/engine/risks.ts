import type { AcceptedRisk } from '../contract/requirements.ts';
import type { Recommendation, Risk } from '../contract/recommendation.ts';
import type { Store } from '../contract/recommendation.ts';
import type { Catalog } from '../catalog/compiled.ts';
import { checkQuote } from './check-sentence.ts';
import type { EvalContext, PlanView } from '../model/context.ts';
import { cmp, type ItemAssessment } from './placement.ts';
import { STORE_INDEX } from '../model/stores.ts';
import { quoteFigure } from '../model/format.ts';
import { vetMitigation } from './mitigation.ts';
import { withoutAssumedReads } from './assumed-reads.ts';

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/**
 * Risk rules read the chosen plan. A rule that reads item facts yields one risk per matching item, with the id
 * `rule:item`; a service-level rule yields one risk with the rule's id.
 */
export function risks(catalog: Catalog, ctx: EvalContext, plan: PlanView, allowedFor: (item: string) => ReadonlySet<Store> | undefined = () => undefined): Risk[] {
  const out: Risk[] = [];
  for (const rule of catalog.risks) {
    const perItem = [...rule.reads].some((r) => r.startsWith('state[]'));
    if (perItem) {
      for (const item of ctx.items) {
        if (!rule.test(ctx, item, plan)) continue;
        const mitigation = vetMitigation(rule.mitigation, ctx, item, plan, undefined, allowedFor(item.name), plan.storeOf(item.name));
        out.push({ id: `${rule.id}:${item.name}`, rule: rule.id, severity: rule.severity, text: rule.because(ctx, item, plan), mitigation });
      }
    } else if (rule.test(ctx, undefined, plan)) {
      out.push({ id: rule.id, rule: rule.id, severity: rule.severity, text: rule.because(ctx, undefined, plan), mitigation: vetMitigation(rule.mitigation, ctx, undefined, plan, undefined, undefined, undefined) });
    }
  }
  return out;
}

export function sortRisks(list: Risk[]): Risk[] {
  return list.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || cmp(a.id, b.id));
}

/**
 * A chosen placement that passes a check with little to spare is a risk whose severity follows the margin: at 90% or
 * more of the limit high, at 75% medium, at 50% low. (A placement over a limit is never chosen while a feasible one
 * exists: it is a blocker, not a risk.) Yes/no checks have no margin.
 */
export const MARGIN_SEVERITY: readonly [number, Risk['severity']][] = [[0.9, 'high'], [0.75, 'medium'], [0.5, 'low']];

export function marginRisks(ctx: EvalContext, assessments: readonly ItemAssessment[], stores: ReadonlyMap<string, Store>): Risk[] {
  const out: Risk[] = [];
  for (const a of assessments) {
    const store = stores.get(a.item.name) ?? 'none';
    const f = a.feasibility.stores[STORE_INDEX[store]];
    if (!f) continue;
    for (const o of f.outcomes) {
      if (!o.passed || o.limit <= 0 || o.value <= 0) continue;
      const used = o.value / o.limit;
      // The assumed read share of an off-hot-path item never raises a risk by itself: the severity is what the
      // item's own figures support (a note asks for readsPerMinute).
      const own = withoutAssumedReads(ctx, a.item, store, f.profile, o) / o.limit;
      const severity = MARGIN_SEVERITY.find(([at]) => Math.min(used, own) >= at)?.[1];
      if (!severity) continue;
      const quote = checkQuote(ctx, a.item, store, f.profile, o);
      out.push({
        id: `${o.rule.id}:${a.item.name}`, rule: o.rule.id, severity,
        text: `${a.item.name} in ${store} (${f.profile.technology}) uses ${Math.round(used * 100)}% of its limit: ${quoteFigure(o.value, o.limit)} of ${quoteFigure(o.limit, o.value)} ${o.rule.unit} (${quote.measure}; ${quote.bound})`,
        mitigation: vetMitigation(o.rule.mitigation, ctx, a.item, undefined, quote, a.allowed, store),
      });
    }
  }
  return out;
}

/**
 * Moves accepted risks out of the list. An acceptance names a risk id or a rule id (accepting it for every item);
 * one whose `until` is before `today` no longer applies, and the risk says so.
 */
export function applyAcceptance(
  found: Risk[], accept: readonly AcceptedRisk[] | undefined, today: string | undefined,
): { risks: Risk[]; accepted: Recommendation['acceptedRisks'] } {
  if (!accept?.length) return { risks: found, accepted: [] };
  const risksOut: Risk[] = [];
  const accepted: Recommendation['acceptedRisks'] = [];
  for (const r of found) {
    const a = accept.find((x) => x.risk === r.id || x.risk === r.rule);
    if (!a) { risksOut.push(r); continue; }
    if (today !== undefined && a.until < today) {
      risksOut.push({ ...r, text: `${r.text} (acceptance expired ${a.until}: ${a.reason})` });
    } else accepted.push({ id: r.id, severity: r.severity, text: r.text, reason: a.reason, until: a.until });
  }
  return { risks: risksOut, accepted };
}
