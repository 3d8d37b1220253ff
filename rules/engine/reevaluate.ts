import type { Requirements } from '../contract/requirements.ts';
import type { Verdict } from '../contract/recommendation.ts';
import type { Catalog } from '../catalog/load.ts';
import type { Decision } from './advise.ts';
import { buildContext, type EvalContext } from './context.ts';
import { scoreItem } from './placement.ts';
import { choosePlans } from './plans.ts';
import { serviceFired, verdictOf } from './score.ts';

/**
 * The verdict for `req`, which differs from the base decision's input in `changed` alone — the tipping-point
 * search asks this ~50–160 times per advice, so it does only the work the change can reach:
 * - rules that read neither `changed` nor a figure derived from it keep their base answers (tables.affected);
 * - item scores and plans are reused outright when no gate or placement rule is reached;
 * - no sentence, factor, Map or Set is built: only the verdict is wanted.
 * A context input that adds, removes or resizes implied items gets a full evaluation.
 * Every path adds the same effects in the same order as `decide`, so the verdict is exactly decide's verdict.
 */
export function verdictWith(catalog: Catalog, base: Decision, req: Requirements, changed: string): Verdict {
  const affected = catalog.tables.affected(changed);
  if (!affected) return fullVerdict(catalog, req);
  // Derived figures (concurrent sessions, owners, totals) move with traffic inputs: rebuild the items' figures.
  // Item i is still base item i: the list only changes with context inputs, checked next.
  const ctx: EvalContext = affected.derived ? buildContext(req) : { req, derived: base.ctx.derived, items: base.ctx.items };
  // A context change that implies other items (or implied items of another size) starts over.
  if (affected.reshapes && !sameItems(base.ctx, ctx)) return fullVerdict(catalog, req);
  const choices = affected.anyItem
    ? choosePlans(ctx.items.map((item, i) => scoreItem(catalog.tables, ctx, item, { fired: base.assessments[i]!.fired, affected: affected.item })))
    : base.choices;
  const fired = serviceFired(catalog, ctx, { fired: base.fired, affected: affected.service });
  return verdictOf(catalog, fired, choices);
}

/**
 * The rebuilt context has the same items with the same facts, bar the ones the varied input is known to move
 * (`connection`, already among the affected facts) and the implied items' explanations (never read by a rule).
 */
function sameItems(a: EvalContext, b: EvalContext): boolean {
  if (a.items.length !== b.items.length) return false;
  for (let i = 0; i < a.items.length; i++) {
    const x = a.items[i]! as unknown as Record<string, unknown>;
    const y = b.items[i]! as unknown as Record<string, unknown>;
    for (const key of Object.keys(x)) if (key !== 'connection' && key !== 'impliedBecause' && x[key] !== y[key]) return false;
  }
  const d = a.derived as unknown as Record<string, unknown>;
  const e = b.derived as unknown as Record<string, unknown>;
  return Object.keys(d).every((k) => d[k] === e[k]);
}

function fullVerdict(catalog: Catalog, req: Requirements): Verdict {
  const ctx = buildContext(req);
  const choices = choosePlans(ctx.items.map((item) => scoreItem(catalog.tables, ctx, item)));
  return verdictOf(catalog, serviceFired(catalog, ctx), choices);
}
