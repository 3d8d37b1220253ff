import { describe, expect, it } from 'vitest';
import { adviseData, builtinEngine } from '../../support/engine.ts';

/**
 * Invariant 16, first part: reasons are chosen after the technology. A team that runs Postgres and writes 50,000
 * times a second to one item cannot keep it on one Postgres primary; the plan runs another database, and the answer
 * says which check vetoed Postgres with its numbers — never "a table needs no new store".
 */
const engine = builtinEngine();

// 1,000,000 owners × 3 writes/min ÷ 60 = 50,000 writes/s. Postgres (stores.yaml): 10,000 writes/s per node × 1 write
// node (the single primary) = 10,000 writes/s, so check.write-throughput fails 50,000 > 10,000.
const HEAVY_WRITES = {
  service: 'counters',
  traffic: { peakRps: 60_000 },
  failure: { sessionLoss: 'unacceptable' },
  constraints: { stores: ['postgres'] },
  state: [{ name: 'ledger-line', owner: 'user', owners: 1_000_000, lifetime: 'forever', sizeKb: 1, writesPerMinute: 3, lossImpact: 'critical', consistency: 'strong' }],
};

describe('the team\'s technology passed over', () => {
  it('names the check that vetoed Postgres, with its numbers, and the technology that runs the item instead', () => {
    const rec = adviseData(engine, HEAVY_WRITES);
    const p = rec.placements.find((x) => x.state === 'ledger-line')!;
    expect(p.store).toBe('database');
    expect(p.technology).not.toBe('postgres');
    const rejected = p.rejectedTechnologies ?? [];
    expect(rejected.map((r) => r.technology)).toEqual(['postgres']);
    expect(rejected[0]).toMatchObject({ check: 'check.write-throughput', value: 50_000, limit: 10_000, unit: 'writes/s' });
    expect(p.why.some((w) => w.includes('constraints.stores lists postgres, but') && w.includes(`so ${p.technology} runs ledger-line`))).toBe(true);
  });

  it('never says "no new store" beside a technology the team does not run', () => {
    const rec = adviseData(engine, HEAVY_WRITES);
    for (const p of rec.placements) {
      if (rec.plans[rec.verdict].cost.newTechnologies.includes(p.technology as never)) {
        expect(p.why.filter((w) => /no new store|already operates/.test(w)), p.state).toEqual([]);
      }
    }
  });

  it('keeps the reason when the plan runs the team\'s own technology, and rejects nothing', () => {
    const light = { ...HEAVY_WRITES, state: [{ ...HEAVY_WRITES.state[0]!, owners: 1000 }] };
    const p = adviseData(engine, light).placements[0]!;
    expect(p.technology).toBe('postgres');
    expect(p.rejectedTechnologies).toBeUndefined();
    expect(p.why.some((w) => w.includes('place.database-already-run'))).toBe(true);
  });
});
