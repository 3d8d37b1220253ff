import { describe, expect, it } from 'vitest';
import type { Recommendation, RequirementsInput } from '../../../rules/index.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';

/**
 * The store `in-process-checkpointed` (keyed memory, every change on a durable log before it is acknowledged,
 * checkpoints to object storage). Figures checked against arithmetic done here from the profiles in
 * rules/catalog/stores.yaml: a memory read 0.001 ms; a log append at kafka's 10 ms p99; half the p99 left for state.
 */
const engine = builtinEngine();
const advise = (data: RequirementsInput) => engine.advise(requirementsOf(data));
const placement = (rec: Recommendation, name: string) => rec.placements.find((p) => p.state === name)!;
const alternative = (rec: Recommendation, name: string, store: string) => placement(rec, name).alternatives.find((a) => a.store === store)!;

/** 150k card events/s from a log; per-card 10-minute windows (the public card-velocity-stream case). */
const STREAM: RequirementsInput = {
  service: 'card-velocity', context: { memory: 'session' },
  traffic: { peakRps: 150000, source: 'stream', sessionMinutes: 10 },
  failure: { sessionLoss: 'unacceptable', availability: 99.95, deploysPerDay: 1, rtoSeconds: 120 },
  latency: { p99Ms: 200 }, constraints: { ops: 'high', stores: ['kafka', 's3'] },
  state: [{ name: 'card-window', owner: 'user', owners: 5000000, lifetime: 'minutes', sizeKb: 2, writesPerMinute: 1.8, sensitivity: 'personal', lossImpact: 'costly', consistency: 'strong', hotPath: true }],
};

describe('keyed state of a stream', () => {
  const rec = advise(STREAM);

  it('lives in checkpointed memory of the consumer that owns its partition: stateful, routed by partition', () => {
    expect(rec.verdict).toBe('stateful');
    expect(rec.feasible).toBe(true);
    expect(placement(rec, 'card-window').store).toBe('in-process-checkpointed');
    expect(rec.scaling.routing).toBe('partitioned');
    expect(rec.factors.map((f) => f.rule)).toContain('svc.stream-keyed-state');
    // The reasons that hold for requests a load balancer routes do not fire for a stream.
    expect(rec.factors.map((f) => f.rule)).not.toContain('svc.high-traffic');
    expect(rec.factors.map((f) => f.rule)).not.toContain('svc.loss-unacceptable');
  });

  it('waits for no log append: the input log already holds the event, so access is one memory read', () => {
    const c = placement(rec, 'card-window').checks.find((x) => x.check === 'check.latency')!;
    expect(c.value).toBeCloseTo(0.001, 9);
    expect(c.limit).toBe(100);
    expect(c.because).toContain('input log already holds the event');
  });

  it('says how a lost instance recovers', () => {
    expect(rec.failure.onInstanceLoss).toContain('rebuilt on another from the last checkpoint plus the log since');
    expect(rec.scaling.replication).toContain('input log already holds each event');
  });
});

/** A request/response service whose critical session item must survive: same item, clients instead of a stream. */
const CLIENTS: RequirementsInput = {
  ...STREAM, service: 'card-api', traffic: { peakRps: 2000, sessionMinutes: 10 },
  failure: { sessionLoss: 'unacceptable', availability: 99.9, deploysPerDay: 1 }, latency: { p99Ms: 30 },
  state: [{ name: 'match', owner: 'shared', owners: 1000, lifetime: 'minutes', sizeKb: 4, writeKb: 0.5, writesPerMinute: 600, sensitivity: 'internal', lossImpact: 'critical', consistency: 'strong', hotPath: true }],
};

describe('checkpointed memory outside a stream', () => {
  const rec = advise(CLIENTS);
  const alt = alternative(rec, 'match', 'in-process-checkpointed');

  it('may hold a critical item (invariant 3): the log is its system of record', () => {
    expect(alt.whyNot).not.toContain('gate.critical-survives-instance-loss');
    expect(alt.score).toBeGreaterThan(0);
  });

  it('ranks below replicated memory outside a stream: 10 below it, for the log append and the replay', () => {
    expect(placement(rec, 'match').store).toBe('in-process-replicated');
    // base 50 + hot and tight 12 + write-heavy 5 − loss costly 5 + ops high 5 + live shared object 10 + critical
    // session 5 − outside a stream 10 = 72 (replicated gets the same rules but the last: 82).
    expect(alt.score).toBe(72);
  });

  it('pays the append on every acknowledged write: 0.001 ms read + 10 ms append against 15 ms', async () => {
    const { evaluateItem } = await probe();
    const x = evaluateItem(requirementsOf(CLIENTS), 'match', 'in-process-checkpointed');
    expect(x.accessMs).toBeCloseTo(0.001 + 10, 9);
    // 600 writes/min × 1000 boards ÷ 60 = 10,000 writes/s × 0.5 KB appended to the log, shared by the fleet.
    expect(x.instanceMbPerSecond).toBeCloseTo((10000 * 0.5) / 1024 / x.fleet, 9);
  });
});

describe('reference data', () => {
  it('is never pinned in checkpointed memory', () => {
    const rec = advise({
      service: 'flags', traffic: { peakRps: 100 },
      state: [{ name: 'flag-rules', owner: 'global', kind: 'reference', lifetime: 'days', sizeKb: 100, writesPerMinute: 0.1, lossImpact: 'none', hotPath: true }],
    });
    expect(alternative(rec, 'flag-rules', 'in-process-checkpointed').whyNot).toContain('gate.reference-not-pinned');
  });
});

/** Measures of one item in one store, straight from the engine's context (no answer text in between). */
async function probe() {
  const { buildContext } = await import('../../../rules/engine/context.ts');
  const { MEASURES } = await import('../../../rules/model/measures.ts');
  const { catalogFrom } = await import('../../support/engine.ts');
  const catalog = catalogFrom();
  return {
    evaluateItem(req: ReturnType<typeof requirementsOf>, name: string, store: 'in-process-checkpointed') {
      const ctx = buildContext(req);
      const item = ctx.items.find((i) => i.name === name)!;
      const profile = catalog.profilesByStore.get(store)![0]!;
      const p = { ctx, item, store, profile };
      return { accessMs: MEASURES['accessMs']!.value(p)!, instanceMbPerSecond: MEASURES['instanceMbPerSecond']!.value(p)!, fleet: ctx.derived.fleetInstances };
    },
  };
}
