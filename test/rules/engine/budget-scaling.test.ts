import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../rules/index.ts';
import { readCatalogDir } from '../../../adapters/index.ts';
import { catalogDir } from '../../support/catalog-dir.ts';
import { decide } from '../../../rules/engine/decide.ts';
import { buildContext } from '../../../rules/engine/context.ts';
import { assessFeasibility } from '../../../rules/engine/feasibility.ts';
import { BUDGETS, scaledFeasibility, scalesLinearly } from '../../../rules/engine/budget-scaling.ts';
import { verdictWith } from '../../../rules/engine/reevaluate.ts';
import { NUMERIC } from '../../../rules/engine/tipping-inputs.ts';
import { requirementsArb } from '../../support/arbitraries.ts';
import { catalogFrom, requirementsOf } from '../../support/engine.ts';

// A budget's candidates in the tipping-point search are answered from the base's per-candidate outcomes, the limits
// scaled, whether or not the base has a feasible plan. Without one, how badly each store fails ranks the plans, so the
// violations must come out as a full assessment at that budget computes them, not only which stores pass.
describe('scaledFeasibility (a budget varied, no figure recomputed)', () => {
  const catalog = catalogFrom();
  const cleanups: (() => void)[] = [];
  afterEach(() => { for (const done of cleanups.splice(0)) done(); });
  const setter = (input: string) => NUMERIC.find((n) => n.input === input)!.set;

  it('finds what a full assessment at the scaled budget finds: stores, technologies and violations', () => {
    let compared = 0;
    let onInfeasibleBases = 0;
    let moved = 0;
    fc.assert(fc.property(requirementsArb({ maxItems: 6 }), fc.constantFrom(0.001, 0.2, 0.8, 1.25, 4, 300), (data, factor) => {
      const req = requirementsOf(data);
      const base = decide(catalog, req, true);
      const feasible = base.plans[base.scored.verdict].feasible;
      for (const [budget, of] of Object.entries(BUDGETS)) {
        const from = of(req);
        if (from < 1e-200) continue;
        const varied = setter(budget)(req, from * factor);
        const ctx = buildContext(varied);
        base.assessments.forEach((a, i) => {
          const exact = assessFeasibility(catalog, ctx, ctx.items[i]!, false, a.gateMask);
          const scaled = scaledFeasibility(catalog, base.ctx, a.item, a.gateMask, budget, of(varied) / from);
          const where = `${budget} × ${factor}, ${a.item.name}`;
          expect(scaled.mask, where).toBe(exact.mask);
          exact.stores.forEach((e, s) => {
            const x = scaled.stores[s];
            expect(x?.profile.technology, `${where}, store ${s}`).toBe(e?.profile.technology);
            expect(x?.passed, `${where}, store ${s}`).toBe(e?.passed);
            expect(Math.abs((x?.violation ?? 0) - (e?.violation ?? 0)), `${where}, store ${s}: ${x?.violation} vs ${e?.violation}`)
              .toBeLessThanOrEqual(1e-9 * Math.max(1, e?.violation ?? 0));
          });
          compared++;
          if (!feasible) onInfeasibleBases++;
          if (scaled.mask !== a.feasibility.mask) moved++;
        });
      }
    }), { numRuns: 120, seed: 5 });
    // Not vacuous: items on bases without a feasible plan, and scalings that moved which stores pass.
    expect(compared).toBeGreaterThan(500);
    expect(onInfeasibleBases).toBeGreaterThan(100);
    expect(moved).toBeGreaterThan(50);
  });

  it('computes the figures when the base budget is too small to scale from (a p99 of 5e-324 ms)', () => {
    // A share of 5e-324 underflows to a limit of 0, which no scaling brings back: a yes/no violation where the full
    // assessment at 50 ms finds a finite limit. The re-evaluation must not scale from it.
    const samples = fc.sample(requirementsArb({ minItems: 1, maxItems: 4 }), { seed: 42, numRuns: 40 });
    let checked = 0;
    for (const data of samples) {
      const req = requirementsOf({ ...(data as object), latency: { p99Ms: 5e-324 } });
      const base = decide(catalog, req, true);
      for (const to of [0.5, 50, 5000]) {
        const varied = setter('latency.p99Ms')(req, to);
        const full = decide(catalog, varied, false);
        expect(verdictWith(catalog, base, varied, 'latency.p99Ms'), `p99 5e-324 → ${to}`)
          .toEqual({ verdict: full.scored.verdict, feasible: full.plans[full.scored.verdict].feasible });
        checked++;
      }
    }
    expect(checked).toBe(120);
  });

  it('does not scale a budget that a team check reads in its condition: the figures are computed', () => {
    // A check that applies only from 100 ms on is absent from the base outcomes at 50 ms: scaling those outcomes to
    // 200 ms would miss it. So the search computes the figures for such a budget (scalesLinearly).
    const { dir, done } = catalogDir({ 'team.yaml': `rules:
  - id: team.slow-path-audit
    kind: check
    title: On a slow budget every value goes through the audit path
    measure: valueKb
    limit: zero
    when: { fact: latency.p99Ms, gte: 100 }
    stores: [database, distributed-cache]
    because: "{item} in {store}: audited above 100 ms"
    mitigation: "keep the budget under 100 ms"
    source: "a team rule, for this test"
` });
    cleanups.push(done);
    const files = readCatalogDir(dir, dir);
    if (!files.ok) throw new Error(JSON.stringify(files.issues));
    const team = catalogFrom(BUILTIN_CATALOG, files.value);
    expect(scalesLinearly(catalogFrom(), 'latency.p99Ms')).toBe(true);
    expect(scalesLinearly(team, 'latency.p99Ms')).toBe(false);
    expect(scalesLinearly(team, 'constraints.instance.memoryMb')).toBe(true);
    let flipped = 0;
    for (const data of fc.sample(requirementsArb({ minItems: 1, maxItems: 4 }), { seed: 3, numRuns: 40 })) {
      const req = requirementsOf({ ...(data as object), latency: { p99Ms: 50 } });
      const base = decide(team, req, true);
      const varied = setter('latency.p99Ms')(req, 200);
      const full = decide(team, varied, false);
      const fast = verdictWith(team, base, varied, 'latency.p99Ms');
      expect(fast).toEqual({ verdict: full.scored.verdict, feasible: full.plans[full.scored.verdict].feasible });
      if (fast.verdict !== base.scored.verdict || fast.feasible !== base.plans[base.scored.verdict].feasible) flipped++;
    }
    // Not vacuous: the team check moved answers between 50 and 200 ms.
    expect(flipped).toBeGreaterThan(3);
  });
});
