import { builtin, normalized } from './lib/engine.ts';
import { large, SMALL, TYPICAL } from './lib/inputs.ts';
import { fmt, median, p99, sampleMicros } from './lib/stats.ts';
import { table } from './lib/table.ts';
import type { BenchOptions, BenchResult } from './lib/result.ts';

/**
 * Benchmark 2: a full advice (placements, capacity, operations, risks, tipping points, summary) on already parsed
 * and normalized input — what an HTTP request or an editor command pays after parsing.
 *
 * The regression ratio is advice time over a calibration workload measured in the same run (a JSON round trip
 * of the typical answer), so a slower machine moves both and the ratio stays put.
 */
export const GOAL_TYPICAL_MEDIAN_US = 100;

export function runAdvice(options: BenchOptions): BenchResult {
  const { catalog, engine } = builtin();
  const cases = [
    { name: 'small (1 item)', req: normalized(SMALL) },
    { name: 'typical (5 items)', req: normalized(TYPICAL) },
    { name: 'large (50 items)', req: normalized(large(catalog.thresholds)) },
  ];
  const samples = options.quick ? 60 : 300;
  const rows: string[][] = [];
  const medians: number[] = [];
  for (const c of cases) {
    const batch = c.req.state.length > 10 ? 2 : 20;
    const us = sampleMicros(() => engine.advise(c.req), { samples, batch });
    medians.push(median(us));
    rows.push([c.name, fmt(median(us)), fmt(p99(us)), fmt(1e6 / median(us), 0)]);
  }
  // Calibration: a JSON round trip of the typical answer (~21 KB) — work of the same size class as an advice.
  const answer = JSON.stringify(engine.advise(cases[1]!.req));
  const calib = median(sampleMicros(() => JSON.stringify(JSON.parse(answer)), { samples, batch: 10 }));
  const typical = medians[1]!;
  return {
    name: 'advice',
    text: table('2. Full advice (parsing excluded), µs per advice', ['input', 'median µs', 'p99 µs', 'advices/s'], rows)
      + `\ncalibration: JSON round trip of the typical answer ${fmt(calib, 1)} µs; typical advice = ${fmt(typical / calib, 2)}× that`
      + `\ngoal: typical median ≤ ${GOAL_TYPICAL_MEDIAN_US} µs — ${typical <= GOAL_TYPICAL_MEDIAN_US ? 'met' : 'MISSED'} (${fmt(typical)} µs)`,
    ratios: { 'advice.typical/jsonRoundTrip': typical / calib, 'advice.large/typical': medians[2]! / typical },
    goals: [{ goal: `typical advice median ≤ ${GOAL_TYPICAL_MEDIAN_US} µs`, met: typical <= GOAL_TYPICAL_MEDIAN_US, figure: `${fmt(typical)} µs` }],
  };
}
