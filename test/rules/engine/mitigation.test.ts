import { describe, expect, it } from 'vitest';
import { adviseData, builtinEngine } from '../../support/engine.ts';

/**
 * Invariant 16, mitigations: no mitigation is offered that the model itself would veto. Expectations are worked out
 * from the gates and the store profiles by hand.
 */
const engine = builtinEngine();

// A critical lease on Postgres: read 5 ms + acknowledged write 10 ms (stores.yaml) + 0.2 KB at 100 MB/s (~0.002 ms)
// ≈ 15 ms of a 20 ms state budget (50% of p99 40 ms) = 75%: a medium latency margin risk. Critical state may live only
// in a database, a durable log, object storage or replicated memory (gate.critical-survives-instance-loss): "a cache or
// instance memory" would be advice the answer's own gates refuse.
const LEASE = {
  service: 'lease-service',
  traffic: { peakRps: 2000 },
  latency: { p99Ms: 40 },
  constraints: { stores: ['postgres', 'redis'] },
  state: [{ name: 'lease', owner: 'user', owners: 1000, lifetime: 'minutes', sizeKb: 0.2, writesPerMinute: 60, lossImpact: 'critical', consistency: 'strong', hotPath: true }],
};

describe('vetted mitigations', () => {
  it('moves a critical item only where its gates allow it', () => {
    const rec = adviseData(engine, LEASE);
    const p = rec.placements.find((x) => x.state === 'lease')!;
    expect(p.store).toBe('database');
    const latency = p.checks.find((c) => c.check === 'check.latency')!;
    expect(latency.value / latency.limit).toBeGreaterThanOrEqual(0.75);
    const risk = rec.risks.find((r) => r.id === 'check.latency:lease')!;
    expect(risk.severity).toBe('medium');
    expect(risk.mitigation).toBe('Keep lease closer to the request (replicated instance memory), make it smaller, or raise latency.p99Ms');
  });

  it('offers synchronous multi-region writes only when one round trip between regions fits the budget', () => {
    const doc = (p99Ms: number) => ({
      service: 'profiles', traffic: { peakRps: 500, regions: 2 }, latency: { p99Ms },
      constraints: { stores: ['postgres'], interRegionRttMs: 150 },
      state: [{ name: 'profile', owner: 'user', lifetime: 'forever', sizeKb: 2, writesPerMinute: 0.1, hotPath: true, consistency: 'read-your-writes' }],
    });
    const mitigation = (p99Ms: number) => adviseData(engine, doc(p99Ms)).risks.find((r) => r.id === 'risk.cross-region-consistency:profile')!.mitigation;
    // 150 ms > 50% of p99 200 = 100 ms: dropped. 150 ms ≤ 50% of 1000 = 500 ms: offered.
    expect(mitigation(200)).not.toContain('synchronous multi-region');
    expect(mitigation(200)).toContain('Home each user in one region');
    expect(mitigation(1000)).toContain('synchronous multi-region writes');
  });
});
