import { describe, expect, it } from 'vitest';
import type { RequirementsInput } from '../../../rules/index.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';

/**
 * A chosen placement that uses much of a check's limit is a risk whose severity follows how much (docs/design.md,
 * "Risks": low from 50%, medium from 75%, high from 90%). Probed on both sides of each threshold with the value-size
 * check, whose figures are exact: Postgres holds 10,240 KB per value in practice (rules/catalog/stores.yaml), so a
 * value of 0.75 × 10,240 = 7,680 KB uses exactly 75% of it.
 */
const engine = builtinEngine();

/** One durable record of `sizeKb` in Postgres, read off the hot path (so latency stays far from its limit). */
const contracts = (sizeKb: number): RequirementsInput => ({
  service: 'contract-archive', traffic: { peakRps: 200 },
  failure: { sessionLoss: 'irrelevant', availability: 99.9, deploysPerDay: 2 }, latency: { p99Ms: 1000 },
  constraints: { stores: ['postgres'] },
  state: [{
    name: 'contract', owner: 'user', lifetime: 'forever', sizeKb, writesPerMinute: 0.01,
    sensitivity: 'internal', lossImpact: 'costly', consistency: 'strong', hotPath: false,
  }],
});

const PRACTICAL_KB = 10_240;

describe('severity of a value-size margin', () => {
  it.each([
    [0.5, 'low'],
    [0.74, 'low'],
    [0.75, 'medium'],
    [0.89, 'medium'],
    [0.9, 'high'],
  ] as const)('%s of the limit is %s', (share, severity) => {
    const sizeKb = share * PRACTICAL_KB; // 5,120 / 7,577.6 / 7,680 / 9,113.6 / 9,216 KB
    const rec = engine.advise(requirementsOf(contracts(sizeKb)));
    expect(rec.feasible).toBe(true);
    expect(rec.placements[0]).toMatchObject({ store: 'database', technology: 'postgres' });
    const check = rec.placements[0]!.checks.find((c) => c.check === 'check.value-size')!;
    expect(check).toMatchObject({ value: sizeKb, limit: PRACTICAL_KB, passed: true });
    const risk = rec.risks.find((r) => r.id === 'check.value-size:contract');
    expect(risk?.severity).toBe(severity);
    expect(risk?.text).toContain(`uses ${Math.round(share * 100)}% of its limit`);
  });

  it('below half the limit is no risk at all', () => {
    const rec = engine.advise(requirementsOf(contracts(0.49 * PRACTICAL_KB)));
    expect(rec.risks.map((r) => r.id)).not.toContain('check.value-size:contract');
  });
});
