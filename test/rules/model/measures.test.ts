import { describe, expect, it } from 'vitest';
import type { Recommendation, RequirementsInput } from '../../../rules/index.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';

/**
 * The figures of rules/model/measures.ts that the answer shows (placements[].checks, alternatives' reasons,
 * capacity.stores[]), each worked out here by hand from the store profiles (rules/catalog/stores.yaml) and the
 * contract's defaults (constraints.instance: 4096 MB, 500 requests/s, 10,000 Mbit/s; 20% load headroom).
 */
const engine = builtinEngine();
const advise = (data: RequirementsInput) => engine.advise(requirementsOf(data));
const placement = (rec: Recommendation, item: string) => rec.placements.find((p) => p.state === item)!;
const checkOf = (rec: Recommendation, item: string, id: string) => placement(rec, item).checks.find((c) => c.check === id)!;
const whyNot = (rec: Recommendation, item: string, store: string) => placement(rec, item).alternatives.find((a) => a.store === store)!.whyNot;

describe('value size: the practical limit decides, the hard one is quoted beside it', () => {
  // Redis holds 10 MB (10,240 KB) per value in practice and 512 MB at most; a 12 MB report sits between the two.
  const REPORTS: RequirementsInput = {
    service: 'report-cache', traffic: { peakRps: 50 },
    failure: { sessionLoss: 'irrelevant', availability: 99.9, deploysPerDay: 2 }, latency: { p99Ms: 2000 },
    constraints: { stores: ['redis', 's3'] },
    state: [{
      name: 'rendered-report', owner: 'user', owners: 2000, kind: 'derived', lifetime: 'hours', sizeKb: 12 * 1024,
      writesPerMinute: 0.1, sensitivity: 'internal', lossImpact: 'none', consistency: 'eventual', hotPath: false,
    }],
  };

  it('a 12 MB value fails Redis (10 MB in practice, 512 MB hard): the cache is ruled out quoting both', () => {
    const rec = advise(REPORTS);
    expect(12 * 1024).toBeGreaterThan(10 * 1024);
    expect(12 * 1024).toBeLessThan(512 * 1024);
    expect(placement(rec, 'rendered-report').store).not.toBe('distributed-cache');
    const why = whyNot(rec, 'rendered-report', 'distributed-cache');
    expect(why).toContain('(check.value-size)');
    expect(why).toContain('distributed-cache (redis): one value is 12 MB, > 10240 KB');
    expect(why).toContain('redis holds 10 MB per value in practice (hard limit 512 MB)');
  });

  it('at the practical limit (10,240 KB) it passes', () => {
    const rec = advise({ ...REPORTS, state: [{ ...REPORTS.state![0]!, sizeKb: 10 * 1024 }] });
    expect(whyNot(rec, 'rendered-report', 'distributed-cache')).not.toContain('check.value-size');
  });
});

describe('whole-object writes: an object store rewrites the object even when a write changes 8 KB', () => {
  // 5,000 customers' 20,000 KB documents, each edited 0.06 times a minute in 8 KB deltas. 20,000 KB is over every
  // database's practical value size (Postgres 10 MB, MongoDB 16 MB), so the document lands in S3.
  const rec = advise({
    service: 'document-store', traffic: { peakRps: 200 },
    failure: { sessionLoss: 'irrelevant', availability: 99.9, deploysPerDay: 2 }, latency: { p99Ms: 2000 },
    constraints: { stores: ['postgres', 's3'] },
    state: [{
      name: 'document', owner: 'user', owners: 5000, lifetime: 'forever', sizeKb: 20_000, writeKb: 8, writesPerMinute: 0.06,
      sensitivity: 'internal', lossImpact: 'costly', consistency: 'strong', hotPath: false,
    }],
  });
  const reads = 200 * 0.1; // off the hot path: 10% of requests read it → 20/s
  const writes = (5000 * 0.06) / 60; // 5 writes/s

  it('moves the whole 20,000 KB per write through the tier, not the 8 KB delta', () => {
    expect(placement(rec, 'document')).toMatchObject({ store: 'object-store', technology: 's3' });
    const tier = rec.capacity.stores.find((t) => t.store === 'object-store')!;
    const whole = (reads * 20_000 + writes * 20_000) / 1024; // 488.28 MB/s
    const delta = (reads * 20_000 + writes * 8) / 1024; // 390.66 MB/s, what a store with partial updates would move
    expect(tier.mbPerSecond).toBeCloseTo(whole, 2);
    expect(tier.mbPerSecond).not.toBeCloseTo(delta, 0);
    // Shared by the fleet: max(200 × 1.2 ÷ 500 → 1, 2 for 99.9%) = 2 instances.
    expect(checkOf(rec, 'document', 'check.instance-network').value).toBeCloseTo(whole / 2, 6);
  });

  it('an acknowledged write waits for the whole object too: 100 + 195.31 ms read, 200 + 195.31 ms write', () => {
    const transfer = (20_000 / 1024 / 100) * 1000; // 195.3125 ms at S3's 100 MB/s per request
    expect(checkOf(rec, 'document', 'check.latency').value).toBeCloseTo(100 + transfer + 200 + transfer, 6);
  });
});

describe('reference data copied into every instance, with owners given', () => {
  // 40 tenants' price lists of 2,560 KB each: every instance holds all 40 of them.
  const prices = (memoryMb?: number): RequirementsInput => ({
    service: 'pricing', traffic: { peakRps: 2000 },
    failure: { sessionLoss: 'irrelevant', availability: 99.9, deploysPerDay: 2 }, latency: { p99Ms: 20 },
    ...(memoryMb ? { constraints: { instance: { memoryMb } } } : {}),
    state: [{
      name: 'tenant-price-lists', owner: 'global', owners: 40, kind: 'reference', lifetime: 'days', sizeKb: 2560,
      writesPerMinute: 0.5, sensitivity: 'internal', lossImpact: 'none', consistency: 'eventual', hotPath: true,
    }],
  });
  const copyMb = (40 * 2560) / 1024; // 100 MB

  it('the copy needs all 40 lists in memory (100 MB) and reloads one whole list per change', () => {
    const rec = advise(prices());
    expect(placement(rec, 'tenant-price-lists').store).toBe('in-process-copy');
    expect(checkOf(rec, 'tenant-price-lists', 'check.memory')).toMatchObject({ value: copyMb, limit: 4096, passed: true });
    expect(rec.capacity.inProcessMemoryMb).toBe(copyMb);
    // 40 × 0.5 changes a minute = 0.333 changes/s, each reloading 2,560 KB in every instance (not shared out).
    expect(checkOf(rec, 'tenant-price-lists', 'check.instance-network').value).toBeCloseTo(((40 * 0.5) / 60) * 2560 / 1024, 9);
  });

  it('with 80 MB per instance the 100 MB copy does not fit, and the answer says so with both numbers', () => {
    const rec = advise(prices(80));
    expect(placement(rec, 'tenant-price-lists').store).not.toBe('in-process-copy');
    const why = whyNot(rec, 'tenant-price-lists', 'in-process-copy');
    expect(why).toContain('(check.memory)');
    expect(why).toContain(`needs ${copyMb} MB in one instance`);
    expect(why).toContain('> 80 MB');
  });
});

describe('replicated memory: replica traffic per instance is shared by the fleet', () => {
  it('60,000 writes/s × 2 KB = 117.19 MB/s across 29 instances: 4.04 MB/s each', () => {
    const rec = advise({
      service: 'match-server', context: { memory: 'session' }, traffic: { peakRps: 12_000, concurrentSessions: 30_000, sessionMinutes: 40 },
      failure: { sessionLoss: 'unacceptable', availability: 99.9, deploysPerDay: 1 }, latency: { p99Ms: 8 },
      constraints: { stores: ['postgres', 'redis'] },
      state: [{
        name: 'match-state', owner: 'session', lifetime: 'hours', sizeKb: 64, writeKb: 2, writesPerMinute: 120,
        sensitivity: 'internal', lossImpact: 'costly', consistency: 'strong', hotPath: true,
      }],
    });
    expect(placement(rec, 'match-state').store).toBe('in-process-replicated');
    const writes = (30_000 * 120) / 60; // 60,000 writes/s
    const fleet = Math.max(Math.ceil((12_000 * 1.2) / 500), 2); // 29 for load (28.8 → 29), 2 for availability
    expect(rec.capacity.instances).toBe(fleet);
    const perInstance = (writes * 2) / 1024 / fleet; // the 2 KB delta, not the 64 KB value
    expect(checkOf(rec, 'match-state', 'check.instance-network').value).toBeCloseTo(perInstance, 9);
    expect(checkOf(rec, 'match-state', 'check.instance-network').because).toContain('shared by 29 instances');
    // The acknowledged write: a memory read plus one synchronous 1 ms copy to the replica.
    expect(checkOf(rec, 'match-state', 'check.latency').value).toBeCloseTo(0.001 + 1, 9);
  });
});

describe('DynamoDB partitions: 1,000 write units of 1 KB each, so writes of large items bind before the MB/s', () => {
  // The legacy portal: 1,080,000 sessions (12,000 rps ÷ 20 requests per session × 30 min × 60 s, Little's law) of
  // 12 KB written 4 times a minute = 72,000 writes/s × 12 KB = 864,000 KB/s = 843.75 MB/s written → 844 partitions
  // at 1 MB/s written each. Counted as plain MB/s (12,000 reads/s × 12 KB + 843.75 = 984.38 MB/s ÷ 10 MB/s) it
  // would be 99, and as writes alone 72,000 ÷ 1,000 = 72: the write bandwidth is what binds.
  const rec = advise({
    service: 'portal', context: { memory: 'session' }, traffic: { peakRps: 12_000, sessionMinutes: 30 },
    failure: { sessionLoss: 'unacceptable', availability: 99.95 }, constraints: { stores: ['dynamodb'] },
    state: [{ name: 'session', owner: 'session', lifetime: 'hours', sizeKb: 12, writesPerMinute: 4, lossImpact: 'costly', hotPath: true }],
  });

  it('sizes the tier on MB/s written: 844 partitions', () => {
    expect(placement(rec, 'session').technology).toBe('dynamodb');
    const tier = rec.capacity.stores.find((s) => s.technology === 'dynamodb')!;
    expect(tier.writesPerSecond).toBe(72_000);
    expect(tier.mbPerSecond).toBeCloseTo((12_000 * 12 + 72_000 * 12) / 1024, 2);
    expect(tier.nodes).toBe(Math.ceil((72_000 * 12) / 1024 / 1));
    expect(tier.nodes).toBe(844);
    expect(rec.capacity.assumptions.join('\n')).toContain('843.75 MB/s written) → 844 nodes');
  });

  it('the throughput check quotes the written MB/s as the binding figure', () => {
    const c = checkOf(rec, 'session', 'check.throughput');
    expect(c.value).toBe(844);
    expect(c.because).toContain('843.75 MB/s written ÷ 1 MB/s of writes per node');
  });
});
