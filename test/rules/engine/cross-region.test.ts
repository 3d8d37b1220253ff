import { describe, expect, it } from 'vitest';
import { adviseData, builtinEngine } from '../../support/engine.ts';

/**
 * Replication between regions, the away share and residency (docs/design.md, "Regions"), with every figure worked
 * out by hand from the Postgres profile (stores.yaml: 5 ms read, 10 ms commit, 100 MB/s per request, a synchronous
 * standby: no acknowledged write lost on failover) and the assumptions (rules/model/assumptions.ts: ~70 ms between
 * regions, 5% of requests away from home, ~1 s lag of asynchronous replication between regions).
 */
const engine = builtinEngine();

// The public case eu-patient-notes: two EU regions and one US region; notes must stay in the EU.
const NOTES = {
  service: 'patient-notes', context: { memory: 'none' },
  traffic: { peakRps: 1500, regionGroups: { eu: 2, us: 1 } },
  failure: { sessionLoss: 'unacceptable', availability: 99.95, deploysPerDay: 2, rpoSeconds: 0 },
  latency: { p99Ms: 300 }, constraints: { ops: 'medium', stores: ['postgres'] },
  state: [{ name: 'patient-note', owner: 'user', owners: 3_000_000, lifetime: 'forever', sizeKb: 8, writesPerMinute: 0.001, sensitivity: 'personal', lossImpact: 'critical', consistency: 'strong', residency: 'eu' }],
};
type Doc = typeof NOTES;
const withInput = (patch: (d: Doc) => void): Doc => { const d = structuredClone(NOTES); patch(d); return d; };
const placement = (doc: object, name = 'patient-note') => adviseData(engine, doc).placements.find((p) => p.state === name)!;
const check = (p: ReturnType<typeof placement>, id: string) => p.checks.find((c) => c.check === id)!;

// One access of a note: not on the hot path, but read by 10% of requests (so a read is charged), and written by
// 3,000,000 × 0.001 / 60 = 50 writes/s over 1,500 requests/s = 3.3% ≥ 1% (so the commit is on the request path).
const transfer = (8 / 1024 / 100) * 1000; // 8 KB at 100 MB/s = 0.078125 ms, once for the read and once for the write
const LOCAL = 5 + transfer + 10 + transfer; // 15.15625 ms
const RTT = 70;

describe('replication between regions', () => {
  it('is synchronous where failure.rpoSeconds 0 is below the ~1 s lag: the write pays the round trip, nothing is lost', () => {
    const p = placement(NOTES);
    expect(p.store).toBe('database');
    expect(p.regionScope).toBe('home');
    // 15.15625 + 70 (the synchronous replica in the other EU region) + 70 (5% away > 1%: the p99 request is away).
    expect(check(p, 'check.latency').value).toBeCloseTo(LOCAL + RTT + RTT, 9);
    expect(check(p, 'check.latency').limit).toBe(300);
    expect(check(p, 'check.rpo')).toMatchObject({ value: 0, limit: 0, passed: true });
    const why = p.why.join(' ');
    expect(why).toContain('inside region group eu (2 of 3 regions');
    expect(why).toContain('replicated synchronously to a second region of group eu, because failure.rpoSeconds 0 < the ~1 s lag');
    // The failure table agrees: a region loss loses nothing acknowledged.
    const region = adviseData(engine, NOTES).failures.find((r) => r.state === 'patient-note' && r.failure === 'region')!;
    expect(region.lost).toBe('nothing');
  });

  it('is asynchronous where the recovery point allows the lag: check.rpo compares the 1 s lag with rpoSeconds', () => {
    const p = placement(withInput((d) => { d.failure.rpoSeconds = 5; }));
    expect(check(p, 'check.latency').value).toBeCloseTo(LOCAL + RTT, 9); // no synchronous replica: 85.15625 ms
    expect(check(p, 'check.rpo')).toMatchObject({ value: 1, limit: 5, passed: true });
    expect(check(p, 'check.rpo').because).toContain('lags ~1 s');
    expect(p.why.join(' ')).toContain('replicated asynchronously to another region of group eu: a region loss can lose its last ~1 s of writes');
    const region = adviseData(engine, withInput((d) => { d.failure.rpoSeconds = 5; })).failures.find((r) => r.state === 'patient-note' && r.failure === 'region')!;
    expect(region).toMatchObject({ lost: 'seconds', lossSeconds: 1 });
    // The lag risk counts the regions the note may live in (the EU group's 2), not the service's 3.
    const risk = adviseData(engine, withInput((d) => { d.failure.rpoSeconds = 5; })).risks.find((r) => r.id === 'risk.cross-region-consistency:patient-note')!;
    expect(risk.text).toContain('patient-note needs strong consistency across the 2 regions it may live in');
  });
});

describe('the away share', () => {
  const at = (share: number) => check(placement(withInput((d) => {
    d.failure.rpoSeconds = 5;
    (d.traffic as { awayShare?: number }).awayShare = share;
  })), 'check.latency').value;

  it('charges the round trip to the p99 only when more than 1% of requests are away', () => {
    expect(at(0.01)).toBeCloseTo(LOCAL, 9); // exactly 1% away: 99% of requests are local, so the p99 is local
    expect(at(0.0101)).toBeCloseTo(LOCAL + RTT, 9); // the slowest 1% are all away requests
    expect(at(0.5)).toBeCloseTo(LOCAL + RTT, 9); // one round trip per away request, however many there are
  });

  it('is a tipping point at exactly 1%, and the budget crosses at twice the hot-path access', () => {
    // A profile read on every request, 2 regions, p99 100 (50 ms for state). Writes: 1,000,000 × 0.01 / 60 = 167/s
    // of 2,000 requests = 8.3% ≥ 1%, a costly record: the commit is on the path too. Every database pays
    // read + 2 KB at 100 MB/s + commit + 2 KB again + 70 ms away; the least-failing is Cassandra's profile (5 ms read,
    // 5 ms write): 5 + 0.01953125 + 5 + 0.01953125 + 70 = 80.0390625 > 50, so no plan passes.
    const doc = {
      service: 'profiles', traffic: { peakRps: 2000, regions: 2 }, latency: { p99Ms: 100 }, constraints: { stores: ['postgres'] },
      state: [{ name: 'profile', owner: 'user', owners: 1_000_000, lifetime: 'forever', sizeKb: 2, writesPerMinute: 0.01, lossImpact: 'costly', consistency: 'read-your-writes', hotPath: true }],
    };
    const rec = adviseData(engine, doc);
    expect(rec.feasible).toBe(false);
    const blocker = rec.plans[rec.verdict].blockers.find((b) => b.check === 'check.latency')!;
    expect(blocker.value).toBeCloseTo(5 + 2 / 1024 / 100 * 1000 + 5 + 2 / 1024 / 100 * 1000 + RTT, 9);
    expect(blocker.limit).toBe(50);
    const away = rec.tippingPoints.find((t) => t.input === 'traffic.awayShare')!;
    expect(away).toMatchObject({ from: 0.05, to: 0.01, feasible: true });
    expect(away.note).toContain('at traffic.awayShare ≤ 0.01 (now 0.05) a plan passes every check');
    // The budget: the blocker's own access fits once half the p99 reaches it, so p99 = 2 × value passes (rounded up
    // to a whole ms) and 1 ms less does not.
    const fits = Math.ceil(2 * blocker.value);
    expect(adviseData(engine, { ...doc, latency: { p99Ms: fits } }).feasible).toBe(true);
    expect(adviseData(engine, { ...doc, latency: { p99Ms: fits - 1 } }).feasible).toBe(false);
  });
});

describe('residency (invariant 14)', () => {
  it('a one-region group keeps no replica elsewhere and says a region loss is unrecoverable within it', () => {
    const rec = adviseData(engine, withInput((d) => { d.traffic.regionGroups = { eu: 1, us: 2 }; }));
    const p = rec.placements.find((x) => x.state === 'patient-note')!;
    // No second EU region: no synchronous replica to pay for, only the away round trip. 85.15625 ms.
    expect(check(p, 'check.latency').value).toBeCloseTo(LOCAL + RTT, 9);
    expect(p.why.join(' ')).toContain('its group eu has one region, so no replica or failover target may leave it');
    expect(rec.risks.find((r) => r.id === 'risk.residency-one-region:patient-note')).toMatchObject({ severity: 'high' });
    expect(rec.risks.some((r) => r.id.startsWith('risk.cross-region-consistency'))).toBe(false);
  });

  it('never copies resident reference data into every instance of every region', () => {
    const doc = withInput((d) => {
      (d.state as object[]).push({ name: 'consent-rules', owner: 'global', lifetime: 'days', sizeKb: 40, writesPerMinute: 0.1, lossImpact: 'none', consistency: 'eventual', hotPath: true, kind: 'reference', residency: 'eu' });
    });
    const p = placement(doc, 'consent-rules');
    expect(p.store).not.toBe('in-process-copy');
    expect(p.regionScope).toBe('home');
    expect(p.alternatives.find((a) => a.store === 'in-process-copy')!.whyNot).toContain('gate.residency-stays-in-group');
    // Without residency the same copy is what the engine picks.
    const free = withInput((d) => {
      (d.state as object[]).push({ name: 'consent-rules', owner: 'global', lifetime: 'days', sizeKb: 40, writesPerMinute: 0.1, lossImpact: 'none', consistency: 'eventual', hotPath: true, kind: 'reference' });
    });
    expect(placement(free, 'consent-rules').store).toBe('in-process-copy');
  });

  it('a group holding every region confines nothing', () => {
    const p = placement(withInput((d) => { d.traffic.regionGroups = { eu: 2 } as Doc['traffic']['regionGroups']; }));
    expect(p.why.join(' ')).not.toContain('inside region group');
  });
});
