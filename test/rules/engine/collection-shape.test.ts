import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import type { RequirementsInput } from '../../../rules/index.ts';
import { builtinEngine, catalogFrom, requirementsOf } from '../../support/engine.ts';
import { decide } from '../../../rules/engine/decide.ts';
import { allCandidates } from '../../../rules/engine/feasibility.ts';
import { ALL_STORES, STORE_INDEX } from '../../../rules/model/stores.ts';
import type { Store } from '../../../rules/contract/recommendation.ts';
import { storeMemoryMb } from '../../../rules/model/measures.ts';

/**
 * `shape: collection`: a store's value limit bounds what one read or write moves (the larger of readKb and writeKb),
 * memory holds the whole. Limits by hand from rules/catalog/stores.yaml: redis 10,240 KB practical per value, postgres
 * 10,240 KB, kafka 1,024 KB; redis keeps 1.3 × the data in memory (cache overhead).
 */
const catalog = catalogFrom();
const engine = builtinEngine();

const RANKING = (shape?: 'value' | 'collection'): RequirementsInput => ({
  service: 'leaderboard', traffic: { peakRps: 3000 },
  failure: { sessionLoss: 'irrelevant', availability: 99.9, deploysPerDay: 4 }, latency: { p99Ms: 40 },
  constraints: { ops: 'medium', stores: ['redis', 'postgres'] },
  state: [{ name: 'ranking', owner: 'global', kind: 'derived', lifetime: 'days', sizeKb: 200_000, ...(shape ? { shape } : {}), readKb: 6, writeKb: 0.2,
    writesPerMinute: 600, sensitivity: 'public', lossImpact: 'annoying', consistency: 'eventual', hotPath: true }],
});

function outcome(data: RequirementsInput, store: Store, id: string) {
  const { ctx } = decide(catalog, requirementsOf(data), true);
  const option = allCandidates(catalog, ctx, ctx.items[0]!, ALL_STORES)[STORE_INDEX[store]]![0]!;
  return option.find((o) => o.rule.id === id)!;
}

describe('shape: collection', () => {
  it('the value-size check compares max(readKb, writeKb), not the 200,000 KB whole', () => {
    expect(outcome(RANKING('collection'), 'distributed-cache', 'check.value-size')).toMatchObject({ value: Math.max(6, 0.2), limit: 10_240, passed: true });
    expect(outcome(RANKING('collection'), 'database', 'check.value-size')).toMatchObject({ value: 6, limit: 10_240, passed: true });
  });

  it('a value (the default) is still judged whole: 200,000 KB > 10,240 KB', () => {
    expect(outcome(RANKING(), 'distributed-cache', 'check.value-size')).toMatchObject({ value: 200_000, passed: false });
    expect(outcome(RANKING('value'), 'database', 'check.value-size')).toMatchObject({ value: 200_000, passed: false });
  });

  it('a write larger than a read binds: writeKb 50 against readKb 6', () => {
    const data = RANKING('collection');
    data.state![0] = { ...data.state![0]!, writeKb: 50 };
    expect(outcome(data, 'distributed-cache', 'check.value-size').value).toBe(50);
  });

  it('an object store rewrites the whole object, so the collection is judged whole there', () => {
    expect(outcome(RANKING('collection'), 'object-store', 'check.value-size').value).toBe(200_000);
  });

  it('memory stays on the whole: the cache tier holds 200,000 KB ÷ 1024 × 1.3', () => {
    const { ctx } = decide(catalog, requirementsOf(RANKING('collection')), true);
    const profile = catalog.profiles.find((p) => p.technology === 'redis')!;
    // totalMb is kept to 0.01 MB: 195.31 MB × 1.3
    expect(storeMemoryMb({ ctx, item: ctx.items[0]!, store: 'distributed-cache', profile })).toBeCloseTo((Math.round((200_000 / 1024) * 100) / 100) * 1.3, 6);
  });

  it('the public case game-rankings (1.5 GB sorted set, 5 KB pages) is feasible in a cache or a database', () => {
    const cases = parse(readFileSync(new URL('../../fixtures/round3-cases.yaml', import.meta.url), 'utf8')) as { id: string; input: unknown }[];
    const rec = engine.advise(requirementsOf(cases.find((c) => c.id === 'game-rankings')!.input));
    expect(rec.feasible).toBe(true);
    expect(rec.verdict).toBe('stateless');
    expect(['distributed-cache', 'database']).toContain(rec.placements.find((x) => x.state === 'ranking')!.store);
  });
});
