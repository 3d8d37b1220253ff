import { describe, expect, it } from 'vitest';
import type { RequirementsInput } from '../../../rules/index.ts';
import { RecommendationSchema } from '../../../rules/index.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';

/** notes[]: the input's own arithmetic disagrees with itself. Expectations computed here by hand. */
const engine = builtinEngine();
const SHORTENER = (owners: number, peakRps = 12_000): RequirementsInput => ({
  service: 'url-shortener', traffic: { peakRps },
  failure: { sessionLoss: 'irrelevant', availability: 99.9, deploysPerDay: 4 }, latency: { p99Ms: 50 },
  state: [
    { name: 'views', owner: 'user', owners: 1000, lifetime: 'days', sizeKb: 0.1, writesPerMinute: 1, sensitivity: 'internal', lossImpact: 'annoying', consistency: 'eventual' },
    { name: 'link', owner: 'user', owners, lifetime: 'forever', sizeKb: 0.5, writesPerMinute: 2, sensitivity: 'internal', lossImpact: 'costly', consistency: 'strong' },
  ],
});

describe('notes: owners × per-owner rate against peakRps', () => {
  it('200 M owners × 2 writes/min at 12 k rps: 6,666,667 writes/s is 555.6× peakRps, naming the field', () => {
    const rec = engine.advise(requirementsOf(SHORTENER(200_000_000)));
    expect(RecommendationSchema.safeParse(rec).success).toBe(true);
    const factor = (200_000_000 * 2) / 60 / 12_000; // 555.56
    expect(rec.notes).toHaveLength(1);
    expect(rec.notes![0]).toMatchObject({ id: 'note.owner-rate', field: 'state[link].writesPerMinute', factor: Math.round(factor * 10) / 10 });
    expect(rec.notes![0]!.text).toContain('state[link]');
    expect(rec.notes![0]!.text).toContain('555.6×');
    expect(rec.notes![0]!.text).toContain('6666667 writes/s');
  });

  it('just above 10× notes it, at 10× it does not: 3,600,001 and 3,600,000 owners × 2/min against 12,000 rps', () => {
    // 3,600,000 × 2 ÷ 60 = 120,000 writes/s = exactly 10 × 12,000
    expect(engine.advise(requirementsOf(SHORTENER(3_600_000))).notes).toBeUndefined();
    expect(engine.advise(requirementsOf(SHORTENER(3_600_060))).notes?.[0]?.field).toBe('state[link].writesPerMinute');
  });

  it('a peakRps near 0 gives no infinite factor', () => {
    const rec = engine.advise(requirementsOf(SHORTENER(200_000_000, 5e-324)));
    expect(RecommendationSchema.safeParse(JSON.parse(JSON.stringify(rec))).success).toBe(true);
  });

  it('an input whose arithmetic agrees has no notes field at all (answers stay as they were)', () => {
    expect('notes' in engine.advise(requirementsOf(SHORTENER(1000)))).toBe(false);
  });
});
