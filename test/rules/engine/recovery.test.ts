import { describe, expect, it } from 'vitest';
import type { Recommendation, RequirementsInput } from '../../../rules/index.ts';
import { builtinEngine, catalogFrom, requirementsOf } from '../../support/engine.ts';
import { unsourcedFigures } from '../../../rules/model/profile.ts';

/**
 * check.rpo and check.rto against arithmetic done here from the profiles' figures (rules/catalog/stores.yaml):
 * redis loses up to 1 s of acknowledged writes on failover (asynchronous replication, appendfsync everysec) and fails
 * over in 15 s (cluster-node-timeout); postgres with a synchronous standby loses none and fails over in 30 s (Patroni
 * ttl); checkpointed memory loses none and rebuilds in 30 s to notice + checkpoint ÷ 100 MB/s + 60 s of log ÷ 50 MB/s.
 */
const engine = builtinEngine();
const advise = (data: RequirementsInput) => engine.advise(requirementsOf(data));
const placement = (rec: Recommendation, name: string) => rec.placements.find((p) => p.state === name)!;
const whyNot = (rec: Recommendation, name: string, store: string) => placement(rec, name).alternatives.find((a) => a.store === store)!.whyNot;
const check = (rec: Recommendation, name: string, id: string) => placement(rec, name).checks.find((c) => c.check === id);

const CART: RequirementsInput = {
  service: 'cart-api', context: { memory: 'session' }, traffic: { peakRps: 3000, sessionMinutes: 30 },
  failure: { sessionLoss: 'tolerable', availability: 99.9, deploysPerDay: 2 }, latency: { p99Ms: 100 },
  constraints: { ops: 'medium', stores: ['redis', 'postgres'] },
  state: [{ name: 'cart', owner: 'user', lifetime: 'hours', sizeKb: 3, writesPerMinute: 0.5, sensitivity: 'personal', lossImpact: 'costly', consistency: 'read-your-writes', hotPath: true }],
};

describe('check.rpo', () => {
  it('does not apply without failure.rpoSeconds: answers of files that do not state one keep their checks', () => {
    const rec = advise(CART);
    expect(check(rec, 'cart', 'check.rpo')).toBeUndefined();
  });

  it('vetoes redis for a costly item at rpoSeconds 0.5: a failover may lose 1 s > 0.5 s', () => {
    const rec = advise({ ...CART, failure: { ...CART.failure, rpoSeconds: 0.5 } });
    expect(whyNot(rec, 'cart', 'distributed-cache')).toContain('check.rpo');
    expect(whyNot(rec, 'cart', 'distributed-cache')).toContain('may lose 1 s of acknowledged writes > 0.5 s');
    expect(placement(rec, 'cart').store).not.toBe('distributed-cache');
    // postgres with its synchronous standby loses nothing: 0 ≤ 0.5.
    const c = check(rec, 'cart', 'check.rpo')!;
    expect(c.value).toBe(0);
    expect(c.limit).toBe(0.5);
    expect(c.passed).toBe(true);
  });

  it('lets redis pass at rpoSeconds 1 (1 s ≤ 1 s) and names the figure', () => {
    const rec = advise({ ...CART, failure: { ...CART.failure, rpoSeconds: 1 } });
    expect(whyNot(rec, 'cart', 'distributed-cache')).not.toContain('check.rpo');
  });

  it('applies only to items whose loss costs something', () => {
    const rec = advise({ ...CART, failure: { ...CART.failure, rpoSeconds: 0 }, state: [{ ...CART.state![0]!, lossImpact: 'annoying' }] });
    expect(placement(rec, 'cart').store).toBe('distributed-cache');
    expect(check(rec, 'cart', 'check.rpo')).toBeUndefined();
  });
});

const STREAM: RequirementsInput = {
  service: 'card-velocity', context: { memory: 'session' }, traffic: { peakRps: 150000, source: 'stream', sessionMinutes: 10 },
  failure: { sessionLoss: 'unacceptable', availability: 99.95, deploysPerDay: 1, rtoSeconds: 120 }, latency: { p99Ms: 200 },
  constraints: { ops: 'high', stores: ['kafka', 's3'] },
  state: [{ name: 'card-window', owner: 'user', owners: 5000000, lifetime: 'minutes', sizeKb: 2, writesPerMinute: 1.8, sensitivity: 'personal', lossImpact: 'costly', consistency: 'strong', hotPath: true }],
};

describe('check.rto', () => {
  it('compares the failover time of the chosen store: postgres 30 s ≤ 60 s, redis 15 s ≤ 60 s', () => {
    const rec = advise({ ...CART, failure: { ...CART.failure, rtoSeconds: 60 } });
    const c = check(rec, 'cart', 'check.rto')!;
    const p = placement(rec, 'cart');
    expect(c.value).toBe(p.technology === 'redis' ? 15 : 30);
    expect(c.limit).toBe(60);
    expect(c.passed).toBe(true);
  });

  it('vetoes a technology that cannot fail over in time: postgres needs 30 s > 20 s, so the database is another', () => {
    const rec = advise({ ...CART, failure: { ...CART.failure, rtoSeconds: 20 }, constraints: { ops: 'medium', stores: ['postgres'] } });
    const p = placement(rec, 'cart');
    expect(p.technology).not.toBe('postgres');
    const c = check(rec, 'cart', 'check.rto')!;
    expect(c.value).toBeLessThanOrEqual(20);
  });

  it('rebuilds checkpointed memory from checkpoint plus log: 30 s + 27.13 MB ÷ 100 MB/s + 48.83 MB ÷ 50 MB/s', () => {
    const rec = advise(STREAM);
    // 150,000 × 1.2 headroom ÷ 500 rps = 360 instances share the keys.
    const instances = (150000 * 1.2) / 500;
    const stateMb = (5000000 * 2) / 1024 / instances;
    const logMb = ((5000000 * 1.8) / 60 / instances) * 60 * 2 / 1024;
    const c = check(rec, 'card-window', 'check.rto')!;
    expect(c.value).toBeCloseTo(30 + stateMb / 100 + logMb / 50, 3);
    expect(c.limit).toBe(120);
    expect(c.passed).toBe(true);
    // A 31 s objective: the 31.25 s rebuild no longer fits, but the quorum log's 10 s election does (aeron-cluster:
    // 10 + 1.25 = 11.25 s); an 11 s objective fits neither.
    const quorum = advise({ ...STREAM, failure: { ...STREAM.failure, rtoSeconds: 31 } });
    expect(whyNot(quorum, 'card-window', 'in-process-checkpointed') ?? '').not.toContain('check.rto');
    const tight = advise({ ...STREAM, failure: { ...STREAM.failure, rtoSeconds: 11 } });
    expect(placement(tight, 'card-window').store).not.toBe('in-process-checkpointed');
    expect(whyNot(tight, 'card-window', 'in-process-checkpointed')).toContain('check.rto');
  });
});

describe('every profile states its loss window and failover time, with a source', () => {
  const catalog = catalogFrom();
  for (const [, profiles] of catalog.profilesByStore) {
    for (const p of profiles) {
      if (p.store === 'none') continue;
      it(`${p.technology}@${p.store}`, () => {
        expect(p.lossWindowSeconds).toBeTypeOf('number');
        expect(p.failoverSeconds).toBeTypeOf('number');
        expect(p.sources['lossWindowSeconds']).toBeTruthy();
        expect(p.sources['failoverSeconds']).toBeTruthy();
        expect(unsourcedFigures(p)).toEqual([]);
        // A store that promises no acknowledged loss states a zero loss window, and the other way round.
        expect(p.lossWindowSeconds === 0).toBe(!p.losesAcknowledgedWrites);
      });
    }
  }
});
