import { describe, expect, it } from 'vitest';
import type { RequirementsInput } from '../../../rules/index.ts';
import { builtinEngine, catalogFrom, requirementsFromText, requirementsOf } from '../../support/engine.ts';
import { withInstanceProfile, writtenInstanceFields } from '../../../rules/model/instance-profile.ts';

/**
 * Prices beyond vCPUs and gigabytes: object storage requests (S3 Standard: $0.005 per 1,000 PUTs, $0.0004 per 1,000
 * GETs), instance profiles from the catalogue (gpu-80gb at $2,200 a month), and no GC-pause risk for GPU memory.
 * Expectations are computed here by hand from those catalogue figures.
 */
const engine = builtinEngine();
const catalog = catalogFrom();
const MONTH = 30 * 24 * 3600;

describe('object storage requests are priced', () => {
  // 300,000 writes/s of 20 MB events: too big for a log or a table, so object storage (and infeasible on bandwidth).
  const ARCHIVE: RequirementsInput = {
    service: 'event-archive', context: { memory: 'none' }, traffic: { peakRps: 300000 },
    failure: { sessionLoss: 'irrelevant', availability: 99.9 }, latency: { p99Ms: 1000 }, constraints: { ops: 'medium', stores: ['s3'] },
    state: [{ name: 'event', owner: 'global', owners: 1, lifetime: 'forever', kind: 'record', sizeKb: 20000, writesPerMinute: 18000000, lossImpact: 'costly', consistency: 'eventual' }],
  };

  it('300,000 PUT/s cost ~$3.9 M a month in requests alone', () => {
    const rec = engine.advise(requirementsOf(ARCHIVE));
    const tier = rec.capacity.stores.find((t) => t.technology === 's3')!;
    expect(tier.writesPerSecond).toBe(300000);
    // Reads: off the hot path, 10% of 300,000 requests read it (the default share) = 30,000 GET/s.
    expect(tier.readsPerSecond).toBe(30000);
    const puts = 300000 * MONTH / 1000 * 0.005;
    const gets = 30000 * MONTH / 1000 * 0.0004;
    expect(puts).toBe(3888000);
    const cost = rec.plans[rec.verdict].cost;
    const instances = Math.ceil(300000 * 1.2 / 500) * 24;
    const stored = (20000 / 1024 / 1024) * 0.023;
    expect(cost.monthlyUsd).toBe(Math.round(instances + puts + gets + stored));
    expect(cost.breakdown.join('\n')).toContain('300000 PUT/s × 2592000 s ÷ 1,000 × $0.005');
  });
});

describe('instance profiles', () => {
  const GPU: RequirementsInput = {
    service: 'embedding-api', context: { memory: 'none' }, traffic: { peakRps: 600 },
    failure: { sessionLoss: 'irrelevant', availability: 99.9, deploysPerDay: 1 }, latency: { p99Ms: 300 },
    constraints: { ops: 'medium', stores: ['s3'], instance: { profile: 'gpu-80gb', rps: 60 } },
    state: [{ name: 'model-weights', owner: 'global', kind: 'reference', lifetime: 'days', sizeKb: 14000000, writesPerMinute: 0, lossImpact: 'none', consistency: 'eventual', hotPath: true }],
  };

  it('fill the fields the file leaves out, and the written ones win (rps 60 stays)', () => {
    const req = requirementsFromText(`service: embedding-api\ntraffic: { peakRps: 600 }\nconstraints: { instance: { profile: gpu-80gb, rps: 60 } }\n`);
    expect([...writtenInstanceFields(req)]).toEqual(['rps']);
    const resolved = withInstanceProfile(catalog.prices, req);
    expect(resolved.constraints.instance).toMatchObject({ rps: 60, memoryMb: 131072, gpuMemoryMb: 81920, networkMbps: 25000, pricePerMonth: 2200 });
    // An explicit memoryMb equal to the schema default is still written: the document said it.
    const own = requirementsFromText(`service: a\ntraffic: { peakRps: 1 }\nconstraints: { instance: { profile: memory-optimised, memoryMb: 4096 } }\n`);
    expect(withInstanceProfile(catalog.prices, own).constraints.instance.memoryMb).toBe(4096);
  });

  it('price GPU instances as GPUs: 600 × 1.2 ÷ 60 = 12 instances × $2,200', () => {
    const rec = engine.advise(requirementsOf(GPU));
    expect(rec.verdict).toBe('stateless');
    expect(rec.placements[0]!.store).toBe('in-process-copy');
    expect(rec.capacity.instances).toBe(12);
    expect(rec.plans.stateless.cost.monthlyUsd).toBe(12 * 2200);
    expect(rec.plans.stateless.cost.breakdown[0]).toContain('gpu-80gb');
    // 14,000,000 KB = 13,671.88 MB of weights against the profile's 131,072 MB of host memory.
    const mem = rec.placements[0]!.checks.find((c) => c.check === 'check.memory')!;
    expect(mem.value).toBeCloseTo(14000000 / 1024, 2);
    expect(mem.limit).toBe(131072);
  });

  it('raise no garbage-collection risk for memory on a GPU, but do on a small container', () => {
    const gpu = engine.advise(requirementsOf(GPU));
    expect(gpu.risks.map((r) => r.rule)).not.toContain('risk.memory-pressure');
    expect(gpu.risks.map((r) => r.rule)).not.toContain('risk.copy-memory-pressure');
    // On a CPU container the 13,671.88 MB of weights are a copy on the heap: the copy's risk, not the sessions' one.
    const cpu = engine.advise(requirementsOf({ ...GPU, constraints: { ops: 'medium', stores: ['s3'], instance: { profile: 'memory-optimised', memoryMb: 65536, rps: 60 } } }));
    expect(cpu.risks.map((r) => r.rule)).toContain('risk.copy-memory-pressure');
    expect(cpu.risks.map((r) => r.rule)).not.toContain('risk.memory-pressure');
    expect(cpu.risks.find((r) => r.rule === 'risk.copy-memory-pressure')!.text).toContain(`holds ${Math.round((14000000 / 1024) * 100) / 100} MB of read-only copies`);
  });

  it('memory held for sessions gets the session mitigation; a copy and sessions both large get both risks', () => {
    // 20,000 sessions × 100 KB = 1,953.13 MB of sticky documents (plus the implied shared object) over the 2
    // instances 99.9% availability asks for: ~992 MB each, ≥ 512.
    const sessions: RequirementsInput = {
      service: 'editor', context: { memory: 'session', sharedState: 'collaborative' }, traffic: { peakRps: 40, concurrentSessions: 20000 },
      failure: { sessionLoss: 'tolerable', availability: 99.9, deploysPerDay: 1 }, constraints: { ops: 'high', stores: [] },
      state: [{ name: 'doc', owner: 'session', lifetime: 'hours', sizeKb: 100, writesPerMinute: 30, lossImpact: 'annoying', hotPath: true }],
    };
    const rec = engine.advise(requirementsOf(sessions));
    const rules = rec.risks.map((r) => r.rule);
    expect(rec.capacity.instances).toBe(2);
    expect(rec.capacity.inProcessMemoryMb).toBeGreaterThanOrEqual((20000 * 100) / 1024 / 2);
    expect(rules).toContain('risk.memory-pressure');
    expect(rules).not.toContain('risk.copy-memory-pressure');
    const both = engine.advise(requirementsOf({ ...sessions, state: [...sessions.state!, { name: 'dictionary', owner: 'global', kind: 'reference', lifetime: 'days', sizeKb: 700 * 1024, writesPerMinute: 0, lossImpact: 'none', hotPath: true }] }));
    expect(both.placements.find((p) => p.state === 'dictionary')!.store).toBe('in-process-copy');
    expect(both.risks.map((r) => r.rule)).toEqual(expect.arrayContaining(['risk.memory-pressure', 'risk.copy-memory-pressure']));
  });

  it('an explicit price wins over the profile', () => {
    const rec = engine.advise(requirementsOf({ ...GPU, constraints: { ...GPU.constraints, instance: { profile: 'gpu-80gb', rps: 60, pricePerMonth: 2400 } } }));
    expect(rec.plans.stateless.cost.monthlyUsd).toBe(12 * 2400);
  });

  it('small is the contract default: an answer with profile small equals one without', () => {
    const base: RequirementsInput = { service: 'a', traffic: { peakRps: 1000 }, state: [{ name: 'cart', sizeKb: 3 }] };
    const a = engine.advise(requirementsOf(base));
    const b = engine.advise(requirementsOf({ ...base, constraints: { instance: { profile: 'small' } } }));
    expect(b.plans[b.verdict].cost.monthlyUsd).toBe(a.plans[a.verdict].cost.monthlyUsd);
    expect(b.capacity).toEqual(a.capacity);
  });
});
