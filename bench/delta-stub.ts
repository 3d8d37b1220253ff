import { BUILTIN_CATALOG, loadCatalog, validateRequirements } from '../rules/index.ts';
import type { Requirements } from '../rules/contract/requirements.ts';
import type { Catalog } from '../rules/catalog/compiled.ts';
import type { TippingPoint } from '../rules/contract/recommendation.ts';
import { decide, type Decision } from '../rules/engine/decide.ts';
import { tippingPoints } from '../rules/engine/tipping.ts';
import { verdictWith, type Outcome } from '../rules/engine/reevaluate.ts';
import { choosePlans } from '../rules/engine/plans.ts';
import { verdictOf } from '../rules/engine/score.ts';
import type { ItemScore } from '../rules/engine/placement.ts';
import { itemInputs, NUMERIC } from '../rules/engine/tipping-inputs.ts';
import { withInstanceProfile } from '../rules/model/instance-profile.ts';
import { generateMany, TYPICAL, variants } from './lib/inputs.ts';

/**
 * An experiment, not a speed benchmark (issue 25): would "tipping points by delta" as the issue sketches it be exact?
 * The sketch: at a check crossing exactly one (item, store) feasibility bit flips, so plans can be re-chosen over the
 * base assessments with that bit toggled instead of re-evaluating. This runs the tipping-point search twice per input,
 * once with the exact re-evaluation and once with that stub for every candidate that sits on a check crossing
 * (every other candidate stays exact, which favours the stub), and re-applies each tipping point only the stub reports
 * with a full evaluation. `npx tsx bench/delta-stub.ts [--count N]` (default: 600 generated inputs + 100 typical).
 */
const args = process.argv.slice(2);
const count = args.includes('--count') ? Number(args[args.indexOf('--count') + 1]) : 600;
const catalog = (loadCatalog(BUILTIN_CATALOG) as { value: Catalog }).value;
const documents = [...generateMany(11, count), ...variants(TYPICAL, 100, 7)]
  .map((d) => validateRequirements(d))
  .flatMap((r) => (r.ok ? [withInstanceProfile(catalog.prices, r.value)] : []));

const tally = { inputs: 0, candidates: 0, onCrossing: 0, agree: 0, stubFlipsExactNot: 0, exactFlipsStubNot: 0, flipDiffers: 0, exactPoints: 0, stubPoints: 0, answersDiffer: 0, stubPointsRefuted: 0 };
const key = (p: TippingPoint) => `${p.input}|${String(p.to)}|${p.verdict}|${String(p.feasible)}`;

for (const req of documents) {
  const base = decide(catalog, req, true);
  const verdict = base.scored.verdict;
  const feasible = base.plans[verdict].feasible;
  const flipped = (o: Outcome) => o.verdict !== verdict || o.feasible !== feasible;
  const numeric = new Map([...NUMERIC, ...itemInputs(req, base)].map((n) => [n.input, n]));
  const exact = (r: Requirements, input: string) => verdictWith(catalog, base, r, input);
  const withStub = (r: Requirements, input: string): Outcome => {
    tally.candidates++;
    const right = exact(r, input);
    const stub = oneBitStub(catalog, base, req, r, input, numeric);
    if (!stub) return right;
    tally.onCrossing++;
    const a = flipped(right);
    const b = flipped(stub);
    if (a === b && (!a || (right.verdict === stub.verdict && right.feasible === stub.feasible))) tally.agree++;
    else if (b && !a) tally.stubFlipsExactNot++;
    else if (a && !b) tally.exactFlipsStubNot++;
    else tally.flipDiffers++;
    return stub;
  };
  const truth = tippingPoints(catalog, base, verdict, exact).points;
  const claimed = tippingPoints(catalog, base, verdict, withStub).points;
  tally.inputs++;
  tally.exactPoints += truth.length;
  tally.stubPoints += claimed.length;
  const known = new Set(truth.map(key));
  if (claimed.length !== truth.length || claimed.some((p) => !known.has(key(p)))) tally.answersDiffer++;
  for (const p of claimed) {
    const n = numeric.get(p.input);
    if (known.has(key(p)) || !n || typeof p.to !== 'number') continue;
    const again = decide(catalog, n.set(req, p.to), false);
    if (again.scored.verdict !== p.verdict || again.plans[again.scored.verdict].feasible !== p.feasible) tally.stubPointsRefuted++;
  }
}
console.log(JSON.stringify(tally, null, 2));

/**
 * The sketch's answer for a candidate of a linear input that sits on check crossings (the input scaled so that a check
 * that reads it on one side only lands on its limit, within 1e-4 in log): each such store's pass bit toggled — a passing store fails;
 * a failing store passes when that was its only failed check — and plans re-chosen with the base rules' answers.
 * Undefined for any other candidate.
 */
/** Where a linear input puts a check at its limit, as a log step from the base: up by limit ÷ value when the input is in the measure, down when it is in the limit (a budget); NaN when in both or neither. */
function crossingStep(o: { rule: { measure: { inputs: readonly string[] }; limit: { inputs: readonly string[] } }; value: number; limit: number }, fact: string): number {
  const inMeasure = o.rule.measure.inputs.includes(fact);
  const inLimit = o.rule.limit.inputs.includes(fact);
  if (inMeasure === inLimit) return NaN;
  return (inMeasure ? 1 : -1) * Math.log(o.limit / o.value);
}

function oneBitStub(
  catalog: Catalog, base: Decision, req: Requirements, r: Requirements, input: string, numeric: ReadonlyMap<string, (typeof NUMERIC)[number]>,
): Outcome | undefined {
  const n = numeric.get(input);
  if (!n || !n.physical) return undefined;
  const from = n.get(req);
  const to = n.get(r);
  if (!(from! > 0 && to! > 0)) return undefined;
  const step = Math.log(to! / from!);
  const item = input.startsWith('state[') ? input.slice(6, input.indexOf('].')) : undefined;
  const fact = item === undefined ? input : `state[].${input.slice(input.indexOf('].') + 2)}`;
  const scores: ItemScore[] = base.assessments.slice();
  let toggled = false;
  base.assessments.forEach((a, i) => {
    if (item !== undefined && a.item.name !== item) return;
    a.feasibility.stores.forEach((f, s) => {
      if (!f) return;
      const crossing = f.outcomes.some((o) => o.value > 0 && o.limit > 0 && Math.abs(step - crossingStep(o, fact)) < 1e-4);
      if (!crossing || (!f.passed && f.outcomes.filter((o) => !o.passed).length > 1)) return;
      const was = scores[i]!;
      const passed = !f.passed;
      const stores = was.feasibility.stores.slice();
      stores[s] = { ...f, passed, violation: passed ? 0 : 1e-6 };
      const mask = passed ? was.feasibility.mask | (1 << s) : was.feasibility.mask & ~(1 << s);
      scores[i] = { ...was, feasibility: { mask, stores }, allowedMask: was.gateMask & mask };
      toggled = true;
    });
  });
  if (!toggled) return undefined;
  const choices = choosePlans(scores);
  const v = verdictOf(catalog, base.fired, choices);
  return { verdict: v, feasible: choices[v].feasible };
}
