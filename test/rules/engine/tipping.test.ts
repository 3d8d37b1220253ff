import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RequirementsInput } from '../../../rules/index.ts';
import { requirementsArb } from '../../support/arbitraries.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';
import { runs } from '../../support/property.ts';

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
    // Traffic and context crossings come up in every run; a crossing on one item's own figures is rare in random
    // input (about 1 in 80: 200 runs missed it in CI), so the next test holds one by construction.
    expect([...kinds]).toEqual(expect.arrayContaining(['traffic', 'context']));
  }, 120_000);

  it('claims on an item\'s own figures and on the latency budget hold when applied', () => {
    // A 2 KB cart written once a minute sits exactly on place.token-small-and-stable's 2 KB line: any growth in
    // size or write rate leaves the client token; a 50 ms budget changes the plan too.
    const data: RequirementsInput = { service: 'a', context: { memory: 'session' }, traffic: { peakRps: 100 }, state: [{ name: 'cart', sizeKb: 2, writesPerMinute: 1 }] };
    const rec = engine.advise(requirementsOf(data));
    const inputs = rec.tippingPoints.map((t) => t.input);
    expect(inputs).toEqual(expect.arrayContaining(['state[cart].sizeKb', 'state[cart].writesPerMinute', 'latency.p99Ms']));
    for (const t of rec.tippingPoints) {
      const after = engine.advise(requirementsOf(withInput(data, t.input, t.to)));
      expect({ verdict: after.verdict, feasible: after.feasible }, t.note).toEqual({ verdict: t.verdict, feasible: t.feasible });
    }
  });

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
