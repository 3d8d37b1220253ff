import { describe, expect, it } from 'vitest';
import type { FailureRow, Recommendation, RequirementsInput } from '../../../rules/index.ts';
import { FAILURE_KINDS } from '../../../rules/index.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';

/**
 * The failure table (rules/engine/failures.ts) against arithmetic done here from the inputs and the store profiles
 * (rules/catalog/stores.yaml): instance memory's health check takes 10 s, redis loses up to 1 s of acknowledged
 * writes and fails over in 15 s, postgres with a synchronous standby loses none and fails over in 30 s; the model
 * assumes 3 zones per region and ~1 s of replication lag between regions (rules/model/assumptions.ts).
 */
const engine = builtinEngine();
const advise = (data: RequirementsInput) => engine.advise(requirementsOf(data));
const row = (rec: Recommendation, state: string, failure: FailureRow['failure']) => rec.failures.find((r) => r.state === state && r.failure === failure)!;
const store = (rec: Recommendation, state: string) => rec.placements.find((p) => p.state === state)!.store;

// 12,000 sessions given; load = ceil(1000 × 1.2 headroom ÷ 500 rps) = 3 instances; availability 99.9 → 2 per region.
const CHAT: RequirementsInput = {
  service: 'chat', context: { realtime: 'bidirectional' }, traffic: { peakRps: 1000, concurrentSessions: 12000, sessionMinutes: 30 },
  failure: { sessionLoss: 'tolerable', availability: 99.9, deploysPerDay: 2 }, latency: { p99Ms: 200 },
  constraints: { ops: 'medium', stores: ['redis', 'postgres'] },
  state: [],
};

describe('failure table: memory one instance holds', () => {
  const rec = advise(CHAT);
  it('a sticky item loses all of one instance\'s sessions: 12,000 ÷ 3 = 4,000, back in the 10 s health check', () => {
    expect(store(rec, 'connections')).toBe('in-process-sticky');
    expect(rec.capacity.instances).toBe(3);
    expect(row(rec, 'connections', 'instance')).toMatchObject({ lost: 'all', affected: 4000, unit: 'sessions', rtoSeconds: 10 });
    expect(rec.failure.sessionsLostPerInstanceLoss).toBe(4000);
  });
  it('a zone of the one region holds ceil(3 instances ÷ 3 zones) = 1 instance: 4,000 sessions', () => {
    expect(row(rec, 'connections', 'zone')).toMatchObject({ lost: 'all', affected: 4000 });
  });
  it('a deploy restarts every instance: all 12,000 sessions lose it unless drained', () => {
    const r = row(rec, 'connections', 'deploy');
    expect(r).toMatchObject({ lost: 'all', affected: 12000 });
    expect(r.because).toMatch(/drains/);
  });
  it('one region: a region loss loses the service until the region returns (no recovery time)', () => {
    expect(row(rec, 'connections', 'region')).toMatchObject({ lost: 'all', affected: 12000, rtoSeconds: null });
  });
  it('no store node holds instance memory', () => {
    expect(row(rec, 'connections', 'store-node')).toMatchObject({ lost: 'nothing', affected: 0 });
  });
  it('has one row per item and failure, in FAILURE_KINDS order', () => {
    expect(rec.failures.map((r) => `${r.state}/${r.failure}`)).toEqual(rec.placements.flatMap((p) => FAILURE_KINDS.map((k) => `${p.state}/${k}`)));
  });
});

describe('failure table: a durable item kept in sticky memory', () => {
  // Found by the failure property: a derived item that lives forever (rebuildable from its source) may live in sticky
  // memory; the table said an instance loss loses its session while the answer said 0 sessions are lost.
  const rec = advise({
    service: 'x', context: { sharedState: 'collaborative' }, traffic: { peakRps: 0, concurrentSessions: 1 }, failure: { sessionLoss: 'unacceptable' },
    state: [{ name: 'a', lifetime: 'forever', sizeKb: 1_000_000_000, writesPerMinute: 100, kind: 'derived' }],
  });
  it('counts its sessions in sessionsLostPerInstanceLoss as the table does: ceil(1 session ÷ the instances) = 1', () => {
    expect(store(rec, 'a')).toBe('in-process-sticky');
    expect(rec.capacity.instances).toBeGreaterThan(1);
    expect(rec.failure.sessionsLostPerInstanceLoss).toBe(1);
    expect(row(rec, 'a', 'instance')).toMatchObject({ lost: 'all', affected: 1, unit: 'sessions' });
    expect(rec.failure.onInstanceLoss).toContain('about 1 session');
  });
});

// A per-user quota in redis: 600,000 users × 0.05 KB; availability 99.9 runs redis's one replica per node.
const QUOTA: RequirementsInput = {
  service: 'metered-api', traffic: { peakRps: 3000, concurrentSessions: 600000, sessionMinutes: 60 },
  failure: { sessionLoss: 'tolerable', availability: 99.9, deploysPerDay: 2 }, latency: { p99Ms: 100 },
  constraints: { ops: 'medium', stores: ['redis'] },
  state: [{ name: 'quota-counter', owner: 'user', lifetime: 'hours', sizeKb: 0.05, writesPerMinute: 2, sensitivity: 'internal', lossImpact: 'annoying', consistency: 'eventual', hotPath: true, limitsOwner: true }],
};

describe('failure table: stores outside the instance', () => {
  it('redis on a node loss drops up to its 1 s loss window for the node\'s share of users, promoted in 15 s', () => {
    const rec = advise(QUOTA);
    expect(store(rec, 'quota-counter')).toBe('distributed-cache');
    const tier = rec.capacity.stores.find((t) => t.items.includes('quota-counter'))!;
    expect(tier.replicas).toBe(1);
    expect(row(rec, 'quota-counter', 'store-node')).toMatchObject({ lost: 'seconds', lossSeconds: 1, affected: Math.ceil(600000 / tier.nodes), rtoSeconds: 15 });
    expect(row(rec, 'quota-counter', 'instance')).toMatchObject({ lost: 'nothing', affected: 0, rtoSeconds: 0 });
    expect(row(rec, 'quota-counter', 'deploy').lost).toBe('nothing');
  });

  it('a costly record in postgres with its synchronous standby loses nothing; its owners wait the 30 s failover', () => {
    const rec = advise({ ...QUOTA, constraints: { ops: 'medium', stores: ['postgres'] },
      state: [{ name: 'order', owner: 'user', owners: 80000, lifetime: 'forever', sizeKb: 2, writesPerMinute: 0.1, sensitivity: 'personal', lossImpact: 'critical', consistency: 'strong', hotPath: false }] });
    expect(store(rec, 'order')).toBe('database');
    const tier = rec.capacity.stores.find((t) => t.items.includes('order'))!;
    expect(row(rec, 'order', 'store-node')).toMatchObject({ lost: 'nothing', affected: Math.ceil(80000 / tier.nodes), rtoSeconds: 30 });
    // One region, no copy elsewhere: the region's loss takes every owner's orders with it until it returns.
    expect(row(rec, 'order', 'region')).toMatchObject({ lost: 'all', affected: 80000, rtoSeconds: null });
  });
});

// Three regions of which two form the EU group: patient notes live in a database in their home EU region.
const NOTES: RequirementsInput = {
  service: 'patient-notes', traffic: { peakRps: 600, regionGroups: { eu: 2, us: 1 } },
  failure: { sessionLoss: 'tolerable', availability: 99.95, deploysPerDay: 2 }, latency: { p99Ms: 300 },
  constraints: { ops: 'medium', stores: ['postgres'] },
  state: [{ name: 'patient-note', owner: 'user', owners: 3000000, lifetime: 'forever', sizeKb: 8, writesPerMinute: 0.001, sensitivity: 'personal', lossImpact: 'critical', consistency: 'strong', residency: 'eu' }],
};

describe('failure table: regions', () => {
  it('home owners of a lost EU region (3,000,000 ÷ the 2 regions the notes may live in) fail over inside their group, losing up to the 1 s lag', () => {
    // Every note lives in the EU group (residency), so an EU region is home to half of them, not a third.
    const rec = advise(NOTES);
    expect(rec.placements[0]!.regionScope).toBe('home');
    const r = row(rec, 'patient-note', 'region');
    expect(r).toMatchObject({ lost: 'seconds', lossSeconds: 1, affected: 1500000, rtoSeconds: 30 });
    expect(r.because).toContain('about 1500000 users of the 2 regions of group eu');
    expect(r.because).toMatch(/inside region group eu \(2 regions, residency\)/);
  });

  it('residency in a group of one region leaves a region loss unrecoverable, and says so', () => {
    // The one EU region holds every note: losing it strands all 3,000,000.
    const rec = advise({ ...NOTES, traffic: { peakRps: 600, regionGroups: { eu: 1, us: 2 } } });
    const r = row(rec, 'patient-note', 'region');
    expect(r).toMatchObject({ lost: 'all', affected: 3000000, rtoSeconds: null });
    expect(r.because).toMatch(/unrecoverable within the group/);
  });

  it('a zone is inside one region: a zone loss reaches at most that region\'s owners', () => {
    const rec = advise(NOTES);
    // 3,000,000 notes over the 2 EU regions they may live in.
    expect(row(rec, 'patient-note', 'zone').affected).toBeLessThanOrEqual(1500000);
    expect(row(rec, 'patient-note', 'zone').affected).toBeGreaterThan(0);
  });

  it('a commutative item every region writes loses only the unreplicated second of the lost region\'s writes', () => {
    const rec = advise({
      service: 'whiteboard', context: { realtime: 'bidirectional' }, traffic: { peakRps: 6000, regions: 3, concurrentSessions: 200000 },
      failure: { sessionLoss: 'tolerable', availability: 99.9, deploysPerDay: 5 }, latency: { p99Ms: 150 },
      constraints: { ops: 'medium', stores: ['redis', 'postgres'] },
      state: [{ name: 'board', owner: 'shared', owners: 20000, lifetime: 'minutes', sizeKb: 300, writeKb: 0.2, writesPerMinute: 120, sensitivity: 'internal', lossImpact: 'annoying', consistency: 'eventual', hotPath: true, merge: 'commutative' }],
    });
    expect(row(rec, 'board', 'region')).toMatchObject({ lost: 'seconds', lossSeconds: 1, affected: Math.ceil(20000 / 3) });
  });

  it('one writer worldwide loses nothing in a region loss: every acknowledged write already reached another region', () => {
    const rec = advise({
      service: 'seat-lock', traffic: { peakRps: 400, regions: 2 }, failure: { sessionLoss: 'tolerable', availability: 99.9, deploysPerDay: 2 },
      latency: { p99Ms: 1000 }, constraints: { ops: 'medium', stores: ['postgres'], interRegionRttMs: 70 },
      state: [{ name: 'seat-hold', owner: 'shared', owners: 50000, lifetime: 'minutes', sizeKb: 0.2, writesPerMinute: 0.2, sensitivity: 'internal', lossImpact: 'costly', consistency: 'strong', hotPath: true, merge: 'none' }],
    });
    expect(rec.placements[0]!.regionScope).toBe('global');
    expect(row(rec, 'seat-hold', 'region')).toMatchObject({ lost: 'nothing', affected: 50000 });
  });
});
