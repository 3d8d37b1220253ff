import { builtin, normalized } from './lib/engine.ts';
import { large, SMALL, TYPICAL, variants } from './lib/inputs.ts';
import { fmt, median, p99, sampleMicros } from './lib/stats.ts';
import { table } from './lib/table.ts';
import type { BenchOptions, BenchResult } from './lib/result.ts';

/**
 * Benchmark 2: a full advice (placements, capacity, operations, risks, tipping points, summary) on already parsed
 * and normalized input — what an HTTP request or an editor command pays after parsing.
 *
 * Every case cycles through distinct documents (`variants`: the same service with every number scaled by its own
 * factor), so no cache keyed by input could stand in for the advice. The regression ratio is advice time over a
 * calibration workload measured in the same run (a JSON round trip of typical answers), so a slower machine moves
 * both and the ratio stays put.
 */
/** Issue 25's goals (restated from measurement): full typical, full 50 items, brief typical. */
export const GOAL_TYPICAL_MEDIAN_US = 300;
export const GOAL_LARGE_MEDIAN_US = 3000;
export const GOAL_BRIEF_MEDIAN_US = 100;
const DISTINCT = 200;

export function runAdvice(options: BenchOptions): BenchResult {
  const { catalog, engine } = builtin();
  const cases = [
    { name: `small (1 item), ${DISTINCT} distinct`, reqs: variants(SMALL, DISTINCT, 11).map(normalized) },
    { name: `typical (5 items), ${DISTINCT} distinct`, reqs: variants(TYPICAL, DISTINCT, 12).map(normalized) },
    { name: 'large (50 items), 20 distinct', reqs: Array.from({ length: 20 }, (_, i) => normalized(large(catalog.thresholds, 50 + i))) },
  ];
  const samples = options.quick ? 60 : 300;
  const rows: string[][] = [];
  const medians: number[] = [];
  for (const c of cases) {
    let next = 0;
    const batch = c.reqs[0]!.state.length > 10 ? 2 : 20;
    const us = sampleMicros(() => engine.advise(c.reqs[next++ % c.reqs.length]!), { samples, batch });
    medians.push(median(us));
    rows.push([c.name, fmt(median(us)), fmt(p99(us)), fmt(1e6 / median(us), 0)]);
  }
  // The brief answer (no sentences, no tipping-point search) on the same typical documents.
  let nextBrief = 0;
  const typicalReqs = cases[1]!.reqs;
  const briefUs = sampleMicros(() => engine.advise(typicalReqs[nextBrief++ % typicalReqs.length]!, { detail: 'brief' }), { samples, batch: 20 });
  const brief = median(briefUs);
  rows.push([`typical, brief answer, ${DISTINCT} distinct`, fmt(brief), fmt(p99(briefUs)), fmt(1e6 / brief, 0)]);
  // Calibration: JSON round trips of typical answers (~30 KB each) — work of the same size class as an advice.
  const answers = cases[1]!.reqs.slice(0, 20).map((r) => JSON.stringify(engine.advise(r)));
  let k = 0;
  const calib = median(sampleMicros(() => JSON.stringify(JSON.parse(answers[k++ % answers.length]!)), { samples, batch: 10 }));
  const [, typical, big] = medians as [number, number, number];
  const kb = answers.reduce((a, s) => a + s.length, 0) / answers.length / 1024;
  return {
    name: 'advice',
    text: table('2. Full advice (parsing excluded), µs per advice, cycling through distinct documents', ['input', 'median µs', 'p99 µs', 'advices/s'], rows)
      + `\ncalibration: JSON round trip of a typical answer (${fmt(kb, 0)} KB) ${fmt(calib, 1)} µs; typical advice = ${fmt(typical / calib, 2)}× that`
      + `\ngoals: typical median ≤ ${GOAL_TYPICAL_MEDIAN_US} µs — ${typical <= GOAL_TYPICAL_MEDIAN_US ? 'met' : 'MISSED'} (${fmt(typical)} µs); `
      + `large ≤ ${GOAL_LARGE_MEDIAN_US} µs — ${big <= GOAL_LARGE_MEDIAN_US ? 'met' : 'MISSED'} (${fmt(big)} µs); `
      + `brief ≤ ${GOAL_BRIEF_MEDIAN_US} µs — ${brief <= GOAL_BRIEF_MEDIAN_US ? 'met' : 'MISSED'} (${fmt(brief)} µs)`,
    ratios: { 'advice.typical/jsonRoundTrip': typical / calib, 'advice.large/typical': big / typical, 'advice.brief/jsonRoundTrip': brief / calib },
    goals: [
      { goal: `typical advice median ≤ ${GOAL_TYPICAL_MEDIAN_US} µs (distinct inputs)`, met: typical <= GOAL_TYPICAL_MEDIAN_US, figure: `${fmt(typical)} µs` },
      { goal: `large advice (50 items) median ≤ ${GOAL_LARGE_MEDIAN_US} µs (distinct inputs)`, met: big <= GOAL_LARGE_MEDIAN_US, figure: `${fmt(big)} µs` },
      { goal: `brief advice (typical) median ≤ ${GOAL_BRIEF_MEDIAN_US} µs (distinct inputs)`, met: brief <= GOAL_BRIEF_MEDIAN_US, figure: `${fmt(brief)} µs` },
    ],
  };
}
