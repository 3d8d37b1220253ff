import { describe, expect, it } from 'vitest';
import type { Recommendation } from '../../../rules/index.ts';
import { adviseData, builtinEngine } from '../../support/engine.ts';

/**
 * What a write moves: each write is delivered to `fanout` readers (write load × readers), and an in-process copy of
 * a collection (an index, rows) takes the change's delta (writeKb), where a value is reloaded whole. Expectations are
 * computed here by hand from the profiles in rules/catalog/stores.yaml.
 */
const engine = builtinEngine();
const check = (rec: Recommendation, id: string) => rec.placements[0]!.checks.find((c) => c.check === id)!;

describe('in-process copy refresh by write delta', () => {
  const index = (extra: Record<string, unknown>) => adviseData(engine, {
    service: 'search', traffic: { peakRps: 1000 }, latency: { p99Ms: 50 }, failure: { sessionLoss: 'irrelevant' },
    constraints: { stores: ['postgres'], instance: { memoryMb: 16384 } },
    state: [{ name: 'index', kind: 'reference', owner: 'global', lifetime: 'days', sizeKb: 512_000, writesPerMinute: 600, hotPath: true, lossImpact: 'none', consistency: 'eventual', sensitivity: 'public', ...extra }],
  });

  it('a 500 MB index changed 10 times a second by 2 KB deltas: every instance applies 10 × 2 KB = 0.0195 MB/s', () => {
    const rec = index({ shape: 'collection', writeKb: 2 });
    expect(rec.placements[0]!.store).toBe('in-process-copy');
    const c = check(rec, 'check.instance-network');
    expect(c.value).toBeCloseTo((600 / 60) * 2 / 1024, 9);
    expect(c.because).toContain('2 KB delta');
  });

  it('the same index as a value is reloaded whole: 10 × 500 MB = 5,000 MB/s > 1,250 MB/s', () => {
    const c = check(index({}), 'check.instance-network');
    expect(c.value).toBeCloseTo((600 / 60) * 512_000 / 1024, 6);
    expect(c.passed).toBe(false);
    // A value's writeKb does not shrink the reload: it is replaced whole.
    expect(check(index({ writeKb: 2 }), 'check.instance-network').value).toBeCloseTo(5000, 6);
  });
});

describe('fanout: write load × readers delivered to', () => {
  const timeline = (fanout?: number) => adviseData(engine, {
    service: 'timelines', traffic: { peakRps: 1000 }, latency: { p99Ms: 200 }, failure: { sessionLoss: 'irrelevant' },
    constraints: { stores: ['postgres', 'redis'] },
    state: [{ name: 'timeline', owner: 'user', owners: 1000, lifetime: 'days', sizeKb: 1, writesPerMinute: 6, lossImpact: 'annoying', consistency: 'eventual', sensitivity: 'internal', ...(fanout ? { fanout } : {}) }],
  });

  it('1,000 owners × 6 writes/min = 100 writes/s, each to 200 readers: 20,000 writes/s, over one Postgres primary\'s 10,000', () => {
    const rec = timeline(200);
    const postgres = rec.placements[0]!.rejectedTechnologies!.find((t) => t.technology === 'postgres')!;
    expect(postgres).toMatchObject({ check: 'check.write-throughput', value: (1000 * 6) / 60 * 200, limit: 10_000 * 1 });
    expect(postgres.because).toContain('× fanout 200');
    // The tier carries the deliveries: 20,000 writes/s, and its MB/s is (100 reads × 1 KB + 20,000 × 1 KB) ÷ 1,024.
    const tier = rec.capacity.stores[0]!;
    expect(tier.writesPerSecond).toBe(20_000);
    expect(tier.mbPerSecond).toBeCloseTo((100 * 1 + 20_000 * 1) / 1024, 2);
  });

  it('without fanout (1) the same item is 100 writes/s and Postgres takes it', () => {
    const rec = timeline();
    expect(rec.placements[0]!.technology).toBe('postgres');
    expect(check(rec, 'check.write-throughput').value).toBe(100);
  });
});
