import { describe, expect, it } from 'vitest';
import type { Recommendation, RequirementsInput } from '../../../rules/index.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';

/**
 * Store-tier sizing and what a tier costs, each through the public answer (capacity.stores[], placements[].checks,
 * plans.*.cost) and each expectation worked out here by hand from the published figures — never read back from
 * the engine. One tier per binding resource: writes, MB/s and memory, so dropping any one of them from the sizing
 * changes a node count below.
 *
 * Figures used (rules/catalog/stores.yaml): kafka 50,000 messages/s and 10 MB/s per partition, a partition priced
 * as 0.5 vCPU + 2 GB + 100 GB SSD; postgres 20,000 reads/s and 500 MB/s per node; redis 100,000 ops/s, 1250 MB/s and
 * 25,600 MB per node. Prices: $10 per vCPU, $1 per GB of memory, $0.10 per GB of SSD, 2 vCPU per instance.
 * Assumptions (rules/model/assumptions.ts): 20% load headroom, 20 requests per session, cache memory × 1.3.
 */
const engine = builtinEngine();
const advise = (data: RequirementsInput) => engine.advise(requirementsOf(data));
const tierOf = (rec: Recommendation, store: string) => {
  const tiers = rec.capacity.stores.filter((t) => t.store === store);
  expect(tiers, `one ${store} tier`).toHaveLength(1);
  return tiers[0]!;
};
const checkOf = (rec: Recommendation, item: string, id: string) => rec.placements.find((p) => p.state === item)!.checks.find((c) => c.check === id)!;

describe('a tier bound by writes: 600,000 devices report 50 times a minute into Kafka', () => {
  const DEVICES: RequirementsInput = {
    // Devices report to their home region only (awayShare 0): no away request pays the round trip between regions.
    service: 'device-telemetry', traffic: { peakRps: 600, regions: 2, awayShare: 0 },
    failure: { sessionLoss: 'irrelevant', availability: 99.95, deploysPerDay: 2 }, latency: { p99Ms: 50 },
    constraints: { stores: ['redis', 'postgres'] },
    state: [{
      name: 'last-reading', owner: 'user', owners: 600_000, kind: 'derived', lifetime: 'days', sizeKb: 0.1,
      writesPerMinute: 50, readsPerMinute: 1, sensitivity: 'internal', lossImpact: 'none', consistency: 'eventual', hotPath: false,
    }],
  };
  const rec = advise(DEVICES);

  it('needs 10 partitions for 500,000 writes/s, where MB/s alone would need 5 and reads 1', () => {
    expect(rec.placements[0]).toMatchObject({ store: 'durable-log', technology: 'kafka' });
    const writes = (600_000 * 50) / 60; // 500,000 writes/s
    const reads = (600_000 * 1) / 60; // 10,000 reads/s
    const mbps = ((reads + writes) * 0.1) / 1024; // 49.8 MB/s
    expect(writes / 50_000).toBe(10); // writes: 10 partitions
    expect(Math.ceil(mbps / 10)).toBe(5); // MB/s: 5 partitions
    expect(Math.ceil(reads / 50_000)).toBe(1); // reads: 1 partition
    const tier = tierOf(rec, 'durable-log');
    expect(tier).toMatchObject({ technology: 'kafka', nodes: 10, writesPerSecond: writes, readsPerSecond: reads });
    expect(tier.mbPerSecond).toBeCloseTo(mbps, 2);
    // The item's own throughput check sizes the same tier (one item): the same 10.
    expect(checkOf(rec, 'last-reading', 'check.throughput')).toMatchObject({ value: 10, limit: 10_000, passed: true });
  });

  it('costs 6 instances (3 per region × 2 regions for 99.95%) plus 10 partitions at $17, each on 3 brokers: $654 a month', () => {
    const load = Math.ceil((600 * 1.2) / 500); // 2 instances for load
    const availability = 3 * 2; // 99.95% → 3 per region (survive a loss and a maintenance), 2 regions
    const instances = Math.max(load, availability); // 6
    expect(rec.capacity.instances).toBe(instances);
    const perInstance = 2 * 10 + (4096 / 1024) * 1; // 2 vCPU + 4 GB (the default memoryMb) = $24
    const partition = 0.5 * 10 + 2 * 1 + 100 * 0.1; // $17
    const cost = rec.plans.stateless.cost;
    // Replication factor 3 (the profile's 2 replicas per partition, counted from availability 99%): 10 × 3 running.
    expect(cost).toMatchObject({ instances, storeNodes: 30, newTechnologies: ['kafka'] });
    expect(cost.monthlyUsd).toBe(Math.round(instances * perInstance + 10 * 3 * partition)); // 144 + 510 = 654
    expect(cost.breakdown).toContain('kafka: 10 nodes × 3 (with 2 replicas each) × $17');
  });
});

describe('a tier bound by MB/s: 100 KB previews read by every one of 50,000 requests/s', () => {
  const rec = advise({
    service: 'preview-api', traffic: { peakRps: 50_000, concurrentSessions: 100_000 },
    failure: { sessionLoss: 'irrelevant', availability: 99.9, deploysPerDay: 2 }, latency: { p99Ms: 50 },
    constraints: { stores: ['redis', 'postgres'] },
    state: [{
      name: 'preview', owner: 'user', kind: 'derived', lifetime: 'days', sizeKb: 100, writesPerMinute: 0.1,
      sensitivity: 'internal', lossImpact: 'none', consistency: 'eventual', hotPath: true,
    }],
  });

  it('needs 10 Postgres nodes for 4,899 MB/s at 500 MB/s each, where reads alone would need 3', () => {
    expect(rec.placements[0]).toMatchObject({ store: 'database', technology: 'postgres' });
    const reads = 50_000; // hot path: every request reads it
    const writes = (100_000 * 0.1) / 60; // 166.67 writes/s
    const mbps = ((reads + writes) * 100) / 1024; // 4,899.09 MB/s
    expect(Math.ceil(reads / 20_000)).toBe(3);
    expect(Math.ceil(mbps / 500)).toBe(10);
    const tier = tierOf(rec, 'database');
    expect(tier.nodes).toBe(10);
    expect(tier.mbPerSecond).toBeCloseTo(mbps, 2);
    expect(checkOf(rec, 'preview', 'check.throughput')).toMatchObject({ value: 10, limit: 16, passed: true });
  });

  it('a 10-node Postgres tier with a standby each costs 20 × $162 on top of 120 instances: $6,120 a month', () => {
    const instances = Math.ceil((50_000 * 1.2) / 500); // 120 for load
    expect(rec.capacity.instances).toBe(instances);
    const node = 8 * 10 + 32 * 1 + 500 * 0.1; // 8 vCPU, 32 GB, 500 GB SSD = $162
    // At the default availability 99.9% (≥ 99%) each node runs its profile's one synchronous standby.
    expect(rec.plans.stateless.cost).toMatchObject({ instances, storeNodes: 20, monthlyUsd: Math.round(instances * 24 + 20 * node) });
  });
});

describe('a tier bound by memory: carts of 900,000 sessions (Little\'s law) in Redis', () => {
  const rec = advise({
    service: 'carts', context: { memory: 'session' }, traffic: { peakRps: 10_000, sessionMinutes: 30 },
    failure: { sessionLoss: 'tolerable', availability: 99.9, deploysPerDay: 2 }, latency: { p99Ms: 50 },
    constraints: { stores: ['redis', 'postgres'] },
    state: [{
      name: 'cart', owner: 'session', lifetime: 'hours', sizeKb: 50, writesPerMinute: 0.1,
      sensitivity: 'internal', lossImpact: 'annoying', consistency: 'eventual', hotPath: true,
    }],
  });

  it('derives 900,000 sessions: 10,000 requests/s ÷ 20 per session × 30 minutes × 60 s', () => {
    expect(rec.capacity.concurrentSessions).toBe((10_000 / 20) * 30 * 60);
  });

  it('needs 3 nodes for 57,129 MB (data × 1.3) at 25,600 MB each, where reads, writes and MB/s need 1', () => {
    expect(rec.placements[0]).toMatchObject({ store: 'distributed-cache', technology: 'redis' });
    const sessions = 900_000;
    const dataMb = (sessions * 50) / 1024; // 43,945.31 MB
    const memory = dataMb * 1.3; // 57,128.9 MB with keys, TTLs and fragmentation
    const writes = (sessions * 0.1) / 60; // 1,500 writes/s
    const mbps = ((10_000 + writes) * 50) / 1024; // 561.5 MB/s
    expect(Math.max(10_000 / 100_000, writes / 100_000, mbps / 1250)).toBeLessThan(1);
    expect(Math.ceil(memory / 25_600)).toBe(3); // 2.23 → 3 (without the × 1.3 it would be 2)
    const tier = tierOf(rec, 'distributed-cache');
    expect(tier.nodes).toBe(3);
    expect(tier.memoryMb).toBeCloseTo(memory, 1);
    expect(checkOf(rec, 'cart', 'check.throughput')).toMatchObject({ value: 3, passed: true });
    // The cache plan's cost: 24 instances for load (10,000 × 1.2 ÷ 500) + 3 redis nodes at 2 vCPU + 32 GB = $52, each
    // with its failover replica (availability 99.9% ≥ 99%): 6 running.
    expect(rec.plans.stateless.cost).toMatchObject({ storeNodes: 6, monthlyUsd: 24 * 24 + 6 * (2 * 10 + 32 * 1) });
  });
});
