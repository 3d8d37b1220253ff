import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContext, figuresInto, replaceItem } from '../../../rules/engine/context.ts';
import { ITEM_FIGURES } from '../../../rules/model/derived.ts';
import { requirementsArb } from '../../support/arbitraries.ts';
import { requirementsOf } from '../../support/engine.ts';
import { runs } from '../../support/property.ts';

/** Every figure of a context, comparable with toEqual (items without their source objects). */
const figures = (ctx: ReturnType<typeof buildContext>) => ({
  derived: ctx.derived,
  items: ctx.items.map(({ source: _s, ...rest }) => rest),
});

describe('replaceItem (the tipping-point search varies one item)', () => {
  it('gives the figures a full rebuild gives, or declines', () => {
    let replaced = 0;
    let declined = 0;
    fc.assert(fc.property(requirementsArb(), fc.nat(), fc.constantFrom('sizeKb', 'writesPerMinute'), fc.double({ min: 0.1, max: 10, noNaN: true }), (data, pick, field, factor) => {
      const req = requirementsOf(data);
      if (req.state.length === 0) return;
      const item = req.state[pick % req.state.length]!;
      const base = buildContext(req);
      const changed = { ...req, state: req.state.map((s) => (s === item ? { ...s, [field]: s[field] * factor } : s)) };
      const fast = replaceItem(base, changed, item.name);
      if (!fast) { declined++; return; }
      replaced++;
      expect(figures(fast)).toEqual(figures(buildContext(changed)));
    }), { numRuns: runs(200, 2000) });
    // Not vacuous: most variations are answered without a rebuild.
    expect(replaced).toBeGreaterThan(declined);
  });

  it('declines when the item\'s write rate moves concurrent sessions (a stream source: keys = events ÷ the per-key rate)', () => {
    const req = requirementsOf({ service: 's', traffic: { peakRps: 100, source: 'stream' }, state: [{ name: 'window', owner: 'session', lifetime: 'minutes', hotPath: true, writesPerMinute: 6 }] });
    const base = buildContext(req);
    const changed = { ...req, state: [{ ...req.state[0]!, writesPerMinute: 60 }] };
    // 100 events/s at 6 per key per minute: 1,000 keys; at 60 per minute: 100.
    expect([base.derived.concurrentSessions, buildContext(changed).derived.concurrentSessions]).toEqual([1000, 100]);
    expect(replaceItem(base, changed, 'window')).toBeUndefined();
  });
});

describe('figuresInto (every item figure, stored under its own name)', () => {
  it('computes every figure of the registry, in the registry\'s order, each as the registry computes it', () => {
    let items = 0;
    fc.assert(fc.property(requirementsArb(), (data) => {
      const ctx = buildContext(requirementsOf(data));
      for (const item of ctx.items) {
        // Recompute into a copy that records each store, the copy reading its own earlier figures as the registry does.
        const order: string[] = [];
        const copy = { ...item };
        const recording = new Proxy(copy, { set: (t, k, v) => { order.push(String(k)); (t as Record<string, unknown>)[String(k)] = v; return true; } });
        figuresInto(recording, { item: recording, source: item.source, req: ctx.req, service: ctx.derived, impliedBecause: item.impliedBecause });
        expect(order).toEqual(Object.keys(ITEM_FIGURES));
        // And the registry's own loop, figure by figure, gives the same values.
        const byRegistry = { ...item } as Record<string, unknown>;
        const x = { item: byRegistry as unknown as typeof item, source: item.source, req: ctx.req, service: ctx.derived, impliedBecause: item.impliedBecause };
        for (const [k, f] of Object.entries(ITEM_FIGURES)) byRegistry[k] = (f.compute as (x: unknown) => unknown)(x);
        expect(copy).toEqual(byRegistry);
        items++;
      }
    }), { numRuns: runs(100, 1000) });
    expect(items).toBeGreaterThan(200);
  });
});
