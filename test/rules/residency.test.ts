import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regionsRequirementsArb } from '../support/arbitraries.ts';
import { builtinEngine, requirementsOf } from '../support/engine.ts';
import { answerViolations, residencyCheck } from '../support/invariants.ts';
import { runs } from '../support/property.ts';

/**
 * Invariants 14 and 15 (with every other per-answer invariant) over generated multi-region inputs: named region
 * groups, items that must stay in one of them, merges, away shares, round trips and recovery points.
 */
const engine = builtinEngine();
const RUNS = runs(150, 3_000);

describe('invariant 14 over generated multi-region inputs', () => {
  it(`no item leaves its region group, and every invariant holds, for ${RUNS} inputs`, () => {
    let resident = 0;
    let oneRegionGroups = 0;
    let inputs = 0;
    fc.assert(fc.property(regionsRequirementsArb({ minItems: 1, maxItems: 6 }), (data) => {
      const req = requirementsOf(data);
      const rec = engine.advise(req);
      const problems = answerViolations(engine, req, rec);
      if (problems.length) throw new Error(`${problems.join('\n')}\nverdict ${rec.verdict}`);
      const { applied } = residencyCheck(req, rec);
      inputs++;
      resident += applied;
      const groups = req.traffic.regionGroups ?? {};
      oneRegionGroups += req.state.filter((s) => s.residency && groups[s.residency] === 1 && rec.placements.find((p) => p.state === s.name)?.store !== 'none').length;
    }), { numRuns: RUNS });
    // Non-vacuity: residency confined most generated items (2–3 groups, so a group never holds every region), and
    // one-region groups (where a region loss is unrecoverable) occurred often.
    expect(inputs).toBe(RUNS);
    expect(resident).toBeGreaterThan(RUNS / 2);
    expect(oneRegionGroups).toBeGreaterThan(RUNS / 10);
  }, 300_000);
});
