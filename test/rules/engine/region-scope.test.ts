import { describe, expect, it } from 'vitest';
import { adviseData, builtinEngine } from '../../support/engine.ts';

/**
 * Invariant 15 and region scopes, with the figures worked out by hand from the store profiles (stores.yaml).
 */
const engine = builtinEngine();

// One seat, one buyer, worldwide: shared, strong, merge none, 2 regions 150 ms apart, p99 100 ms.
const SEAT = {
  service: 'seat-lock', context: { memory: 'session' }, traffic: { peakRps: 4000, regions: 2 },
  failure: { sessionLoss: 'unacceptable', availability: 99.95, deploysPerDay: 4 }, latency: { p99Ms: 100 },
  constraints: { ops: 'high', stores: ['postgres', 'redis'], interRegionRttMs: 150 },
  state: [{ name: 'seat-hold', owner: 'shared', owners: 2_000_000, lifetime: 'minutes', sizeKb: 0.2, writesPerMinute: 0.2, lossImpact: 'costly', consistency: 'strong', hotPath: true, merge: 'none' }],
};

describe('one writer worldwide', () => {
  it('pays the round trip between regions on every acknowledged write, so no plan fits 100 ms', () => {
    const rec = adviseData(engine, SEAT);
    expect(rec.feasible).toBe(false);
    const p = rec.placements.find((x) => x.state === 'seat-hold')!;
    expect(p.regionScope).toBe('global');
    // Replicated memory: 0.001 ms read + 1 ms acknowledged write + 150 ms between regions = 151.001 ms, against half
    // of the 100 ms p99 = 50 ms. 2,000,000 × 0.2 writes/min ÷ 60 = 6,667 writes/s over 4,000 requests/s ≥ 1%: the
    // write is on the request path.
    expect(p.store).toBe('in-process-replicated');
    const latency = p.checks.find((c) => c.check === 'check.latency')!;
    expect(latency.value).toBeCloseTo(0.001 + 1 + 150, 6);
    expect(latency.limit).toBe(50);
    expect(latency.because).toContain('150 ms round trip between 2 regions');
    expect(rec.plans[rec.verdict].blockers.some((b) => b.check === 'check.latency' && b.state === 'seat-hold')).toBe(true);
    // The relaxation: a budget where one global write fits (151.001 ms ≤ 50% of p99 ⇒ p99 ≥ 302.002).
    const relax = rec.tippingPoints.find((t) => t.input === 'latency.p99Ms' && t.feasible)!;
    expect(relax.to).toBeGreaterThanOrEqual(302.002);
    expect(relax.to).toBeLessThan(310);
  });

  it('names the merge relaxations with what each gives up, verified by re-evaluation', () => {
    const rec = adviseData(engine, SEAT);
    const lww = rec.tippingPoints.find((t) => t.input === 'state[seat-hold].merge' && t.to === 'last-writer-wins')!;
    expect(lww).toMatchObject({ from: 'none', feasible: true });
    expect(lww.note).toContain('last-writer-wins keeps one of two concurrent writes and silently drops the other');
    // The relaxation holds: with last-writer-wins the seat is local and pays no round trip (0.001 ms read + 1 ms write).
    const relaxed = adviseData(engine, { ...SEAT, state: [{ ...SEAT.state[0]!, merge: 'last-writer-wins' }] });
    expect(relaxed.feasible).toBe(true);
    const seat = relaxed.placements.find((p) => p.state === 'seat-hold')!;
    expect(seat.regionScope).toBe('local');
    expect(seat.checks.find((c) => c.check === 'check.latency')!.value).toBeLessThan(150);
    // One region has no merge relaxation to offer: nothing crosses regions.
    const one = adviseData(engine, { ...SEAT, traffic: { peakRps: 4000, regions: 1 } });
    expect(one.tippingPoints.some((t) => t.input.endsWith('.merge'))).toBe(false);
  });

  it('pays nothing when concurrent writes merge, or in one region', () => {
    const merged = adviseData(engine, { ...SEAT, state: [{ ...SEAT.state[0]!, merge: 'commutative' }] });
    const m = merged.placements.find((x) => x.state === 'seat-hold')!;
    expect(m.regionScope).toBe('local');
    expect(m.checks.find((c) => c.check === 'check.latency')!.value).toBeLessThan(150);
    expect(m.why.some((w) => w.includes('CRDT') && w.includes('nothing is lost'))).toBe(true);
    const one = adviseData(engine, { ...SEAT, traffic: { peakRps: 4000, regions: 1 } });
    expect(one.placements[0]!.regionScope).toBeUndefined();
    expect(one.feasible).toBe(true);
  });

  it('scopes owner-keyed records home and each region\'s sessions local', () => {
    const rec = adviseData(engine, {
      service: 'shop', context: { memory: 'session' }, traffic: { peakRps: 1000, regions: 3 },
      constraints: { stores: ['postgres', 'redis'] },
      state: [
        { name: 'cart', owner: 'session', lifetime: 'hours', sizeKb: 2, writesPerMinute: 1, hotPath: true },
        { name: 'orders', owner: 'user', lifetime: 'forever', sizeKb: 4, writesPerMinute: 0.01, lossImpact: 'costly' },
      ],
    });
    const scope = Object.fromEntries(rec.placements.map((p) => [p.state, p.regionScope]));
    expect(scope).toEqual({ cart: 'local', orders: 'home' });
    expect(rec.placements.find((p) => p.state === 'orders')!.why.some((w) => w.includes('5% of requests served away from home (assumed)'))).toBe(true);
  });
});
