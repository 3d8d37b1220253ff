import { describe, expect, it } from 'vitest';
import type { RequirementsInput } from '../../../rules/index.ts';
import { catalogFrom, requirementsOf } from '../../support/engine.ts';
import { decide } from '../../../rules/engine/decide.ts';
import { allCandidates } from '../../../rules/engine/feasibility.ts';
import { ALL_STORES, STORE_INDEX } from '../../../rules/model/stores.ts';
import { MEASURES, storeMbPerSecond } from '../../../rules/model/measures.ts';

/**
 * `readKb`: what one read moves. Expectations are computed here by hand from the store profiles' figures
 * (rules/catalog/stores.yaml): redis 1 ms read, 1250 MB/s stream; postgres 5 ms read, 100 MB/s stream.
 */
const catalog = catalogFrom();

const FEED = (readKb?: number): RequirementsInput => ({
  service: 'catalogue-feed', traffic: { peakRps: 2000 },
  failure: { sessionLoss: 'irrelevant', availability: 99.9, deploysPerDay: 4 }, latency: { p99Ms: 100 },
  constraints: { ops: 'medium', stores: ['redis', 'postgres'] },
  state: [{ name: 'feed', owner: 'global', lifetime: 'days', sizeKb: 5000, ...(readKb === undefined ? {} : { readKb }), writeKb: 1,
    writesPerMinute: 60, sensitivity: 'public', lossImpact: 'annoying', consistency: 'eventual', hotPath: true }],
});

/** The check outcomes of the team's technology for `store` (first option), and the probe figures. */
function outcomes(data: RequirementsInput, store: 'distributed-cache' | 'database') {
  const { ctx } = decide(catalog, requirementsOf(data), true);
  const item = ctx.items[0]!;
  const option = allCandidates(catalog, ctx, item, ALL_STORES)[STORE_INDEX[store]]![0]!;
  const technology = store === 'database' ? 'postgres' : 'redis';
  const profile = catalog.profiles.find((p) => p.technology === technology)!;
  return { get: (id: string) => option.find((o) => o.rule.id === id)!, probe: { ctx, item, store, profile } };
}

describe('readKb: what one read moves', () => {
  it('the read transfer time moves readKb, not the whole value (redis)', () => {
    // 1 ms + 20 KB ÷ 1024 ÷ 1250 MB/s × 1000 = 1.015625 ms
    expect(outcomes(FEED(20), 'distributed-cache').get('check.latency').value).toBeCloseTo(1 + (20 / 1024 / 1250) * 1000, 9);
    // Without readKb every read moves 5000 KB: 1 + 5000 ÷ 1024 ÷ 1250 × 1000 = 4.90625 ms
    expect(outcomes(FEED(), 'distributed-cache').get('check.latency').value).toBeCloseTo(1 + (5000 / 1024 / 1250) * 1000, 9);
  });

  it('the read transfer time moves readKb, not the whole value (postgres), and the sentence says so', () => {
    // 5 ms + 200 KB ÷ 1024 ÷ 100 MB/s × 1000 = 6.953125 ms
    const o = outcomes(FEED(200), 'database');
    expect(o.get('check.latency').value).toBeCloseTo(5 + (200 / 1024 / 100) * 1000, 9);
    expect(MEASURES.accessMs!.explain(o.probe)).toBe('a 5 ms read + 1.95 ms to move 200 KB at 100 MB/s');
    expect(outcomes(FEED(), 'database').get('check.latency').value).toBeCloseTo(5 + (5000 / 1024 / 100) * 1000, 9);
  });

  it('the store MB/s counts readKb per read and writeKb per write', () => {
    // reads: every request (hot path), 2000/s × 20 KB; writes: 1 owner × 60/min ÷ 60 = 1/s × 1 KB
    expect(storeMbPerSecond(outcomes(FEED(20), 'distributed-cache').probe)).toBeCloseTo((2000 * 20 + 1 * 1) / 1024, 9);
    expect(storeMbPerSecond(outcomes(FEED(), 'distributed-cache').probe)).toBeCloseTo((2000 * 5000 + 1) / 1024, 9);
  });
});
