import type { Requirements } from '../contract/requirements.ts';
import type { TippingPoint, Verdict } from '../contract/recommendation.ts';
import type { Catalog } from '../catalog/compiled.ts';
import { formatNumber } from '../model/format.ts';
import { STORES } from '../contract/recommendation.ts';
import { breakpoints } from './tipping-breakpoints.ts';
import type { Decision } from './decide.ts';
import { verdictWith, type Outcome } from './reevaluate.ts';
import { ENUMS, itemEnums, itemInputs, NUMERIC, type NumericInput } from './tipping-inputs.ts';
export { ITEM_INPUTS } from './tipping-inputs.ts';

/**
 * Tipping points: the nearest input changes that flip the answer — the verdict, or whether any plan passes every
 * feasibility check. Every rule compares a fact with a constant and every check a figure with a limit, so the answer
 * is piecewise constant in each number and can only change at a rule's threshold or a check's crossing. Rule
 * thresholds are mapped back to the input through the derived figures; check crossings come from each check's own
 * ratio (limit ÷ value: the figures scale linearly with sizes, rates and budgets), so "at latency.p99Ms ≥ 10 the
 * database read fits" is found exactly. Candidates are tried nearest first; enums at every other value. The search
 * has a fixed evaluation budget so no input can make it expensive.
 */
export const TIPPING_BUDGET = 48;
/** Candidates tried per input and direction, nearest first, so one input cannot use the whole budget. */
export const SCAN_LIMIT = 3;
const ITEM_SCAN_LIMIT = 2;
export const MAX_TIPPING_POINTS = 8;
/** Check crossings tried per input and direction, nearest first. */
const CROSSINGS_PER_DIRECTION = 4;
/** Evaluates requirements in which only `input` differs from the original. */
export type Decide = (req: Requirements, input: string) => Outcome;

interface Found extends TippingPoint { distance: number }

export interface TippingAnswer {
  points: TippingPoint[];
  /** Distance of the nearest change that flips the verdict (undefined: none found): what confidence rests on. */
  nearest: number | undefined;
}

/** `decide` is the re-evaluation (verdictWith by default; the differential test passes a full evaluation beside it). */
export function tippingPoints(
  catalog: Catalog, base: Decision, verdict: Verdict, decide: Decide = (r, input) => verdictWith(catalog, base, r, input), budget = TIPPING_BUDGET,
): TippingAnswer {
  const req = base.ctx.req;
  const feasible = base.plans[verdict].feasible;
  let left = budget;
  const flips = (r: Requirements, input: string): Outcome | undefined => {
    if (left <= 0) return undefined;
    left--;
    const o = decide(r, input);
    return o.verdict === verdict && o.feasible === feasible ? undefined : o;
  };
  const found: Found[] = [];
  const effect = (o: Outcome) => (o.verdict !== verdict ? `the verdict becomes ${o.verdict}` : '')
    + (o.feasible !== feasible ? `${o.verdict !== verdict ? ' and ' : ''}${o.feasible ? `a plan passes every check (${o.verdict})` : 'no plan passes every check'}` : '');
  for (const e of [...ENUMS, ...itemEnums(req)]) {
    const from = e.get(req);
    for (const to of e.values) {
      if (to === from) continue;
      const o = flips(e.set(req, to), e.input);
      if (o) found.push({ input: e.input, from, to, verdict: o.verdict, feasible: o.feasible, note: `with ${e.input} ${String(to)} (now ${String(from)}) ${effect(o)}${e.consequence ? ` (${e.consequence(to)})` : ''}`, distance: 1 });
    }
  }
  for (const n of [...NUMERIC, ...itemInputs(req, base)]) {
    if (left <= 0) break;
    const from = n.get(req);
    if (from === undefined) continue;
    const points = breakpoints(n.input, req, catalog);
    if (n.steps) points.push(...n.steps);
    // Each check crossing once, just past it (checks are `value ≤ limit`): scaled up and down, the figures being
    // linear in sizes, rates and budgets. A crossing remembers which check it is, for the note.
    const labels = new Map<number, Crossing>();
    if (n.physical && from > 0) {
      const crossings = crossingRatios(base, n.input);
      for (const r of nearestRatios(crossings)) {
        points.push(from * r, from / r);
        labels.set(from * r, crossings.get(r)!);
        labels.set(from / r, crossings.get(r)!);
      }
    }
    for (const direction of [1, -1] as const) {
      const hit = scan(n, req, from, direction, points, flips, labels);
      if (!hit) continue;
      const op = direction > 0 ? '≥' : '≤';
      const distance = n.distance ? n.distance(from, hit.value) : Math.abs(Math.log((hit.value + 1) / (from + 1)));
      found.push({
        input: n.input, from, to: hit.value, verdict: hit.outcome.verdict, feasible: hit.outcome.feasible,
        note: `at ${n.input} ${op} ${formatNumber(hit.value)} (now ${formatNumber(from)}) ${effect(hit.outcome)}${hit.label ? `: ${hit.label} crosses its limit` : ''}`, distance,
      });
    }
  }
  found.sort((a, b) => a.distance - b.distance || (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
  let nearest: number | undefined;
  for (const f of found) if (f.verdict !== verdict) { nearest = f.distance; break; }
  return { points: found.slice(0, MAX_TIPPING_POINTS).map(({ distance: _d, ...tp }) => tp), nearest };
}

/**
 * limit ÷ value of every check (of every store the items were weighed in) that `input` moves, nearest to 1 first:
 * scaling a linear input by one of these (or its inverse) puts that check exactly at its limit. Item inputs
 * (`state[cart].sizeKb`) take only that item's checks.
 */
interface Crossing { check: string; item: string; store: string; technology: string }
const crossingLabel = (c: Crossing) => `${c.check} for ${c.item} in ${c.store} (${c.technology})`;

function crossingRatios(base: Decision, input: string): Map<number, Crossing> {
  const out = new Map<number, Crossing>();
  const item = input.startsWith('state[') ? input.slice(6, input.indexOf('].')) : undefined;
  const fact = item === undefined ? input : `state[].${input.slice(input.indexOf('].') + 2)}`;
  const chosen = base.plans[base.scored.verdict].stores;
  for (const a of base.assessments) {
    if (item !== undefined && a.item.name !== item) continue;
    for (const f of a.feasibility.stores) {
      if (!f) continue;
      for (const o of f.outcomes) {
        if (o.value <= 0 || o.limit <= 0 || !o.rule.inputs.has(fact)) continue;
        const r = o.limit / o.value;
        if (!(r > 1e-6 && r < 1e6 && r !== 1)) continue;
        // Several stores can cross at the same ratio: name the one the answer chose, else the first. The sentence is
        // built only for the crossing a tipping point reports (most ratios are never tried).
        const store = STORES[storeIndexOf(a, f)]!;
        if (!out.has(r) || chosen.get(a.item.name) === store) out.set(r, { check: o.rule.id, item: a.item.name, store, technology: f.profile.technology });
      }
    }
  }
  return out;
}

/** The store index of one of an item's feasibility entries. */
function storeIndexOf(a: Decision['assessments'][number], f: NonNullable<Decision['assessments'][number]['feasibility']['stores'][number]>): number {
  return a.feasibility.stores.indexOf(f);
}

function nearestRatios(ratios: Map<number, Crossing>): number[] {
  // Each ratio's distance once (a comparator calling Math.log twice per comparison cost more than the sort).
  return [...ratios.keys()].map((r) => [Math.abs(Math.log(r)), r] as const).sort((x, y) => x[0] - y[0])
    .slice(0, CROSSINGS_PER_DIRECTION * 2).map(([, r]) => r);
}

function scan(
  n: NumericInput, req: Requirements, from: number, direction: 1 | -1, points: number[],
  flips: (r: Requirements, input: string) => Outcome | undefined, labels: ReadonlyMap<number, Crossing>,
): { value: number; outcome: Outcome; label?: string } | undefined {
  // Try a hair beyond each breakpoint in the direction of travel: every comparison (`gte`, `gt`, `lt`, `lte`) and
  // every check has changed its answer there. On a flip, the breakpoint itself and a round figure are tried too,
  // so the answer says "≥ 20" for a `gte: 20` rule, never a figure that was not verified.
  // (Loops rather than flatMap/Set-spread/filter chains: this runs for every numeric input of every advice.)
  const seen = new Set<number>();
  const candidates: [number, number, number][] = [];
  const bound = (v: number) => {
    const b = Math.min(n.max, Math.max(n.min, v));
    return n.integer ? (direction > 0 ? Math.ceil(b) : Math.floor(b)) : b;
  };
  for (const b of points) {
    if (!Number.isFinite(b)) continue;
    const hair = bound(n.integer ? (direction > 0 ? Math.floor(b) + 1 : Math.ceil(b) - 1) : b * (1 + 1e-6 * direction) + 1e-9 * direction);
    if ((direction > 0 ? hair > from : hair < from) && !seen.has(hair)) { seen.add(hair); candidates.push([hair, bound(b), b]); }
  }
  candidates.sort((a, b) => Math.abs(a[0] - from) - Math.abs(b[0] - from));
  const limit = n.input.startsWith('state[') ? ITEM_SCAN_LIMIT : SCAN_LIMIT;
  if (candidates.length > limit) candidates.length = limit;
  const beyond = (v: number) => (direction > 0 ? v > from : v < from) && v >= n.min && v <= n.max;
  for (const [hair, exact, point] of candidates) {
    const outcome = flips(n.set(req, hair), n.input);
    if (!outcome) continue;
    const crossing = labels.get(point);
    const label = crossing && crossingLabel(crossing);
    let found: { value: number; outcome: Outcome; label?: string } = { value: hair, outcome, ...(label ? { label } : {}) };
    if (exact !== hair && beyond(exact)) {
      const at = flips(n.set(req, exact), n.input);
      if (at) found = { value: exact, outcome: at, ...(label ? { label } : {}) };
    }
    // Report a round figure when it still flips: "peakRps ≥ 5000", not "≥ 4999.9999".
    const round = roundToward(found.value, direction);
    if (round !== found.value && beyond(round)) {
      const again = flips(n.set(req, round), n.input);
      if (again) return { value: round, outcome: again, ...(label ? { label } : {}) };
    }
    return found;
  }
  return undefined;
}

function roundToward(v: number, direction: 1 | -1): number {
  const scale = Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 1 ? 100 : 10_000;
  return (direction > 0 ? Math.ceil(v * scale) : Math.floor(v * scale)) / scale;
}
