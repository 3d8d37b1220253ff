import { describe, expect, it } from 'vitest';
import type { Recommendation, RequirementsInput } from '../../../rules/index.ts';
import { builtinEngine, catalogFrom, requirementsOf } from '../../support/engine.ts';
import { decide } from '../../../rules/engine/decide.ts';
import { allCandidates } from '../../../rules/engine/feasibility.ts';
import { ALL_STORES, STORE_INDEX } from '../../../rules/model/stores.ts';

/**
 * Figures and severities checked against arithmetic done here, by hand, from the store profiles' published
 * figures (rules/catalog/stores.yaml) — not against a recorded answer, so re-recording a golden cannot hide a wrong
 * number. Profile figures used: redis 1 ms read, 1250 MB/s stream, 100k ops/s and 25,600 MB per node; postgres 5 ms
 * read, 10 ms commit, 100 MB/s stream, 10k writes/s on one primary; kafka 10 MB/s and 50k messages/s per partition;
 * replicated memory 1 ms acknowledged write; half the p99 left for state.
 */
const engine = builtinEngine();
const catalog = catalogFrom();
const inNameOrder = <T extends { state: { name: string }[] }>(r: T): T => ({ ...r, state: [...r.state].sort((a, b) => (a.name < b.name ? -1 : 1)) });
const advise = (data: RequirementsInput) => engine.advise(requirementsOf(data));
const placement = (rec: Recommendation, name: string) => rec.placements.find((p) => p.state === name)!;
const check = (rec: Recommendation, name: string, id: string) => placement(rec, name).checks.find((c) => c.check === id)!;
const whyNot = (rec: Recommendation, name: string, store: string) => placement(rec, name).alternatives.find((a) => a.store === store)!.whyNot;

const PRICING: RequirementsInput = {
  service: 'pricing-api', context: { memory: 'session' }, traffic: { peakRps: 8000, sessionMinutes: 30 },
  failure: { sessionLoss: 'tolerable', availability: 99.9, deploysPerDay: 5 }, latency: { p99Ms: 3 },
  constraints: { ops: 'medium', stores: ['postgres'] },
  state: [{ name: 'session', owner: 'session', lifetime: 'hours', sizeKb: 6, writesPerMinute: 1, sensitivity: 'personal', lossImpact: 'annoying', consistency: 'read-your-writes', hotPath: true }],
};

describe('latency against the budget', () => {
  const rec = advise(PRICING);

  it('a cache read of 6 KB costs 1 ms + 6 KB at 1250 MB/s, against half of a 3 ms p99', () => {
    const c = check(rec, 'session', 'check.latency');
    expect(c.value).toBeCloseTo(1 + (6 / 1024 / 1250) * 1000, 9);
    expect(c.limit).toBe(1.5);
    expect(c.passed).toBe(true);
    expect(rec.capacity.hotPathMs).toBeCloseTo(1.0047, 4);
    expect(rec.capacity.latencyBudgetMs).toBe(1.5);
  });

  it('rules out Postgres by its 5 ms read, quoting the numbers, and adds Redis', () => {
    expect(placement(rec, 'session').technology).toBe('redis');
    expect(rec.plans.stateless.cost.newTechnologies).toEqual(['redis']);
    const postgres = 5 + (6 / 1024 / 100) * 1000; // 5.0586 ms
    expect(whyNot(rec, 'session', 'database')).toContain(`costs ${Number(postgres.toPrecision(4))} ms`);
    expect(whyNot(rec, 'session', 'database')).toContain('> 1.5 ms');
  });

  it('67% of the budget used is a low risk; a 1.2 ms budget margin would be high', () => {
    const used = (1 + (6 / 1024 / 1250) * 1000) / 1.5; // 0.67
    expect(used).toBeGreaterThan(0.5);
    expect(used).toBeLessThan(0.75);
    expect(rec.risks.find((r) => r.id === 'check.latency:session')?.severity).toBe('low');
    const tight = advise({ ...PRICING, latency: { p99Ms: 2.1 } }); // 1.0047 of 1.05 ms: 96%
    expect(tight.risks.find((r) => r.id === 'check.latency:session')?.severity).toBe('high');
  });

  it('the budget crossing is exact: the cache stops fitting just below p99 2.0094 ms', () => {
    const crossing = 2 * (1 + (6 / 1024 / 1250) * 1000);
    expect(advise({ ...PRICING, latency: { p99Ms: crossing + 1e-6 } }).placements[0]!.store).toBe('distributed-cache');
    expect(advise({ ...PRICING, latency: { p99Ms: crossing - 1e-6 } }).placements[0]!.store).not.toBe('distributed-cache');
    const tp = rec.tippingPoints.find((t) => t.input === 'latency.p99Ms')!;
    expect(tp.to).toBeLessThanOrEqual(crossing);
    expect(tp.to).toBeGreaterThan(crossing - 0.01);
  });
});

describe('throughput and store tiers', () => {
  const FREQ: RequirementsInput = {
    service: 'ad-frequency-cap', context: { memory: 'session' }, traffic: { peakRps: 1_000_000, concurrentSessions: 2_000_000, sessionMinutes: 60 },
    failure: { sessionLoss: 'tolerable', availability: 99.9, deploysPerDay: 3 }, latency: { p99Ms: 15 },
    constraints: { ops: 'high', stores: ['postgres', 'redis'] },
    state: [{ name: 'impressions', owner: 'user', lifetime: 'hours', sizeKb: 0.2, writesPerMinute: 30, sensitivity: 'internal', lossImpact: 'annoying', consistency: 'eventual', hotPath: true }],
  };
  const rec = advise(FREQ);

  it('2M users × 30 writes/min = 1M writes/s: over one Postgres primary (10k/s), a handful of Redis shards', () => {
    expect(check(rec, 'impressions', 'check.write-throughput').value).toBe(2_000_000 * 30 / 60);
    // Postgres, the team's database, fails on writes; the database store is only feasible with a technology the team
    // does not run, which is why the cache it does run wins.
    const base = decide(catalog, inNameOrder(requirementsOf(FREQ)), true);
    const postgres = allCandidates(catalog, base.ctx, base.ctx.items[0]!, ALL_STORES)[STORE_INDEX.database]![0]!;
    expect(postgres.find((o) => o.rule.id === 'check.write-throughput')).toMatchObject({ value: 1_000_000, limit: 10_000, passed: false });
    expect(placement(rec, 'impressions').technology).toBe('redis');
    const tier = rec.capacity.stores.find((t) => t.store === 'distributed-cache')!;
    // reads: every request (1M/s) ÷ 100k = 10; writes 1M ÷ 100k = 10; MB/s (1M × 0.2 KB × 2) ÷ 1024 = 390.6 ÷ 1250 < 1
    expect(tier.nodes).toBe(10);
    expect(tier.mbPerSecond).toBeCloseTo((1_000_000 * 0.2 * 2) / 1024, 1);
    expect(tier.memoryMb).toBeCloseTo(((2_000_000 * 0.2) / 1024) * 1.3, 0);
  });
});

describe('memory sets the fleet; a copy in every instance', () => {
  it('500 sandboxes of 3,000,000 KB on 64 GB instances: 1,464,843.75 MB ÷ 65,536 MB = 23 instances', () => {
    const rec = advise({
      service: 'code-sandbox', context: { memory: 'session', workflow: 'multi-step' }, traffic: { peakRps: 200, concurrentSessions: 500, sessionMinutes: 90 },
      failure: { sessionLoss: 'tolerable', availability: 99.5, deploysPerDay: 1 }, latency: { p99Ms: 300 },
      constraints: { ops: 'medium', stores: ['postgres'], instance: { memoryMb: 65_536 } },
      state: [{ name: 'sandbox-heap', owner: 'session', lifetime: 'hours', sizeKb: 3_000_000, writesPerMinute: 6, sensitivity: 'personal', lossImpact: 'costly', consistency: 'strong', hotPath: true }],
    });
    expect(placement(rec, 'sandbox-heap').store).toBe('in-process-sticky');
    expect(rec.capacity.instances).toBe(Math.ceil((500 * 3_000_000) / 1024 / 65_536));
    expect(check(rec, 'sandbox-heap', 'check.memory').value).toBeCloseTo(3_000_000 / 1024, 6);
  });

  it('a 300 MB table read by 20k requests/s would move 122,070 MB/s per instance from a cache; the copy moves nothing', () => {
    const rec = advise({
      service: 'geo-enricher', traffic: { peakRps: 20_000 }, failure: { sessionLoss: 'irrelevant', availability: 99.95, deploysPerDay: 2 }, latency: { p99Ms: 20 },
      state: [{ name: 'geo-table', owner: 'global', lifetime: 'days', sizeKb: 300_000, writesPerMinute: 0, sensitivity: 'public', lossImpact: 'none', consistency: 'eventual', hotPath: true }],
    });
    const p = placement(rec, 'geo-table');
    expect(p.store).toBe('in-process-copy');
    expect(p.kind).toBe('reference');
    expect(check(rec, 'geo-table', 'check.memory').value).toBeCloseTo(300_000 / 1024, 6);
    // Fleet for load: 20,000 × 1.2 ÷ 500 = 48 instances; the cache traffic 20,000 × 300,000 KB ÷ 1024 shared by 48.
    const perInstance = (20_000 * 300_000) / 1024 / 48;
    expect(whyNot(rec, 'geo-table', 'distributed-cache')).toContain(`each instance moves ${Math.round(perInstance)} MB/s`);
    expect(rec.capacity.inProcessMemoryMb).toBeCloseTo(300_000 / 1024, 2);
  });
});

describe('an infeasible answer', () => {
  it('a synchronous replica write (1 ms) cannot fit 0.25 ms: blocker with value, limit and unit', () => {
    const rec = advise({
      service: 'order-gateway', context: { memory: 'session' }, traffic: { peakRps: 50_000, concurrentSessions: 5000, sessionMinutes: 480 },
      failure: { sessionLoss: 'unacceptable', availability: 99.99, deploysPerDay: 0.1 }, latency: { p99Ms: 0.5 },
      constraints: { ops: 'high', stores: ['postgres', 'kafka'] },
      state: [{ name: 'positions', owner: 'user', lifetime: 'hours', sizeKb: 10, writesPerMinute: 600, writeKb: 0.1, sensitivity: 'internal', lossImpact: 'critical', consistency: 'strong', hotPath: true }],
    });
    expect(rec.feasible).toBe(false);
    const b = rec.plans.stateful.blockers.find((x) => x.check === 'check.latency')!;
    expect(b).toMatchObject({ state: 'positions', store: 'in-process-replicated', limit: 0.25, unit: 'ms' });
    expect(b.value).toBeCloseTo(0.001 + 1, 9);
    // 2 × 1.001 ms: from a p99 of about 2 ms the replicated plan passes.
    const pass = rec.tippingPoints.find((t) => t.input === 'latency.p99Ms' && t.feasible)!;
    expect(pass.to).toBeGreaterThanOrEqual(2 * 1.001);
    expect(pass.to).toBeLessThan(2.1);
    expect(rec.risks.every((r) => !/exceed/.test(r.text))).toBe(true);
  });

  it('200k events/s of 0.5 KB: Postgres takes 10k writes/s; Kafka needs 11 partitions for 107 MB/s', () => {
    const rec = advise({
      service: 'telemetry-ingest', context: { memory: 'request' }, traffic: { peakRps: 200_000, concurrentSessions: 400_000, sessionMinutes: 60 },
      failure: { sessionLoss: 'irrelevant', availability: 99.95, deploysPerDay: 4 }, latency: { p99Ms: 100 },
      constraints: { ops: 'high', stores: ['kafka', 'postgres'] },
      state: [{ name: 'events', owner: 'user', lifetime: 'days', sizeKb: 0.5, writesPerMinute: 30, sensitivity: 'internal', lossImpact: 'costly', consistency: 'eventual', hotPath: false }],
    });
    expect(placement(rec, 'events').store).toBe('durable-log');
    const tier = rec.capacity.stores.find((t) => t.store === 'durable-log')!;
    // writes 400,000 × 30 ÷ 60 = 200,000/s; reads 10% of 200,000 requests; MB/s (20,000 + 200,000) × 0.5 ÷ 1024.
    expect(tier.writesPerSecond).toBe(200_000);
    const mbps = ((20_000 + 200_000) * 0.5) / 1024;
    expect(tier.mbPerSecond).toBeCloseTo(mbps, 2);
    expect(tier.nodes).toBe(Math.ceil(mbps / 10));
  });
});
