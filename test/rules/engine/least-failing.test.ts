import { describe, expect, it } from 'vitest';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';

/**
 * When no store passes every check, a plan takes the least-failing one — the smallest Σ ln(value ÷ limit) over its
 * failed checks, a yes/no check counting 3 (docs/design.md, "Plans") — and so does a store among its technologies.
 * The case: a 10 KB profile record read by every request with a 4 ms p99, so 2 ms for state. The gates leave a
 * database, a durable log or object storage; all three fail, by different amounts.
 *
 * Figures (rules/catalog/stores.yaml): postgres 5 ms read, 100 MB/s per request; kafka 10 ms, 10 MB/s, no key
 * lookups; minio 20 ms, 500 MB/s; s3 100 ms, 100 MB/s.
 */
const engine = builtinEngine();
const rec = engine.advise(requirementsOf({
  service: 'profile-api', traffic: { peakRps: 3000 },
  failure: { sessionLoss: 'irrelevant', availability: 99.9, deploysPerDay: 2 }, latency: { p99Ms: 4 },
  constraints: { stores: ['postgres', 'kafka', 's3'] },
  state: [{
    name: 'profile', owner: 'user', lifetime: 'forever', sizeKb: 10, writesPerMinute: 0.01,
    sensitivity: 'internal', lossImpact: 'annoying', consistency: 'eventual', hotPath: true,
  }],
}));

const budget = 4 / 2; // half the p99 is left for state
const ms = (readMs: number, mbPerSecond: number) => readMs + (10 / 1024 / mbPerSecond) * 1000; // read + transfer of 10 KB
const postgres = ms(5, 100); // 5.0977 ms
const kafka = ms(10, 10); // 10.0098 ms
const minio = ms(20, 500); // 20.0195 ms
const s3 = ms(100, 100); // 100.0977 ms
const violation = {
  database: Math.log(postgres / budget), // 0.94
  objectStore: Math.log(minio / budget), // 2.30
  durableLog: Math.log(kafka / budget) + 3, // 1.61 + 3 for the failed key-lookup check = 4.61
};

describe('nothing passes: the least-failing store is taken', () => {
  it('the three stores fail by different amounts, Postgres least', () => {
    expect(violation.database).toBeLessThan(violation.objectStore);
    expect(violation.objectStore).toBeLessThan(violation.durableLog);
  });

  it('the answer is infeasible and places the record in the database, its blocker quoting 5.0977 ms > 2 ms', () => {
    expect(rec.feasible).toBe(false);
    expect(rec.placements[0]).toMatchObject({ store: 'database', technology: 'postgres' });
    const blockers = rec.plans[rec.verdict].blockers;
    expect(blockers).toHaveLength(1);
    expect(blockers[0]).toMatchObject({ check: 'check.latency', state: 'profile', store: 'database', limit: budget, unit: 'ms' });
    expect(blockers[0]!.value).toBeCloseTo(postgres, 9);
  });

  it('within object storage the least-failing technology is quoted: MinIO at 20 ms, not the team\'s S3 at 100 ms', () => {
    expect(s3).toBeGreaterThan(minio);
    const whyNot = rec.placements[0]!.alternatives.find((a) => a.store === 'object-store')!.whyNot;
    expect(whyNot).toContain('object-store (minio)');
    expect(whyNot).toContain(`costs ${Number(minio.toPrecision(4))} ms`);
    expect(whyNot).toContain('> 2 ms');
  });
});
