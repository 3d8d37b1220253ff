import type { AcceptedRisk } from '../contract/requirements.ts';
import type { Recommendation, Risk } from '../contract/recommendation.ts';
import type { Catalog } from '../catalog/load.ts';
import type { EvalContext, PlanView } from './context.ts';
import { cmp } from './placement.ts';

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/**
 * Risk rules read the chosen plan. A rule that reads item facts yields one risk per matching item, with the id
 * `rule:item`; a service-level rule yields one risk with the rule's id.
 */
export function risks(catalog: Catalog, ctx: EvalContext, plan: PlanView): Risk[] {
  const out: Risk[] = [];
  for (const rule of catalog.risks) {
    const perItem = [...rule.reads].some((r) => r.startsWith('state[]'));
    if (perItem) {
      for (const item of ctx.items) {
        if (!rule.test(ctx, item, plan)) continue;
        out.push({ id: `${rule.id}:${item.name}`, rule: rule.id, severity: rule.severity, text: rule.because(ctx, item, plan), mitigation: rule.mitigation(ctx, item, plan) });
      }
    } else if (rule.test(ctx, undefined, plan)) {
      out.push({ id: rule.id, rule: rule.id, severity: rule.severity, text: rule.because(ctx, undefined, plan), mitigation: rule.mitigation(ctx, undefined, plan) });
    }
  }
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || cmp(a.id, b.id));
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
