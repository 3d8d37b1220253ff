import { buildContext } from '../rules/engine/context.ts';
import type { EvalContext } from '../rules/model/context.ts';
import { scoreItem } from '../rules/engine/placement.ts';
import { serviceFired } from '../rules/engine/score.ts';
import { STORES } from '../rules/contract/recommendation.ts';
import type { Catalog } from '../rules/catalog/compiled.ts';
import { builtin, normalized } from './lib/engine.ts';
import { generateMany } from './lib/inputs.ts';
import { factsFor, firedIndexes, jreEngines, type JreEngines } from './lib/jre.ts';
import { fmt, median } from './lib/stats.ts';
import { table } from './lib/table.ts';
import type { BenchOptions, BenchResult } from './lib/result.ts';
import type { ItemFeasibility } from '../rules/engine/feasibility.ts';
import { ALL_STORES } from '../rules/model/stores.ts';

/**
 * Benchmark 1: the statewise rule evaluation (compiled closures over index tables) against json-rules-engine
 * running the same service, gate and placement rules, on the same generated inputs. One evaluation = every
 * service rule once plus every gate and placement rule once per state item (implied items included), giving the
 * three service sums and each item's store scores. Both start from the same evaluation context (facts computed
 * once, outside the timing), and both must agree on every score before any time is reported.
 */
export const GOAL_RATIO = 100;

/**
 * json-rules-engine runs the translated gates and weights only, so ours runs them alone too: the feasibility checks
 * (arithmetic, not rules) are left out of this comparison and measured with the whole advice.
 */
const NO_CHECKS: ItemFeasibility = { mask: ALL_STORES, stores: [] };

interface Scores { service: number[]; items: number[][] }

function ours(catalog: Catalog, ctx: EvalContext): Scores {
  const fired = serviceFired(catalog, ctx);
  return { service: sums(catalog, [...fired.keys()].filter((i) => fired[i])), items: ctx.items.map((item) => itemScores(catalog, ctx, item)) };
}

function itemScores(catalog: Catalog, ctx: EvalContext, item: EvalContext['items'][number]): number[] {
  const s = scoreItem(catalog, ctx, item, undefined, NO_CHECKS);
  // A removed store reads as -1, so gates are compared too.
  return STORES.map((_, i) => ((s.gateMask >> i) & 1 ? s.score[i]! : -1));
}

function sums(catalog: Catalog, fired: readonly number[]): number[] {
  const out = [50, 50, 50];
  for (const i of fired) {
    const e = catalog.service[i]!.effect;
    out[0]! += e.stateless; out[1]! += e.stateful; out[2]! += e.hybrid;
  }
  return out;
}

async function theirs(catalog: Catalog, jre: JreEngines, facts: Facts): Promise<Scores> {
  const service = sums(catalog, await firedIndexes(jre.service, facts.service));
  const items: number[][] = [];
  for (const f of facts.items) {
    const score = STORES.map(() => 50);
    let removed = 0;
    for (const i of await firedIndexes(jre.item, f)) {
      const r = catalog.tables.itemRules[i]!;
      removed |= r.removes;
      r.stores.forEach((s, k) => { score[s]! += r.deltas[k]!; });
    }
    items.push(score.map((v, s) => ((removed >> s) & 1 ? -1 : Math.max(0, Math.min(100, v)))));
  }
  return { service, items };
}

interface Facts { service: Record<string, unknown>; items: Record<string, unknown>[] }

export async function runEngineVsJre(options: BenchOptions): Promise<BenchResult> {
  const { catalog } = builtin();
  const jre = jreEngines(catalog);
  const count = options.quick ? 200 : 1000;
  const ctxs = generateMany(1126, count, catalog.thresholds).map((d) => buildContext(normalized(d)));
  const facts: Facts[] = ctxs.map((ctx) => ({ service: factsFor(ctx, undefined), items: ctx.items.map((i) => factsFor(ctx, i)) }));
  const evaluations = ctxs.reduce((a, c) => a + 1 + c.items.length, 0);

  // Same answers first: a faster engine that disagrees measures nothing.
  for (let i = 0; i < count; i++) {
    const a = JSON.stringify(ours(catalog, ctxs[i]!));
    const b = JSON.stringify(await theirs(catalog, jre, facts[i]!));
    if (a !== b) throw new Error(`input ${i}: statewise ${a} ≠ json-rules-engine ${b}`);
  }

  // What is timed on our side is the evaluation alone (scores into a reused array), as json-rules-engine's side
  // times its runs plus summing its events; the conversion to comparable arrays above is not timed.
  const sumsOut = new Float64Array(3);
  const evaluate = (ctx: EvalContext) => {
    const fired = serviceFired(catalog, ctx);
    sumsOut.fill(50);
    for (let r = 0; r < fired.length; r++) {
      if (!fired[r]) continue;
      const e = catalog.service[r]!.effect;
      sumsOut[0]! += e.stateless; sumsOut[1]! += e.stateful; sumsOut[2]! += e.hybrid;
    }
    let last = 0;
    for (const item of ctx.items) last += scoreItem(catalog, ctx, item, undefined, NO_CHECKS).gateMask;
    return last;
  };
  const rounds = options.quick ? 3 : 5;
  const oursUs: number[] = [];
  const theirsUs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // Interleaved rounds, so drift on a shared machine hits both sides alike. Ours repeats to get a timeable span.
    const reps = 20;
    let t = process.hrtime.bigint();
    for (let r = 0; r < reps; r++) for (const ctx of ctxs) evaluate(ctx);
    oursUs.push(Number(process.hrtime.bigint() - t) / 1000 / reps / count);
    t = process.hrtime.bigint();
    for (const f of facts) await theirs(catalog, jre, f);
    theirsUs.push(Number(process.hrtime.bigint() - t) / 1000 / count);
  }
  const o = median(oursUs);
  const j = median(theirsUs);
  const ratio = j / o;
  const rules = catalog.service.length + catalog.tables.itemRules.length;
  const rows = [
    ['statewise (compiled closures)', fmt(o, 2), fmt(1e6 / o, 0), '1.0×'],
    ['json-rules-engine 7.3.1', fmt(j, 1), fmt(1e6 / j, 0), `${fmt(1 / ratio, 4)}×`],
  ];
  return {
    name: 'engine-vs-jre',
    text: table(`1. Rule evaluation: statewise vs json-rules-engine (${count} generated inputs, ${evaluations} rule-set runs, ${rules} rules; identical scores asserted)`,
      ['engine', 'µs / input', 'inputs/s', 'relative'], rows)
      + `\nratio: statewise is ${fmt(ratio, 0)}× json-rules-engine — goal ≥ ${GOAL_RATIO}×: ${ratio >= GOAL_RATIO ? 'met' : 'MISSED'}`,
    ratios: { 'jre/statewise': ratio },
    goals: [{ goal: `statewise ≥ ${GOAL_RATIO}× json-rules-engine`, met: ratio >= GOAL_RATIO, figure: `${fmt(ratio, 0)}×` }],
  };
}
