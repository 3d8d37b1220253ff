import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from '../../../rules/engine/decide.ts';
import { verdictWith } from '../../../rules/engine/reevaluate.ts';
import { tippingPoints } from '../../../rules/engine/tipping.ts';
import { regionsRequirementsArb, requirementsArb } from '../../support/arbitraries.ts';
import { catalogFrom, requirementsOf } from '../../support/engine.ts';

// The tipping-point search re-evaluates one varied input at a time and reuses every rule answer the change cannot
// reach. These properties pin that shortcut to the full evaluation: same verdict for every variation searched.
describe('verdictWith (tipping-point re-evaluation)', () => {
  const catalog = catalogFrom();

  /**
   * Runs the tipping-point search on each generated input with the shortcut and a full evaluation side by side, and
   * returns every (input varied, whether feasibility flipped) pair compared.
   */
  const differential = (arb: fc.Arbitrary<object>, numRuns: number, seed: number) => {
    const compared: { input: string; flipsFeasible: boolean }[] = [];
    fc.assert(fc.property(arb, (data) => {
      const req = requirementsOf(data as never);
      const base = decide(catalog, req, true);
      tippingPoints(catalog, base, base.scored.verdict, (r, input) => {
        const fast = verdictWith(catalog, base, r, input);
        const full = decide(catalog, r, false);
        expect(fast, `${input} in ${JSON.stringify(r)}`).toEqual({ verdict: full.scored.verdict, feasible: full.plans[full.scored.verdict].feasible });
        compared.push({ input, flipsFeasible: fast.feasible !== base.plans[base.scored.verdict].feasible });
        return fast;
      });
    }), { numRuns, seed });
    return compared;
  };

  it('gives the full evaluation\'s verdict for every variation the tipping-point search tries', () => {
    const compared = differential(requirementsArb({ maxItems: 8 }), 150, 7);
    // Not vacuous: the search varied traffic, failure, latency and context inputs.
    expect(compared.length).toBeGreaterThan(1000);
    const inputs = new Set(compared.map((c) => c.input));
    for (const i of ['traffic.peakRps', 'traffic.sessionMinutes', 'latency.p99Ms', 'failure.sessionLoss', 'context.memory', 'context.realtime', 'constraints.instance.memoryMb']) {
      expect(inputs).toContain(i);
    }
  });

  it('gives the full evaluation\'s verdict across regions: groups, residency, merges, away shares and recovery points', () => {
    const compared = differential(regionsRequirementsArb({ minItems: 1, maxItems: 5 }), 120, 11);
    expect(compared.length).toBeGreaterThan(1000);
    const inputs = new Set(compared.map((c) => c.input));
    for (const i of ['traffic.awayShare', 'failure.rpoSeconds', 'latency.p99Ms', 'traffic.regions']) expect(inputs).toContain(i);
    expect([...inputs].some((i) => i.endsWith('].merge'))).toBe(true);
    // Not vacuous: some away share change moved feasibility, which only derived.awayRttMs can do.
    expect(compared.filter((c) => c.input === 'traffic.awayShare' && c.flipsFeasible).length).toBeGreaterThan(0);
  });

  it('counts a technology the team does not run when a budget change lets another technology pass', () => {
    // Found by the dense tipping property (seed 737565814): at latency.p99Ms 50 the team's gcs misses the latency
    // budget while another object store passes, which costs object-store the new-technology penalty (-15) and makes
    // the verdict stateful; the shortcut kept the base scores and said hybrid.
    const data = {
      service: 'checkout', context: { realtime: 'bidirectional', sharedState: 'collaborative' },
      traffic: { peakRps: 19999, concurrentSessions: 0, sessionMinutes: 200, regions: 2 }, failure: { deploysPerDay: 20 },
      latency: { p99Ms: 5e-324 }, constraints: { stores: ['gcs'] },
    } as const;
    const base = decide(catalog, requirementsOf(data), true);
    for (const p99Ms of [50, 60, 1000]) {
      const r = requirementsOf({ ...data, latency: { p99Ms } });
      const full = decide(catalog, r, false);
      expect(verdictWith(catalog, base, r, 'latency.p99Ms'), String(p99Ms)).toEqual({ verdict: full.scored.verdict, feasible: full.plans[full.scored.verdict].feasible });
    }
    expect(decide(catalog, requirementsOf({ ...data, latency: { p99Ms: 50 } }), false).scored.verdict).toBe('stateful');
  });

  it('re-evaluates everything for inputs it knows nothing about', () => {
    expect(catalog.tables.affected('constraints.stores')).toBeUndefined();
    expect(catalog.tables.affected('state')).toBeUndefined();
    expect(catalog.tables.affected('traffic.peakRps')?.context).toBe('rescaled');
    expect(catalog.tables.affected('context.memory')?.reshapes).toBe(true);
  });
});
