import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RequirementsInput } from '../../../rules/index.ts';
import { requirementsArb } from '../../support/arbitraries.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';

/**
 * Tipping points are claims ("at traffic.peakRps ≥ 150 the verdict becomes stateful"): applying the stated change
 * to the input must give the stated verdict. Checked over generated inputs, re-advising from scratch.
 */
const engine = builtinEngine();

function withInput(data: RequirementsInput, input: string, value: unknown): RequirementsInput {
  const [section, key] = input.split('.') as [keyof RequirementsInput, string];
  return { ...data, [section]: { ...(data[section] as object | undefined), [key]: value } } as RequirementsInput;
}

describe('tipping points', () => {
  it('every reported change, applied to the input, flips the verdict to the one stated', () => {
    let claims = 0;
    fc.assert(fc.property(requirementsArb(), (data) => {
      const rec = engine.advise(requirementsOf(data));
      for (const t of rec.tippingPoints) {
        claims++;
        expect(t.verdict).not.toBe(rec.verdict);
        expect(t.from).not.toEqual(t.to);
        const after = engine.advise(requirementsOf(withInput(data, t.input, t.to)));
        expect(after.verdict, t.note).toBe(t.verdict);
      }
    }), { numRuns: 200 });
    expect(claims).toBeGreaterThan(100);
  }, 120_000);

  it('names the input, both values and the verdict in its note', () => {
    const rec = engine.advise(requirementsOf({ service: 'a', context: { memory: 'session' }, traffic: { peakRps: 100 }, state: [{ name: 'cart' }] }));
    expect(rec.tippingPoints.length).toBeGreaterThan(0);
    for (const t of rec.tippingPoints) {
      expect(t.note).toContain(t.input);
      expect(t.note).toContain(t.verdict);
      expect(t.note).toContain(typeof t.to === 'number' ? String(Math.round(t.to * 100) / 100) : String(t.to));
    }
  });
});
