import type { Requirements } from '../contract/requirements.ts';
import type { Verdict } from '../contract/recommendation.ts';
import type { Catalog } from '../catalog/compiled.ts';
import type { Predicate } from '../catalog/condition.ts';
import type { Decision } from './decide.ts';
import { buildContext, replaceItem, rescaleContext } from './context.ts';
import type { EvalContext, EvalItem } from '../model/context.ts';
import { scoreItem, type Fired, type ItemScore } from './placement.ts';
import { assessFeasibility, type ItemFeasibility } from './feasibility.ts';
import { STORE_COUNT } from '../model/stores.ts';
import { baseOutcomes, checksMovedBy, reassessed, sameAsBaseFor } from './feasibility-reuse.ts';
import { BUDGETS, sameWhenScaled, scaledFeasibility, scalesLinearly } from './budget-scaling.ts';
import { fleetInstances } from '../model/fleet.ts';
import { sameChoiceFor } from './choice-reuse.ts';
import { choosePlans } from './plans.ts';
import { serviceFired, verdictOf } from './score.ts';

/**
 * The verdict for `req`, which differs from the base decision's input in `changed` alone — the tipping-point
 * search asks this ~50–160 times per advice, so it does only the work the change can reach:
 * - only rules that read `changed` or a figure derived from it are tested (tables.affected);
 * - when none of them changes its answer — most candidates — the base verdict stands, with nothing allocated;
 * - otherwise only the items whose answers moved are re-scored (reusing their unaffected answers), and plans are
 *   re-chosen only when some item moved;
 * - no sentence, factor, Map or Set is built: only the verdict is wanted.
 * A context input that adds, drops or resizes implied items re-scores those items from scratch.
 * Every path adds the same effects in the same order as `decide`, so the verdict is exactly decide's verdict.
 * `narrow: false` leaves out the choice shortcut (choice-reuse.ts): the call it makes again when no plan passes.
 */
/** A re-evaluation's answer: the verdict and whether its plan passes every check. */
export interface Outcome { verdict: Verdict; feasible: boolean }

export function verdictWith(catalog: Catalog, base: Decision, req: Requirements, changed: string, narrow = true): Outcome {
  const tables = catalog.tables;
  const item = /^state\[(.+)\]\.(\w+)$/.exec(changed);
  if (item) return itemChanged(catalog, base, req, item[1]!, item[2]!);
  const affected = tables.affected(changed);
  if (!affected) return fullVerdict(catalog, req);
  // Traffic inputs move derived figures (concurrent sessions, owners, totals): rescale the items. Context inputs may
  // change the implied items: rebuild. Listed items keep their positions either way; implied ones come last.
  const ctx: EvalContext = affected.context === 'rebuilt' ? buildContext(req)
    : affected.context === 'rescaled' ? rescaleContext(base.ctx, req)
      : { req, derived: sameDerived(base.ctx, req), items: base.ctx.items };

  // Items none of whose affected rules changes its answer keep their base scores (an assessment is an ItemScore).
  // A context change can add, drop or resize implied items (always listed last): those are scored afresh.
  // Feasibility reads sizes, rates and budgets, which most inputs reach: it is recomputed for every item (plain
  // arithmetic). An item whose allowed stores did not move keeps its base answer while the base verdict was
  // feasible (then how badly an infeasible store fails cannot matter).
  const baseFeasible = base.plans[base.scored.verdict].feasible;
  const checksMove = !CHECK_FREE.has(changed);
  // A budget's limits scale with it — unless a check reads it elsewhere (scalesLinearly), or the base budget is too
  // small to scale from (0, or so small that a share of it underflows to 0: the contract admits 5e-324 ms).
  const budgetOf = BUDGETS[changed];
  const budget = budgetOf && budgetOf(base.ctx.req) >= SCALABLE_BUDGET && scalesLinearly(catalog, changed) ? budgetOf : undefined;
  // Whether an item's stores still pass as in the base: only the checks the input reaches are recomputed. A context
  // input reaches them through the item-list figures and `connection` (an item it reshaped was scored afresh above;
  // the others equal their base items in every other fact, and no context input moves the fleet).
  const moves = checksMovedBy(catalog, changed, affected.facts);
  const unchanged = (was: ItemScore, item: EvalItem) =>
    sameAsBaseFor(catalog, ctx, item, was.feasibility, baseOutcomes(catalog, base.ctx, was.item, was.gateMask), was.gateMask, moves);
  const q = budget ? budget(req) / budget(base.ctx.req) : 1;
  const scaledSame = (was: ItemScore) => sameWhenScaled(catalog, base.ctx, was.item, was.feasibility, was.gateMask, changed, q);
  const scaled = (was: ItemScore) => scaledFeasibility(catalog, base.ctx, was.item, was.gateMask, changed, q);
  // Without a feasible base every item's stores are assessed again, but only the checks the input reaches computed.
  const again = (was: ItemScore, item: EvalItem) =>
    reassessed(catalog, ctx, item, baseOutcomes(catalog, base.ctx, was.item, was.gateMask), was.gateMask, moves);
  // With a feasible base, an item whose rules stand is kept when no store that can change the plans' choice moved
  // (choice-reuse.ts): its failing stores' violations are not looked at, which only matters if no plan passes.
  let narrowed = false;
  const sameChoice = (was: ItemScore, item: EvalItem) => {
    const same = narrow ? sameChoiceFor(catalog, ctx, item, was, baseOutcomes(catalog, base.ctx, was.item, was.gateMask), moves) : undefined;
    if (same) narrowed = true;
    return same ?? unchanged(was, item);
  };
  const n = ctx.items.length;
  let scores: ItemScore[] | undefined = n === base.assessments.length ? undefined : base.assessments.slice(0, n);
  for (let i = 0; i < n; i++) {
    const item = ctx.items[i]!;
    const was = base.assessments[i];
    if (!was || (affected.reshapes && !sameItem(was.item, item))) {
      (scores ??= base.assessments.slice())[i] = scoreItem(catalog, ctx, item);
      continue;
    }
    if (moved(affected.itemIndexes, tables.itemTests, was.fired, ctx, item)) {
      // Reuse the base's feasibility when no check moved for this item (and the gates stay: scoreItem checks that).
      const keep = !checksMove ? was.feasibility
        : budget ? (baseFeasible && scaledSame(was) ? was.feasibility : scaled(was))
          : baseFeasible ? (unchanged(was, item) ? was.feasibility : undefined) : again(was, item);
      (scores ??= base.assessments.slice())[i] = scoreItem(catalog, ctx, item, { fired: was.fired, affected: affected.item }, keep, false, was.gateMask);
      continue;
    }
    if (!checksMove) continue;
    // A budget scales its limits: whether any store crosses, and how badly each fails, follow from the base's outcomes
    // without a figure recomputed. Any other input: only the checks it reaches are recomputed, while the base passes.
    if (budget ? baseFeasible && scaledSame(was) : baseFeasible && sameChoice(was, item)) continue;
    // Same rules, so the same gates: only the stores they leave need checking.
    const feasibility = budget ? scaled(was) : baseFeasible ? assessFeasibility(catalog, ctx, item, false, was.gateMask) : again(was, item);
    // Same rules fired, so the same scores — unless another technology now runs a store: a score counts a technology
    // the team does not run, so then they are summed again. The same stores can pass with another technology (a
    // crossing that fails postgres leaves cassandra): that too is a new answer, not the base's.
    const sameTechs = sameTechnologies(feasibility, was.feasibility);
    if (feasibility.mask !== was.feasibility.mask || !baseFeasible || !sameTechs) {
      (scores ??= base.assessments.slice())[i] = sameTechs
        ? { item, score: was.score, allowedMask: was.gateMask & feasibility.mask, gateMask: was.gateMask, feasibility, fired: was.fired }
        : scoreItem(catalog, ctx, item, { fired: was.fired, affected: unaffected(was.fired.length) }, feasibility, false, was.gateMask);
    }
  }
  const serviceMoved = moved(affected.serviceIndexes, tables.serviceTests, base.fired, ctx, undefined);
  if (!scores && !serviceMoved) return { verdict: base.scored.verdict, feasible: baseFeasible };

  const choices = scores ? choosePlans(scores) : base.choices;
  if (narrowed && !choices.stateless.feasible && !choices.stateful.feasible && !choices.hybrid.feasible) {
    return verdictWith(catalog, base, req, changed, false);
  }
  const fired = serviceMoved ? serviceFired(catalog, ctx, { fired: base.fired, affected: affected.service }) : base.fired;
  const verdict = verdictOf(catalog, fired, choices);
  return { verdict, feasible: choices[verdict].feasible };
}

/**
 * One listed item's size or rate changed (`state[cart].sizeKb`): only that item is scored again, when nothing else
 * moved — same items, same service-level figures. Otherwise everything is evaluated again.
 */
function itemChanged(catalog: Catalog, base: Decision, req: Requirements, name: string, field: string): Outcome {
  const ctx = replaceItem(base.ctx, req, name) ?? buildContext(req);
  const d = ctx.derived;
  const b = base.ctx.derived;
  // Only the per-session state size (read by service rules) may follow an item's size; anything else: start over.
  if (ctx.items.length !== base.assessments.length || d.sessionItems !== b.sessionItems
    || d.concurrentSessions !== b.concurrentSessions || d.fleetInstances !== b.fleetInstances
    || (d.sessionStateKb !== b.sessionStateKb && catalog.itemInputs.has('derived.sessionStateKb'))) return fullVerdict(catalog, req);
  const scores: ItemScore[] = base.assessments.slice();
  for (let i = 0; i < ctx.items.length; i++) {
    const was = base.assessments[i]!;
    if (ctx.items[i]!.name !== was.item.name) return fullVerdict(catalog, req);
    if (ctx.items[i]!.name === name) scores[i] = scoreItem(catalog, ctx, ctx.items[i]!, { fired: was.fired, affected: catalog.tables.itemFieldAffected(field) });
  }
  const choices = choosePlans(scores);
  const fired = d.sessionStateKb === b.sessionStateKb ? base.fired : serviceFired(catalog, ctx);
  const verdict = verdictOf(catalog, fired, choices);
  return { verdict, feasible: choices[verdict].feasible };
}

/** Whether every store is run by the same technology in both (the only thing besides the rules a score reads). */
function sameTechnologies(a: ItemFeasibility, b: ItemFeasibility): boolean {
  for (let s = 0; s < STORE_COUNT; s++) if (a.stores[s]?.profile.technology !== b.stores[s]?.profile.technology) return false;
  return true;
}

/** No rule to test again: every answer is the base's (one all-zero array per length, only ever read). */
const NONE_AFFECTED = new Map<number, Uint8Array>();
function unaffected(rules: number): Uint8Array {
  let zeros = NONE_AFFECTED.get(rules);
  if (!zeros) NONE_AFFECTED.set(rules, zeros = new Uint8Array(rules));
  return zeros;
}

/** The smallest base budget whose limits scale exactly (far above the doubles whose shares underflow). */
const SCALABLE_BUDGET = 1e-200;

/** Inputs no check reads, directly or through a derived figure: feasibility stays the base's. */
const CHECK_FREE: ReadonlySet<string> = new Set(['failure.deploysPerDay', 'constraints.ops']);

/** The base figures, with the one that availability, regions and spikes move (the fleet before state). */
function sameDerived(base: EvalContext, req: Requirements): EvalContext['derived'] {
  const rpi = fleetInstances(req);
  return rpi === base.derived.fleetInstances ? base.derived : { ...base.derived, fleetInstances: rpi };
}

/** Whether any of the listed rules answers differently from `fired` (the base answers). */
function moved(indexes: readonly number[], tests: readonly Predicate[], fired: Fired, ctx: EvalContext, item: EvalItem | undefined): boolean {
  for (const r of indexes) if (tests[r]!(ctx, item, undefined) !== (fired[r] === 1)) return true;
  return false;
}

/** Same item, same facts — bar `connection` (among the affected facts when it can move) and the implied items' explanations (no rule reads them). */
function sameItem(a: EvalItem, b: EvalItem): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  for (const key in x) if (key !== 'connection' && key !== 'impliedBecause' && key !== 'source' && x[key] !== y[key]) return false;
  return true;
}

function fullVerdict(catalog: Catalog, req: Requirements): Outcome {
  const ctx = buildContext(req);
  const choices = choosePlans(ctx.items.map((item) => scoreItem(catalog, ctx, item)));
  const verdict = verdictOf(catalog, serviceFired(catalog, ctx), choices);
  return { verdict, feasible: choices[verdict].feasible };
}
