import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Recommendation, Requirements } from '../../rules/index.ts';
import type { RequirementsInput } from '../../rules/contract/requirements.ts';
import type { Profile } from '../../rules/model/profile.ts';
import { requirementsArb } from '../support/arbitraries.ts';
import { builtinEngine, catalogFrom, requirementsOf } from '../support/engine.ts';
import { placedItems } from '../support/invariants.ts';
import { runs } from '../support/property.ts';

/**
 * Invariant 13 (docs/design.md): with failure.rpoSeconds 0, no item whose loss is costly or critical is in a store
 * whose profile can lose acknowledged writes, and its store tier counts the replicas that guarantee it — capacity
 * and cost include them. Checked on generated inputs that use the new field; the counts make sure the precondition
 * (a valuable item in a tier whose profile needs replicas) actually occurred.
 */
const engine = builtinEngine();
const catalog = catalogFrom();
const profileOf = (store: string, technology: string): Profile | undefined =>
  catalog.profilesByStore.get(store as never)?.find((p) => p.technology === technology);
const VALUABLE = new Set(['costly', 'critical']);

/** Generated requirements with rpoSeconds 0 on most, and some items made costly or critical. */
const arb = fc.tuple(requirementsArb({ minItems: 1, maxItems: 6 }), fc.boolean(), fc.array(fc.constantFrom('costly', 'critical'), { minLength: 6, maxLength: 6 }))
  .map(([data, rpoZero, losses]): RequirementsInput => ({
    ...data,
    failure: { ...data.failure, ...(rpoZero ? { rpoSeconds: 0 } : { rpoSeconds: 5 }) },
    state: (data.state ?? []).map((s, i) => (i % 2 === 0 ? { ...s, lossImpact: losses[i] as 'costly' | 'critical' } : s)),
  }));

function invariant13Violations(req: Requirements, rec: Recommendation): { violations: string[]; guarded: number } {
  const out: string[] = [];
  let guarded = 0;
  const { placed } = placedItems(req, rec);
  for (const { item, store } of placed) {
    if (req.failure.rpoSeconds !== 0 || !VALUABLE.has(item.lossImpact)) continue;
    const placement = rec.placements.find((p) => p.state === item.name)!;
    const profile = profileOf(store, placement.technology);
    if (profile?.losesAcknowledgedWrites) out.push(`${item.name} (${item.lossImpact}) in ${store} (${placement.technology}), which can lose acknowledged writes, at rpoSeconds 0`);
    const tier = rec.capacity.stores.find((t) => t.store === store && t.technology === placement.technology);
    if (!tier || !profile) continue;
    if (!tier.items.includes(item.name)) out.push(`${item.name}: tier ${store}/${tier.technology} does not list it`);
    const needed = profile.replicas ?? 0;
    if (needed > 0) guarded++;
    if (tier.replicas < needed) out.push(`${item.name}: tier ${store}/${tier.technology} counts ${tier.replicas} replicas, its profile needs ${needed}`);
  }
  // Cost counts every running node: primaries and their replicas, for tiers priced by the node.
  const cost = rec.plans[rec.verdict].cost;
  let nodes = 0;
  for (const t of rec.capacity.stores) if (profileOf(t.store, t.technology)?.node) nodes += t.nodes * (1 + t.replicas);
  if (rec.plans[rec.verdict].feasible || cost.storeNodes > 0) {
    if (cost.storeNodes !== nodes) out.push(`cost counts ${cost.storeNodes} store nodes, the tiers run ${nodes} with their replicas`);
  }
  return { violations: out, guarded };
}

describe('invariant 13: a zero recovery point is kept, and its replicas are counted and priced', () => {
  it(`holds for ${runs(60, 2000)} generated inputs with failure.rpoSeconds, and the precondition occurs`, () => {
    let guarded = 0;
    let rpoZeroValuable = 0;
    fc.assert(fc.property(arb, (data) => {
      const req = requirementsOf(data);
      const rec = engine.advise(req);
      const r = invariant13Violations(req, rec);
      if (r.guarded) guarded++;
      if (req.failure.rpoSeconds === 0 && req.state.some((s) => VALUABLE.has(s.lossImpact))) rpoZeroValuable++;
      expect(r.violations).toEqual([]);
    }), { numRuns: runs(60, 2000) });
    // Non-vacuous: valuable items at rpoSeconds 0 are common, and some of them sit in tiers whose profile needs replicas.
    expect(rpoZeroValuable).toBeGreaterThan(runs(60, 2000) / 4);
    expect(guarded).toBeGreaterThan(2);
  });
});

describe('replicas, by hand', () => {
  const WALLET: RequirementsInput = {
    service: 'wallet-ledger', context: { memory: 'none' }, traffic: { peakRps: 2000 },
    failure: { sessionLoss: 'unacceptable', availability: 99.99, deploysPerDay: 4, rpoSeconds: 0 }, latency: { p99Ms: 150 },
    constraints: { ops: 'medium', stores: ['postgres', 'redis'] },
    state: [{ name: 'posting', owner: 'user', owners: 2000000, lifetime: 'forever', sizeKb: 0.5, writesPerMinute: 0.03, sensitivity: 'personal', lossImpact: 'critical', consistency: 'strong' }],
  };

  it('a zero-loss ledger on postgres runs a synchronous standby: 2 nodes, priced', () => {
    const rec = engine.advise(requirementsOf(WALLET));
    const tier = rec.capacity.stores.find((t) => t.technology === 'postgres')!;
    expect(tier.nodes).toBe(1);
    expect(tier.replicas).toBe(1);
    // 2,000,000 owners × 0.03 writes/min ÷ 60 = 1,000 writes/s: one primary (10k/s), plus its standby.
    expect(tier.writesPerSecond).toBe(1000);
    const cost = rec.plans.stateless.cost;
    expect(cost.storeNodes).toBe(2);
    // Instances: 2000 × 1.2 ÷ 500 = 5 × (2 vCPU × $10 + 4 GB × $1) = $120; postgres node 8 vCPU × $10 + 32 GB × $1
    // + 500 GB × $0.10 = $162, twice.
    expect(cost.monthlyUsd).toBe(5 * (2 * 10 + 4) + 2 * (8 * 10 + 32 + 500 * 0.1));
    expect(rec.capacity.assumptions.join('\n')).toContain('1 replica per node, because posting may not lose an acknowledged write');
  });

  it('below 99% availability and with nothing that may not be lost, a tier runs no replica', () => {
    const rec = engine.advise(requirementsOf({
      ...WALLET, failure: { sessionLoss: 'tolerable', availability: 98, deploysPerDay: 4 },
      state: [{ ...WALLET.state![0]!, lossImpact: 'annoying', kind: 'derived' }],
    }));
    const tier = rec.capacity.stores[0]!;
    expect(tier.replicas).toBe(0);
  });

  it('a cache at 99.9% runs one replica per primary for failover; memcached has none to run', () => {
    const base: RequirementsInput = {
      service: 'sessions', context: { memory: 'session' }, traffic: { peakRps: 1000 },
      failure: { sessionLoss: 'tolerable', availability: 99.9, deploysPerDay: 1 }, latency: { p99Ms: 100 },
      constraints: { ops: 'medium', stores: ['redis'] },
      state: [{ name: 'session', owner: 'user', lifetime: 'hours', sizeKb: 20, writesPerMinute: 0.5, lossImpact: 'annoying', hotPath: true }],
    };
    const redis = engine.advise(requirementsOf(base)).capacity.stores.find((t) => t.technology === 'redis');
    expect(redis?.replicas).toBe(1);
    const memcached = engine.advise(requirementsOf({ ...base, constraints: { ops: 'medium', stores: ['memcached'] } })).capacity.stores.find((t) => t.technology === 'memcached');
    expect(memcached?.replicas).toBe(0);
  });

  it('at rpoSeconds 0 a costly item is never in a cache (gate.rpo-zero-no-async-store)', () => {
    const rec = engine.advise(requirementsOf({
      service: 'carts', context: { memory: 'session' }, traffic: { peakRps: 1000 },
      failure: { sessionLoss: 'tolerable', availability: 99.9, deploysPerDay: 1, rpoSeconds: 0 }, latency: { p99Ms: 100 },
      constraints: { ops: 'medium', stores: ['redis'] },
      state: [{ name: 'cart', owner: 'user', lifetime: 'hours', sizeKb: 3, writesPerMinute: 0.5, lossImpact: 'costly', hotPath: true }],
    }));
    const p = rec.placements.find((x) => x.state === 'cart')!;
    expect(p.store).not.toBe('distributed-cache');
    expect(p.alternatives.find((a) => a.store === 'distributed-cache')!.whyNot).toContain('gate.rpo-zero-no-async-store');
  });
});
