import { describe, expect, it } from 'vitest';
import { confidenceOf } from '../../../rules/engine/score.ts';

/**
 * The score half of confidence: 0.5 + lead ÷ 40, capped at 0.99 and rounded to 2 decimals — a 20-point lead of the
 * verdict over the runner-up is near certainty, a tie a coin toss. An answer's confidence is the lesser of this and
 * robustness (robustness.test.ts), so this half is tested directly; each expectation is that arithmetic by hand.
 */
describe('confidenceOf(score lead)', () => {
  it('a tie, or a lead below zero (a feasible plan outranking a better-scored infeasible one), is 0.5', () => {
    expect(confidenceOf(0)).toBe(0.5);
    expect(confidenceOf(-12)).toBe(0.5);
  });

  it('grows by 0.025 a point: 4 → 0.6, 10 → 0.75, 15 → 0.875 → 0.88', () => {
    expect(confidenceOf(4)).toBe(0.6);
    expect(confidenceOf(10)).toBe(0.75);
    expect(confidenceOf(15)).toBe(0.88);
  });

  it('a 20-point lead or more is capped at 0.99', () => {
    expect(confidenceOf(19.6)).toBe(0.99); // 0.5 + 0.49
    expect(confidenceOf(20)).toBe(0.99);
    expect(confidenceOf(80)).toBe(0.99);
  });
});
