import { describe, expect, it } from 'vitest';
import { costView } from '../../../rules/engine/plan-cost.ts';
import type { RequirementsInput } from '../../../rules/index.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';

const engine = builtinEngine();
const plan = (feasible: boolean, monthlyUsd: number) => ({ feasible, monthlyUsd });

describe('costView: the chosen plan beside the cheapest other plan that passes', () => {
  it('finds the cheapest passing plan and the ratio and difference, by hand', () => {
    const v = costView({ stateless: plan(true, 1240), stateful: plan(true, 18_500), hybrid: plan(true, 9000) }, 'stateful');
    // 18,500 ÷ 1,240 = 14.919… → 14.92; 18,500 − 1,240 = 17,260.
    expect(v).toEqual({ monthlyUsd: 18_500, cheaperPlan: 'stateless', cheaperMonthlyUsd: 1240, costRatio: 14.92, extraMonthlyUsd: 17_260 });
  });

  it('names no cheaper plan when the chosen one fails a check, is the cheapest, or only failing plans cost less', () => {
    const none = { cheaperPlan: 'none', cheaperMonthlyUsd: 0, costRatio: 0, extraMonthlyUsd: 0 };
    expect(costView({ stateless: plan(true, 100), stateful: plan(false, 900), hybrid: plan(false, 0) }, 'stateful')).toMatchObject(none);
    expect(costView({ stateless: plan(true, 100), stateful: plan(true, 900), hybrid: plan(false, 0) }, 'stateless')).toMatchObject(none);
    expect(costView({ stateless: plan(false, 100), stateful: plan(true, 900), hybrid: plan(false, 0) }, 'stateful')).toMatchObject(none);
  });
});

describe('risk.costlier-plan and risk.much-costlier-plan', () => {
  // 100,000 sessions of 605 KB held in instance memory: small instances multiply the stateful fleet (and its bill)
  // while 8 instances and two stores serve the stateless plan. The weights still choose stateful.
  const service = (memoryMb: number): RequirementsInput => ({
    service: 'carts', context: { memory: 'session' }, traffic: { peakRps: 3000, concurrentSessions: 100_000 }, constraints: { instance: { memoryMb } },
    state: [{ name: 'cart', sizeKb: 600, writesPerMinute: 1 }, { name: 'draft', sizeKb: 5, writesPerMinute: 1 }],
  });
  const costRisks = (memoryMb: number) => {
    const rec = engine.advise(requirementsOf(service(memoryMb)));
    return { rec, found: rec.risks.filter((r) => r.rule === 'risk.costlier-plan' || r.rule === 'risk.much-costlier-plan') };
  };

  it('at ≥ 10× (and ≥ $500 a month more) is high, quoting both plans\' costs from the answer', () => {
    const { rec, found } = costRisks(64);
    expect(rec.verdict).toBe('stateful');
    expect(rec.plans.stateless.feasible).toBe(true);
    const mine = rec.plans.stateful.cost.monthlyUsd;
    const other = rec.plans.stateless.cost.monthlyUsd;
    const ratio = Math.round((mine / other) * 100) / 100;
    expect(ratio).toBeGreaterThanOrEqual(10);
    expect(found).toEqual([expect.objectContaining({ id: 'risk.much-costlier-plan', severity: 'high' })]);
    expect(found[0]!.text).toBe(`the stateful plan costs $${mine} a month, ${ratio}× the stateless plan ($${other}), which also passes every check: $${mine - other} a month more, which the weights that chose stateful do not count`);
    expect(found[0]!.mitigation).toContain('Choose the stateless plan');
  });

  it('between 3× and 10× is medium; below 3× there is no cost risk', () => {
    for (const memoryMb of [128, 256, 384, 512, 4096]) {
      const { rec, found } = costRisks(memoryMb);
      const ratio = rec.plans[rec.verdict].cost.monthlyUsd / rec.plans.stateless.cost.monthlyUsd;
      const expected = rec.verdict !== 'stateless' && ratio >= 3 && ratio < 10 ? ['medium'] : [];
      expect(found.map((r) => r.severity), `memoryMb ${memoryMb}: ratio ${ratio}`).toEqual(expected);
    }
    expect(costRisks(128).found).toHaveLength(1);
    expect(costRisks(4096).found).toHaveLength(0);
  });

  it('is not raised for a gap under $500 a month, whatever the ratio', () => {
    // Two instances' worth: the stateful plan at 1 rps holds 2 tiny sessions; any ratio is napkin noise.
    const rec = engine.advise(requirementsOf({ service: 'tiny', context: { memory: 'session' }, traffic: { peakRps: 1 }, state: [{ name: 'cart', sizeKb: 1, writesPerMinute: 1 }] }));
    const costs = Object.values(rec.plans).filter((p) => p.feasible).map((p) => p.cost.monthlyUsd);
    expect(Math.max(...costs) - Math.min(...costs)).toBeLessThan(500);
    expect(rec.risks.map((r) => r.rule)).not.toContain('risk.costlier-plan');
    expect(rec.risks.map((r) => r.rule)).not.toContain('risk.much-costlier-plan');
  });
});
