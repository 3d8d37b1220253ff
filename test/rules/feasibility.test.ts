import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from '../../rules/engine/decide.ts';
import { VERDICTS, type Requirements } from '../../rules/index.ts';
import { requirementsArb } from '../support/arbitraries.ts';
import { catalogFrom, requirementsOf } from '../support/engine.ts';
import { runs } from '../support/property.ts';

/**
 * Invariant 10: feasibility is monotone in the budgets. Loosening one (higher latency.p99Ms, more instance memory)
 * never makes a feasible plan infeasible; tightening one never makes an infeasible plan feasible. Checked on the
 * engine's decisions (no sentences), 10,000 generated inputs, each loosened and tightened by a random factor.
 * Invariant 11 (no chosen placement fails a check) is checked on every answer by test/support/invariants.ts.
 */
const RUNS = runs(1_000, 10_000);
const catalog = catalogFrom();

type Budget = 'latency.p99Ms' | 'constraints.instance.memoryMb';
const scaled = (req: Requirements, budget: Budget, factor: number): Requirements => (budget === 'latency.p99Ms'
  ? { ...req, latency: { p99Ms: Math.min(600_000, req.latency.p99Ms * factor) } }
  : { ...req, constraints: { ...req.constraints, instance: { ...req.constraints.instance, memoryMb: Math.min(16_777_216, req.constraints.instance.memoryMb * factor) } } });

describe('invariant 10: feasibility is monotone in the budgets', () => {
  it(`loosening never loses a feasible plan, tightening never gains one (${RUNS} inputs)`, () => {
    const changed = { 'latency.p99Ms': 0, 'constraints.instance.memoryMb': 0 };
    fc.assert(fc.property(
      requirementsArb({ maxItems: 6 }), fc.constantFrom<Budget>('latency.p99Ms', 'constraints.instance.memoryMb'), fc.double({ min: 1.001, max: 1000, noNaN: true }),
      (data, budget, factor) => {
        const req = requirementsOf(data);
        const base = decide(catalog, req, false).plans;
        const looser = decide(catalog, scaled(req, budget, factor), false).plans;
        const tighter = decide(catalog, scaled(req, budget, 1 / factor), false).plans;
        for (const v of VERDICTS) {
          if (base[v].feasible) expect(looser[v].feasible, `${v} lost by raising ${budget} ×${factor}`).toBe(true);
          if (!base[v].feasible && base[v].possible) expect(tighter[v].feasible, `${v} gained by lowering ${budget} ÷${factor}`).toBe(false);
          if (looser[v].feasible !== base[v].feasible || tighter[v].feasible !== base[v].feasible) changed[budget]++;
        }
      },
    ), { numRuns: RUNS });
    // Not vacuous: both budgets moved some plan across the line.
    expect(changed['latency.p99Ms']).toBeGreaterThan(RUNS / 100);
    expect(changed['constraints.instance.memoryMb']).toBeGreaterThan(RUNS / 1000);
  }, 300_000);
});
