import { describe, expect, it } from 'vitest';
import type { RequirementsInput } from '../../../rules/index.ts';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { builtinEngine, catalogFrom, requirementsOf } from '../../support/engine.ts';
import { decide } from '../../../rules/engine/decide.ts';
import { allCandidates } from '../../../rules/engine/feasibility.ts';
import { ALL_STORES, STORE_INDEX } from '../../../rules/model/stores.ts';

/**
 * check.storage: stored bytes (owners × sizeKb) per node that holds distinct data vs the profile's practical per-node
 * ceiling. By hand from rules/catalog/stores.yaml: postgres 4096 GB per primary, one primary (maxWriteNodes 1);
 * mongodb 2048 GB per shard, at most 100 shards; cassandra 2048 GB per node, at most 1000 nodes.
 */
const catalog = catalogFrom();

const ARCHIVE = (owners: number, stores: ('postgres' | 'mongodb')[]): RequirementsInput => ({
  service: 'contract-archive', traffic: { peakRps: 300 },
  failure: { sessionLoss: 'irrelevant', availability: 99.9, deploysPerDay: 2 }, latency: { p99Ms: 800 },
  constraints: { ops: 'medium', stores },
  state: [{ name: 'contract-scan', owner: 'user', owners, lifetime: 'forever', sizeKb: 500, writesPerMinute: 0.0001,
    sensitivity: 'personal', lossImpact: 'critical', consistency: 'strong' }],
});

function storage(data: RequirementsInput) {
  const { ctx } = decide(catalog, requirementsOf(data), true);
  const first = allCandidates(catalog, ctx, ctx.items[0]!, ALL_STORES)[STORE_INDEX.database]![0]!;
  return first.find((o) => o.rule.id === 'check.storage')!;
}

describe('check.storage', () => {
  it('40 M × 500 KB = 19,073 GB on one Postgres primary: > 4096 GB, fails', () => {
    const c = storage(ARCHIVE(40_000_000, ['postgres']));
    // totalMb is kept to 0.01 MB: 40,000,000 × 500 ÷ 1024 = 19,531,250 MB; ÷ 1024 = 19,073.49 GB
    expect(c.value).toBeCloseTo((40_000_000 * 500) / 1024 / 1024, 6);
    expect(c.limit).toBe(4096);
    expect(c.passed).toBe(false);
  });

  it('4 M × 500 KB = 1,907 GB fits one Postgres primary', () => {
    const c = storage(ARCHIVE(4_000_000, ['postgres']));
    expect(c.value).toBeCloseTo((4_000_000 * 500) / 1024 / 1024, 6);
    expect(c.passed).toBe(true);
  });

  it('a sharded database spreads the bytes: 19,073 GB over 100 MongoDB shards = 190.7 GB each ≤ 2048 GB', () => {
    const c = storage(ARCHIVE(40_000_000, ['mongodb']));
    expect(c.value).toBeCloseTo((40_000_000 * 500) / 1024 / 1024 / 100, 6);
    expect(c.limit).toBe(2048);
    expect(c.passed).toBe(true);
  });

  it('the public case scan-archive (40 M × 0.5 MB = 20 TB) goes to object storage, feasible', () => {
    const cases = parse(readFileSync(new URL('../../fixtures/round3-cases.yaml', import.meta.url), 'utf8')) as { id: string; input: unknown }[];
    const rec = builtinEngine().advise(requirementsOf(cases.find((c) => c.id === 'scan-archive')!.input));
    const p = rec.placements.find((x) => x.state === 'contract-scan')!;
    expect(p.store).toBe('object-store');
    expect(p.why.join(' ')).toContain('place.object-store-bulk');
    expect(rec.feasible).toBe(true);
  });

  it('place.object-store-bulk holds from 1 TB of values of 100 KB or more, not below', () => {
    const rule = catalog.placement.find((r) => r.id === 'place.object-store-bulk')!;
    const small = catalog.placement.find((r) => r.id === 'place.object-store-small')!;
    const holds = (owners: number, sizeKb: number, r = rule) => {
      const data = ARCHIVE(owners, ['postgres']);
      data.state![0] = { ...data.state![0]!, sizeKb };
      const { ctx } = decide(catalog, requirementsOf(data), true);
      return r.test(ctx, ctx.items[0]!, undefined);
    };
    // 1 TB = 1,048,576 MB: 2,147,484 × 500 KB ÷ 1024 = 1,048,576.2 MB (holds); 2,147,000 × 500 KB = 1,048,339.8 MB (does not)
    expect(holds(2_147_484, 500)).toBe(true);
    expect(holds(2_147_000, 500)).toBe(false);
    // 99 KB values never count as blobs: 20 M × 99 KB = 1.84 TB
    expect(holds(20_000_000, 99)).toBe(false);
    // The small-value penalty steps aside exactly where the bulk rule holds, and stays for small totals and small values.
    expect(holds(2_147_484, 500, small)).toBe(false);
    expect(holds(2_147_000, 500, small)).toBe(true);
    expect(holds(20_000_000, 99, small)).toBe(true);
  });

  it('the public case scan-archive: the bulk rule wins over the sharded database the team does not run either', () => {
    const cases = parse(readFileSync(new URL('../../fixtures/round3-cases.yaml', import.meta.url), 'utf8')) as { id: string; input: unknown }[];
    const rec = builtinEngine().advise(requirementsOf(cases.find((c) => c.id === 'scan-archive')!.input));
    expect(rec.placements[0]!.technology).toBe('s3');
  });
});
