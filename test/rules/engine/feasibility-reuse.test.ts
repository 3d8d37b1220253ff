import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from '../../../rules/engine/decide.ts';
import { buildContext } from '../../../rules/engine/context.ts';
import { assessFeasibility } from '../../../rules/engine/feasibility.ts';
import { baseOutcomes, checksMovedBy, reassessed } from '../../../rules/engine/feasibility-reuse.ts';
import { ENUMS, NUMERIC } from '../../../rules/engine/tipping-inputs.ts';
import { requirementsArb } from '../../support/arbitraries.ts';
import { catalogFrom, requirementsOf } from '../../support/engine.ts';

describe('reassessed (the checks an input reaches computed again, the rest from the base)', () => {
  const catalog = catalogFrom();
  const setter = (input: string) => NUMERIC.find((n) => n.input === input)!.set;

  it('only the checks an input reaches computed again, the rest from the base, as a full assessment finds', () => {
    // Without a feasible base, every item's stores are assessed again for each candidate, each store's violation
    // ranking the plans; reassessed reuses the base's outcome of every check the input cannot reach.
    const varied: [string, (r: ReturnType<typeof requirementsOf>) => ReturnType<typeof requirementsOf>][] = [
      ['traffic.peakRps', (r) => setter('traffic.peakRps')(r, r.traffic.peakRps * 3 + 1)],
      ['traffic.sessionMinutes', (r) => setter('traffic.sessionMinutes')(r, r.traffic.sessionMinutes / 4)],
      ['failure.availability', (r) => setter('failure.availability')(r, r.failure.availability >= 99.9 ? 99 : 99.99)],
      ...ENUMS.map((e): [string, (r: ReturnType<typeof requirementsOf>) => ReturnType<typeof requirementsOf>] =>
        [e.input, (r) => e.set(r, e.values.find((v) => v !== e.get(r))!)]),
    ];
    let compared = 0;
    let onInfeasibleBases = 0;
    let moved = 0;
    fc.assert(fc.property(requirementsArb({ maxItems: 6 }), (data) => {
      const req = requirementsOf(data);
      const base = decide(catalog, req, true);
      const feasible = base.plans[base.scored.verdict].feasible;
      for (const [input, vary] of varied) {
        const ctx = buildContext(vary(req));
        const moves = checksMovedBy(catalog, input, catalog.tables.affected(input)!.facts);
        base.assessments.forEach((a) => {
          // The same item on both sides (a context input may add, drop or reshape implied items: those are scored afresh).
          const item = ctx.items.find((i) => i.name === a.item.name && i.implied === a.item.implied && i.scope === a.item.scope && i.owner === a.item.owner);
          if (!item || item.connection !== a.item.connection || item.kind !== a.item.kind) return;
          const exact = assessFeasibility(catalog, ctx, item, false, a.gateMask);
          const again = reassessed(catalog, ctx, item, baseOutcomes(catalog, base.ctx, a.item, a.gateMask), a.gateMask, moves);
          const where = `${input}, ${a.item.name}`;
          expect(again.mask, where).toBe(exact.mask);
          exact.stores.forEach((e, s) => {
            expect(again.stores[s]?.profile.technology, `${where}, store ${s}`).toBe(e?.profile.technology);
            expect(again.stores[s]?.violation, `${where}, store ${s}`).toBe(e?.violation);
          });
          compared++;
          if (!feasible) onInfeasibleBases++;
          if (again.mask !== a.feasibility.mask) moved++;
        });
      }
    }), { numRuns: 80, seed: 9 });
    expect(compared).toBeGreaterThan(1000);
    expect(onInfeasibleBases).toBeGreaterThan(300);
    expect(moved).toBeGreaterThan(30);
  });

});
