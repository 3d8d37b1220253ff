import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RequirementsInput } from '../../../rules/index.ts';
import { requirementsArb } from '../../support/arbitraries.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';
import { DENSE, runs } from '../../support/property.ts';

/**
 * Tipping points are claims ("at traffic.peakRps ≥ 150 the verdict becomes stateful"): applying the stated change
 * to the input must give the stated verdict. Checked over generated inputs, re-advising from scratch.
 */
const engine = builtinEngine();

/** Applies `traffic.peakRps`, `constraints.instance.memoryMb` or `state[cart].sizeKb` to the input data. */
export function withInput(data: RequirementsInput, input: string, value: unknown): RequirementsInput {
  const item = /^state\[(.+)\]\.(\w+)$/.exec(input);
  if (item) return { ...data, state: data.state!.map((s) => (s.name === item[1] ? { ...s, [item[2]!]: value } : s)) };
  const [section, key, sub] = input.split('.') as [keyof RequirementsInput, string, string | undefined];
  const inner = (data[section] ?? {}) as Record<string, unknown>;
  const next = sub ? { ...inner, [key]: { ...(inner[key] as object | undefined), [sub]: value } } : { ...inner, [key]: value };
  return { ...data, [section]: next } as RequirementsInput;
}

describe('tipping points', () => {
  it('every reported change, applied to the input, flips the verdict (or feasibility) to the one stated', () => {
    let claims = 0;
    const kinds = new Set<string>();
    fc.assert(fc.property(requirementsArb(), (data) => {
      const rec = engine.advise(requirementsOf(data));
      for (const t of rec.tippingPoints) {
        claims++;
        expect(t.verdict !== rec.verdict || t.feasible !== rec.feasible, t.note).toBe(true);
        expect(t.from).not.toEqual(t.to);
        const after = engine.advise(requirementsOf(withInput(data, t.input, t.to)));
        expect({ verdict: after.verdict, feasible: after.feasible }, t.note).toEqual({ verdict: t.verdict, feasible: t.feasible });
        kinds.add(t.input.startsWith('state[') ? 'item' : t.input.split('.')[0]!);
      }
    }), { numRuns: runs(60, 200) });
    expect(claims).toBeGreaterThan(100);
    // Not only rule thresholds: item sizes and rates and budgets are among the claims checked. A crossing on one
    // item's own figures is rarer: 60 random inputs do not always hold one, the dense run's 200 do.
    expect([...kinds]).toEqual(expect.arrayContaining(DENSE ? ['item', 'latency', 'traffic', 'context'] : ['traffic', 'context']));
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
