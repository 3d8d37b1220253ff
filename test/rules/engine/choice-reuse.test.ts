import { describe, expect, it } from 'vitest';
import { sameChoiceFor } from '../../../rules/engine/choice-reuse.ts';
import { decide } from '../../../rules/engine/decide.ts';
import { candidatesFor, type CandidateOutcomes } from '../../../rules/engine/feasibility.ts';
import { bestIndex, type ItemScore } from '../../../rules/engine/placement.ts';
import { ANY_INSTANCE_INDEXES, STORE_INDEX } from '../../../rules/model/stores.ts';
import { catalogFrom, requirementsOf } from '../../support/engine.ts';

// sameChoiceFor keeps an item whose rules stand when no store that can change the plans' choice moved. These cases
// are built by hand: the evaluation below is the truth (the item as the varied input finds it), and `was` stands for
// a base that differed from it in one store — a store the shortcut may skip only if it could not change the choice.
describe('sameChoiceFor (which stores can change a plan\'s choice)', () => {
  const catalog = catalogFrom();
  const req = requirementsOf({
    service: 'cart-api', context: { memory: 'session' }, traffic: { peakRps: 200 }, failure: { deploysPerDay: 5 },
    constraints: { stores: ['postgres', 'redis'] },
    state: [{ name: 'cart', owner: 'session', lifetime: 'hours', sizeKb: 2, writesPerMinute: 1, sensitivity: 'internal', lossImpact: 'annoying', consistency: 'read-your-writes', hotPath: true }],
  });
  const truth = decide(catalog, req, true);
  const now = truth.assessments.find((a) => a.item.name === 'cart')!;
  // Every check is recomputed (moves: all), so no base outcome is read: the outcomes can stay empty.
  const outcomes: CandidateOutcomes = candidatesFor(catalog, req.constraints.stores).map((c) => c.map(() => []));
  const all = () => true;
  const same = (was: ItemScore) => sameChoiceFor(catalog, truth.ctx, now.item, was, outcomes, all);
  const database = STORE_INDEX['database'];
  const profile = (technology: string) => catalog.profilesByStore.get('database')!.find((p) => p.technology === technology)!;

  const edited = (edit: (was: { score: number[]; stores: ItemScore['feasibility']['stores']; mask: number }) => void): ItemScore => {
    const was = { score: now.score.slice(), stores: now.feasibility.stores.slice(), mask: now.feasibility.mask };
    edit(was);
    return { ...now, score: was.score, feasibility: { mask: was.mask, stores: was.stores }, allowedMask: now.gateMask & was.mask };
  };

  it('keeps the item when nothing moved', () => {
    expect(now.feasibility.stores[database]).toMatchObject({ passed: true, profile: { technology: 'postgres' } });
    expect(same(now)).toBe(true);
  });

  it('checks a store that paid for a technology the team does not run, when another could lift it past the best', () => {
    // Base: the database passed only with cassandra (not run by the team: -15), 5 points under the best store.
    // Now postgres passes: without the penalty it would score 10 over the best, so the choice may change.
    const best = bestIndex(now, ANY_INSTANCE_INDEXES);
    expect(best).not.toBe(database);
    const was = edited((w) => {
      w.stores[database] = { ...w.stores[database]!, profile: profile('cassandra') };
      w.score[database] = w.score[best]! - 5;
    });
    expect(bestIndex(was, ANY_INSTANCE_INDEXES)).toBe(best);
    expect(same(was)).toBe(false);
    // The same store with a technology the team runs could not climb: 5 under the best, it may be skipped.
    const teamRun = edited((w) => { w.score[database] = w.score[best]! - 5; });
    expect(same(teamRun)).toBe(true);
  });

  it('checks a store that failed, scores the same as the best and comes first: on a tie the earlier store wins', () => {
    // Two any-instance stores that pass now, `first` before `later` in the side's order. Base: `later` was the best
    // at 90, `first` failed at the same 90 (every other store far below). Now `first` passes and wins the tie.
    const passing = ANY_INSTANCE_INDEXES.filter((s) => (now.feasibility.mask & (1 << s)) !== 0 && (now.gateMask & (1 << s)) !== 0 && now.feasibility.stores[s]);
    expect(passing.length, 'two passing any-instance stores').toBeGreaterThanOrEqual(2);
    const [first, later] = passing as [number, number];
    const base = (firstScore: number) => edited((w) => {
      for (let s = 0; s < w.score.length; s++) w.score[s] = Math.min(w.score[s]!, 50);
      w.score[later] = 90;
      w.score[first] = firstScore;
      w.stores[first] = { ...w.stores[first]!, passed: false, violation: 0.5 };
      w.mask &= ~(1 << first);
    });
    expect(bestIndex(base(90), ANY_INSTANCE_INDEXES)).toBe(later);
    expect(same(base(90))).toBe(false);
    // One point under the best, it could not win even passing: skipped.
    expect(same(base(89))).toBe(true);
  });

  it('checks the best store itself, and every store of a side that had none allowed', () => {
    // Base: the database was the best, passing with cassandra; now it passes with postgres, so its score changes.
    const otherTechnology = edited((w) => {
      for (let s = 0; s < w.score.length; s++) w.score[s] = Math.min(w.score[s]!, 50);
      w.score[database] = 95;
      w.stores[database] = { ...w.stores[database]!, profile: profile('cassandra') };
    });
    expect(bestIndex(otherTechnology, ANY_INSTANCE_INDEXES)).toBe(database);
    expect(same(otherTechnology)).toBe(false);
    // Base: no any-instance store passed; now some do.
    const none = edited((w) => {
      for (const s of ANY_INSTANCE_INDEXES) if (w.stores[s]) w.stores[s] = { ...w.stores[s]!, passed: false, violation: 1 };
      for (const s of ANY_INSTANCE_INDEXES) w.mask &= ~(1 << s);
    });
    expect(bestIndex(none, ANY_INSTANCE_INDEXES)).toBe(-1);
    expect(same(none)).toBe(false);
  });
});
