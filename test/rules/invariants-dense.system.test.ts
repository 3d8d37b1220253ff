import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requirementsArb } from '../support/arbitraries.ts';
import { builtinEngine, requirementsOf } from '../support/engine.ts';
import { answerViolations } from '../support/invariants.ts';
import { personalToken, situations, SITUATIONS } from '../support/situations.ts';

/**
 * The per-answer invariants of invariants.test.ts (1–6, 9, schema, confidence, gates, text) on services with 5–12
 * state items, where plans have the most to trade off (hybrid splits, implied items beside listed ones). With
 * invariants.test.ts this makes 10,000 generated inputs per run, spread over two files so both cores work.
 */
const DENSE_RUNS = 5_000;
const engine = builtinEngine();

describe('invariants over generated requirements with many state items', () => {
  it(`1–6 and 9 hold, and every answer is well-formed, for ${DENSE_RUNS} services with 5–12 items`, () => {
    const seen = new Map<string, number>();
    fc.assert(fc.property(requirementsArb({ minItems: 5 }), (data) => {
      const req = requirementsOf(data);
      expect(req.state.length).toBeGreaterThanOrEqual(5);
      const rec = engine.advise(req);
      const problems = answerViolations(engine, req, rec);
      if (problems.length) throw new Error(`${problems.join('\n')}\nverdict ${rec.verdict}`);
      for (const s of situations(req, rec)) seen.set(s, (seen.get(s) ?? 0) + 1);
    }), { numRuns: DENSE_RUNS, examples: [[personalToken(4)]] });
    for (const s of SITUATIONS) expect(seen.get(s) ?? 0, `inputs where "${s}"`).toBeGreaterThan(0);
  }, 300_000);
});
