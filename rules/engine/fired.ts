import type { Requirements } from '../contract/requirements.ts';
import type { Catalog, CompiledRule } from '../catalog/compiled.ts';
import { advise } from './advise.ts';
import { buildContext } from './context.ts';

/**
 * The ids of the rules that fire for one input, for `statewise rules coverage`: service rules whose condition holds,
 * gates and placement rules that hold for at least one state item (implied items included), and risk rules that
 * produced a risk (open or accepted) on the recommended plan.
 * @example firedRules(catalog, requirements).has('svc.high-traffic')
 */
export function firedRules(catalog: Catalog, req: Requirements): Set<string> {
  const fired = new Set<string>();
  const ctx = buildContext(req);
  for (const rule of catalog.service) if (rule.test(ctx, undefined, undefined)) fired.add(rule.id);
  for (const rule of [...catalog.gates, ...catalog.placement]) {
    if (ctx.items.some((item) => rule.test(ctx, item, undefined))) fired.add(rule.id);
  }
  // Risk rules read the chosen plan, which only the whole evaluation knows; a risk's id is `rule` or `rule:item`.
  // A check fires when it decides something: it fails for some store, or it is a risk on the chosen placement.
  const rec = advise(catalog, req);
  const checkIds = new Set(catalog.checks.map((c) => c.id));
  for (const p of rec.placements) {
    for (const a of p.alternatives) for (const m of a.whyNot.matchAll(/check\.[a-z0-9-]+/g)) if (checkIds.has(m[0])) fired.add(m[0]);
  }
  for (const plan of Object.values(rec.plans)) for (const b of plan.blockers) fired.add(b.check);
  for (const r of rec.risks) fired.add(r.rule);
  for (const r of rec.acceptedRisks) fired.add(r.id.split(':')[0]!);
  return fired;
}

export interface RuleCoverage {
  id: string;
  kind: CompiledRule['kind'];
  title: string;
  file: string;
  line: number;
  /** Names of the inputs the rule fired for, in input order. */
  firedBy: string[];
}

/**
 * Which rules fired over a set of named inputs, every rule of the catalogue listed in catalogue order.
 * @example ruleCoverage(catalog, [{ name: 'a.yaml', req }]).filter((r) => r.firedBy.length === 0)
 */
export function ruleCoverage(catalog: Catalog, inputs: readonly { name: string; req: Requirements }[]): RuleCoverage[] {
  const fired = inputs.map((i) => ({ name: i.name, ids: firedRules(catalog, i.req) }));
  return catalog.rules.map((r) => ({
    id: r.id, kind: r.kind, title: r.title, file: r.file, line: r.line,
    firedBy: fired.filter((f) => f.ids.has(r.id)).map((f) => f.name),
  }));
}
