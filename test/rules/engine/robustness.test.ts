import { describe, expect, it } from 'vitest';
import { robustness } from '../../../rules/engine/advise.ts';

/**
 * Robustness turns the distance (|ln ratio|) to the nearest input change that flips the verdict into a confidence:
 * 0.5 + 0.49 × (1 − e^(−distance ÷ 0.5)), capped at 0.99 and rounded to 2 decimals (docs/design.md, "Confidence").
 * Not visible on its own in an answer (confidence is the lesser of it and the score margin), so tested directly.
 * Each expectation below is that arithmetic done by hand.
 */
describe('robustness(nearest flip)', () => {
  it('no flip found at all is as confident as statewise gets', () => {
    expect(robustness(undefined)).toBe(0.99);
  });

  it('a flip at the current input is a coin toss', () => {
    expect(robustness(0)).toBe(0.5); // 0.5 + 0.49 × (1 − e^0) = 0.5
  });

  it('a flip within 10% of an input leaves confidence near 0.5', () => {
    // ln 1.1 = 0.0953; e^(−0.1906) = 0.8265; 0.5 + 0.49 × 0.1735 = 0.585 → 0.59
    expect(robustness(Math.log(1.1))).toBe(0.59);
    // 0.1: e^(−0.2) = 0.8187; 0.5 + 0.49 × 0.1813 = 0.5888 → 0.59
    expect(robustness(0.1)).toBe(0.59);
  });

  it('a flip 1.5× away is 0.77; one a factor e^0.5 (1.65×) away 0.81', () => {
    // ln 1.5 = 0.4055: e^(−2 ln 1.5) = (2/3)² = 4/9; 0.5 + 0.49 × 5/9 = 0.7722 → 0.77
    expect(robustness(Math.log(1.5))).toBe(0.77);
    // 0.5: e^(−1) = 0.3679; 0.5 + 0.49 × 0.6321 = 0.8097 → 0.81
    expect(robustness(0.5)).toBe(0.81);
  });

  it('a flip that needs a 3× change or more is capped at 0.99', () => {
    // ln 3 = 1.0986: e^(−2.1972) = 0.1111; 0.5 + 0.49 × 0.8889 = 0.9356 → 0.94
    expect(robustness(Math.log(3))).toBe(0.94);
    // 3: e^(−6) = 0.0025; 0.5 + 0.49 × 0.9975 = 0.9888 → 0.99; beyond, the cap
    expect(robustness(3)).toBe(0.99);
    expect(robustness(50)).toBe(0.99);
  });

  it('never falls as the flip moves further away', () => {
    const distances = [0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 5];
    const values = distances.map((d) => robustness(d));
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
  });
});
