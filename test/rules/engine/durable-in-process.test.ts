import { describe, expect, it } from 'vitest';
import type { Recommendation } from '../../../rules/index.ts';
import { adviseData, builtinEngine } from '../../support/engine.ts';

/**
 * A durable item may live in process in a plan with a stateful tier: derived state (rebuildable from its source) in
 * any in-process store the gates allow, a record only in checkpointed memory (its log is its system of record). And
 * a low-latency replicated log (aeron-cluster: Raft, a quorum in one zone holds the entry in memory) journals
 * checkpointed memory when the team runs it or when the budget needs it. Expectations are computed here by hand from
 * the profile figures in rules/catalog/stores.yaml.
 */
const engine = builtinEngine();
const matcher = (stores: string[] = ['kafka', 'postgres']) => ({
  service: 'matcher',
  traffic: { peakRps: 80_000, concurrentSessions: 5000, sessionMinutes: 480 },
  latency: { p99Ms: 10 },
  failure: { availability: 99.99, deploysPerDay: 0.1, rpoSeconds: 0, sessionLoss: 'unacceptable' },
  context: { memory: 'durable', sharedState: 'collaborative' },
  constraints: { ops: 'high', stores, instance: { rps: 50_000 } },
  state: [
    { name: 'order-book', kind: 'derived', owner: 'shared', owners: 500, lifetime: 'days', sizeKb: 2048, writeKb: 0.2, writesPerMinute: 9000, hotPath: true, consistency: 'strong', lossImpact: 'critical', sensitivity: 'internal' },
    { name: 'trade-journal', kind: 'record', owner: 'shared', owners: 500, lifetime: 'forever', sizeKb: 0.2, writesPerMinute: 9000, consistency: 'strong', lossImpact: 'critical', sensitivity: 'internal' },
  ],
});
const placement = (rec: Recommendation, item: string) => rec.placements.find((p) => p.state === item)!;
const check = (rec: Recommendation, item: string, id: string) => placement(rec, item).checks.find((c) => c.check === id)!;

describe('durable items in process', () => {
  it('a derived order book moves into instance memory in the stateful plan; the stateless plan keeps it in a database', () => {
    const rec = adviseData(engine, matcher());
    expect(rec.verdict).toBe('stateful');
    expect(rec.feasible).toBe(true);
    expect(['in-process-replicated', 'in-process-checkpointed']).toContain(placement(rec, 'order-book').store);
    expect(rec.plans.stateful.note).toContain('order-book (durable, rebuilt on loss)');
    // Stateless: a database read (5 ms) + 2 MB at 100 MB/s (20 ms) + a 10 ms write = 35 ms against half of 10 ms.
    const blocker = rec.plans.stateless.blockers.find((b) => b.state === 'order-book' && b.check === 'check.latency')!;
    expect(blocker.store).toBe('database');
    expect(blocker.value).toBeCloseTo(5 + (2048 / 1024 / 100) * 1000 + 10, 2);
    expect(blocker.limit).toBe(10 * 0.5);
  });

  it('a Kafka append does not fit the 5 ms left for state; the quorum log does (0.001 ms read + 1 ms commit)', () => {
    const rec = adviseData(engine, matcher(['kafka', 'postgres', 'aeron-cluster']));
    const alt = placement(rec, 'order-book').alternatives.find((a) => a.store === 'in-process-checkpointed');
    // The team runs aeron-cluster: no new-technology penalty, so checkpointed memory is a passing alternative or the pick.
    const chosen = placement(rec, 'order-book');
    if (chosen.store === 'in-process-checkpointed') {
      expect(chosen.technology).toBe('aeron-cluster');
      expect(check(rec, 'order-book', 'check.latency').value).toBeCloseTo(0.001 + 1, 6);
    } else {
      expect(alt?.whyNot).toContain('scores');
    }
    // With only Kafka as the log: 0.001 + 10 = 10.001 ms > 5 ms, so checkpointed memory needs the quorum log.
    const kafkaOnly = adviseData(engine, { ...matcher(), constraints: { ops: 'high', stores: ['kafka'], instance: { rps: 50_000 } } });
    const why = placement(kafkaOnly, 'order-book').alternatives.find((a) => a.store === 'in-process-checkpointed')!.whyNot;
    expect(why).toMatch(/aeron-cluster|scores/);
    expect(why).not.toContain('10.001 ms');
  });

  it('the trade journal is a durable log; Kafka (10 ms read on the assumed 10% of requests + 10 ms append = 20 ms) misses 10 ms, the quorum log fits', () => {
    const rec = adviseData(engine, matcher());
    const journal = placement(rec, 'trade-journal');
    expect(journal.store).toBe('durable-log');
    expect(journal.technology).toBe('aeron-cluster');
    // 1 ms read + 1 ms commit, each moving 0.2 KB at 100 MB/s.
    expect(check(rec, 'trade-journal', 'check.latency').value).toBeCloseTo(1 + 1 + 2 * (0.2 / 1024 / 100) * 1000, 6);
    const kafka = journal.rejectedTechnologies?.find((t) => t.technology === 'kafka');
    expect(kafka?.check).toBe('check.latency');
    expect(kafka?.value).toBeCloseTo(10 + 10 + 2 * (0.2 / 1024 / 10) * 1000, 3);
    expect(kafka?.limit).toBe(10);
    // Three members per cluster: one node and two replicas, priced.
    const tier = rec.capacity.stores.find((s) => s.technology === 'aeron-cluster')!;
    expect(tier.replicas).toBe(2);
  });

  it('a record never moves into replicated memory; a small book a database serves in budget stays stateless', () => {
    const rec = adviseData(engine, matcher());
    expect(placement(rec, 'trade-journal').store).not.toBe('in-process-replicated');
    // 100 rps reading a 2 KB book: a 5 ms read + 2 KB at 100 MB/s + a 10 ms write ≈ 15.02 ms ≤ 250 ms (half of 500).
    const small = matcher();
    const plain = adviseData(engine, {
      ...small, traffic: { peakRps: 100 }, latency: { p99Ms: 500 }, context: { memory: 'none' },
      state: [{ ...small.state[0]!, sizeKb: 2, writeKb: 0.2, writesPerMinute: 1 }],
    });
    expect(plain.verdict).toBe('stateless');
    expect(placement(plain, 'order-book').store).toBe('database');
  });
});
