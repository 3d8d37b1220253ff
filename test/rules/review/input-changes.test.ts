import { describe, expect, it } from 'vitest';
import { reviewInputChanges as inputChanges, renderReview } from '../../../rules/index.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';

const engine = builtinEngine();
const review = (data: Record<string, unknown>) => {
  const requirements = requirementsOf(data);
  return renderReview({ requirements, recommendation: engine.advise(requirements, { today: '2026-11-26' }), date: '2026-11-26' });
};
const base = { service: 'a', traffic: { peakRps: 100, sessionMinutes: 10 }, state: [{ name: 'cart', lifetime: 'hours' }] };

describe('inputChanges: the requirement fields two reviews differ in (issue 29)', () => {
  it('names a service field with both values, the way the review shows them', () => {
    expect(inputChanges(review(base), review({ ...base, traffic: { peakRps: 100, sessionMinutes: 12 } }))).toEqual(['traffic.sessionMinutes 10 → 12']);
    expect(inputChanges(review(base), review({ ...base, failure: { availability: 99.99 } }))).toEqual(['failure.availability 99.9% → 99.99%']);
  });

  it('names a state item field by item and column', () => {
    expect(inputChanges(review(base), review({ ...base, state: [{ name: 'cart', lifetime: 'days' }] }))).toEqual(['state cart: Lifetime hours → days']);
  });

  it('is empty when the tables are the same, whatever else differs', () => {
    expect(inputChanges(review(base), review({ ...base, description: 'now described' }))).toEqual([]);
  });
});
