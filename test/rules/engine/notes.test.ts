import { describe, expect, it } from 'vitest';
import type { Recommendation, RequirementsInput } from '../../../rules/index.ts';
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

const SERVICE = (item: Record<string, unknown>, peakRps = 1000): RequirementsInput => ({
  service: 'notes', traffic: { peakRps },
  failure: { sessionLoss: 'irrelevant', availability: 99.9, deploysPerDay: 4 }, latency: { p99Ms: 200 },
  state: [{ name: 'profile', owner: 'user', owners: 1000, lifetime: 'days', sizeKb: 1, writesPerMinute: 0.01, sensitivity: 'internal', lossImpact: 'annoying', consistency: 'eventual', ...item } as never],
});
const noteOf = (input: RequirementsInput, id: string) => engine.advise(requirementsOf(input)).notes?.find((n) => n.id === id);

describe('notes: reads more often than requests arrive', () => {
  it('1,000 owners × 120 reads/min = 2,000 reads/s at 1,000 rps: 2× peakRps, naming readsPerMinute', () => {
    const n = noteOf(SERVICE({ readsPerMinute: 120 }), 'note.read-rate');
    expect(n).toMatchObject({ field: 'state[profile].readsPerMinute', factor: (1000 * 120) / 60 / 1000 });
    expect(n!.text).toContain('2000 reads/s');
  });
  it('exactly as often as requests arrive (60/min × 1,000 = 1,000 reads/s) is no note', () => {
    expect(noteOf(SERVICE({ readsPerMinute: 60 }), 'note.read-rate')).toBeUndefined();
  });
});

describe('notes: an acknowledged write on the hot path of a rarely written item', () => {
  // Hot path: every request reads it (1,000 reads/s). Strong consistency makes its writes acknowledged on the
  // request path once ≥ 1% of requests write it.
  const hot = (writesPerMinute: number) => SERVICE({ hotPath: true, consistency: 'strong', writesPerMinute });
  it('6 writes/min × 1,000 owners = 100 writes/s against 1,000 reads/s: read 10× more often than written', () => {
    const n = noteOf(hot(6), 'note.rare-write-on-hot-path');
    expect(n).toMatchObject({ field: 'state[profile].hotPath', factor: 1000 / ((1000 * 6) / 60) });
  });
  it('7 writes/min: 116.67 writes/s, read 8.6× more often: no note', () => {
    expect(noteOf(hot(7), 'note.rare-write-on-hot-path')).toBeUndefined();
  });
});

describe('notes: the tightest check rests on the assumed read share', () => {
  // examples/report-server: 200 owners (concurrentSessions) × 0.1 writes/min of a 700,000 KB report, off the hot path,
  // in s3 (whole-object writes), 2 instances. Assumed reads: 10% of 20 rps = 2 reads/s.
  const REPORT = (extra: Record<string, unknown> = {}): RequirementsInput => ({
    service: 'report-server', context: { memory: 'session' },
    traffic: { peakRps: 20, concurrentSessions: 200, sessionMinutes: 30 },
    failure: { sessionLoss: 'tolerable', availability: 99.5 }, latency: { p99Ms: 30000 },
    constraints: { ops: 'low', stores: ['postgres', 'redis'] },
    state: [{ name: 'report', owner: 'user', lifetime: 'hours', kind: 'derived', sizeKb: 700000, writesPerMinute: 0.1, sensitivity: 'internal', lossImpact: 'annoying', consistency: 'eventual', hotPath: false, ...extra } as never],
  });
  const readsMb = (2 * 700000) / 1024;
  const writesMb = ((200 * 0.1) / 60 * 700000) / 1024;
  const perInstance = (readsMb + writesMb) / 2;
  const own = writesMb / 2;

  it(`check.instance-network ${perInstance.toFixed(2)} of 1,250 MB/s uses 64%, the item's own writes 9%: a note, and no risk`, () => {
    const rec = engine.advise(requirementsOf(REPORT()));
    const n = rec.notes?.find((x) => x.id === 'note.assumed-read-share');
    expect(n).toMatchObject({ field: 'state[report].readsPerMinute', factor: Math.round((perInstance / own) * 10) / 10 });
    expect(n!.text).toContain(`${Math.round((perInstance / 1250) * 100)}%`);
    expect(n!.text).toContain(`${Math.round((own / 1250) * 100)}%`);
    // Quoted as the check's own sentence quotes it (4 significant digits), so note and check agree: 797.5, not 797.53.
    expect(n!.text).toContain(`(${perInstance.toPrecision(4)} of 1250 MB/s)`);
    const check = rec.placements.find((p) => p.state === 'report')!.checks.find((c) => c.check === 'check.instance-network');
    expect(check?.because).toContain(perInstance.toPrecision(4));
    expect(rec.risks.map((r) => r.id)).not.toContain('check.instance-network:report');
  });

  it('the same 2 reads/s written as readsPerMinute (2 × 60 ÷ 200 owners = 0.6) is the team\'s figure: a low risk, no note', () => {
    const rec = engine.advise(requirementsOf(REPORT({ readsPerMinute: 0.6 })));
    expect(rec.notes?.find((x) => x.id === 'note.assumed-read-share')).toBeUndefined();
    const risk = rec.risks.find((r) => r.id === 'check.instance-network:report');
    expect(risk?.severity).toBe('low');
  });
});

describe('notes: a stream whose live keys outnumber the keyed item\'s owners', () => {
  const advise = (data: RequirementsInput) => engine.advise(requirementsOf(data));
  // 250,000 events/s × 60 ÷ 0.35 writes/min per key = 42,857,142.86 → 42,857,143 live keys against 40,000,000 owners:
  // 1.07× → 1.1. A key is an owner, so the input disagrees with itself.
  const stream = (owners: number, concurrentSessions?: number): RequirementsInput => ({
    service: 'attribution', context: { memory: 'session' },
    traffic: { peakRps: 250_000, source: 'stream', sessionMinutes: 30, ...(concurrentSessions === undefined ? {} : { concurrentSessions }) },
    constraints: { ops: 'high', stores: ['kafka'], instance: { memoryMb: 16384, rps: 20_000 } },
    state: [{ name: 'window', owner: 'user', owners, lifetime: 'minutes', sizeKb: 0.4, writesPerMinute: 0.35, lossImpact: 'annoying', consistency: 'eventual', hotPath: true }],
  });

  it('42,857,143 keys against 40,000,000 owners: 1.1×, naming the owners', () => {
    const keys = Math.ceil((250_000 * 60) / 0.35);
    expect(keys).toBe(42_857_143);
    const rec = advise(stream(40_000_000));
    expect(rec.capacity.concurrentSessions).toBe(keys);
    const note = rec.notes!.find((n) => n.id === 'note.stream-keys-exceed-owners')!;
    expect(note).toMatchObject({ field: 'state[window].owners', factor: Math.round((keys / 40_000_000) * 10) / 10 });
    expect(note.text).toContain(`= ${keys} live keys, 1.1× the 40000000 owners`);
  });

  it('as many owners as keys, or the sessions given, is no note', () => {
    expect(advise(stream(42_857_143)).notes?.map((n) => n.id) ?? []).not.toContain('note.stream-keys-exceed-owners');
    expect(advise(stream(40_000_000, 30_000_000)).notes?.map((n) => n.id) ?? []).not.toContain('note.stream-keys-exceed-owners');
  });
});

describe('notes: context.memory against the items kept for a session', () => {
  const CHECKOUT = (memory: string, items: RequirementsInput['state']): RequirementsInput => ({
    service: 'payments', context: { memory: memory as never }, traffic: { peakRps: 3000 }, state: items,
  });
  const step = { name: 'checkout-step', owner: 'session', lifetime: 'minutes', sizeKb: 6, writesPerMinute: 3, lossImpact: 'costly', consistency: 'read-your-writes' } as const;
  const wizard = { name: 'wizard', owner: 'session', lifetime: 'hours', sizeKb: 2, writesPerMinute: 1 } as const;
  const key = { name: 'idempotency-key', owner: 'user', lifetime: 'days', sizeKb: 2, writesPerMinute: 1, lossImpact: 'critical', consistency: 'strong' } as const;
  const ids = (rec: Recommendation) => rec.notes?.map((n) => n.id) ?? [];

  it('memory request beside two session items: a note counting both, naming the factor that weighs the context as written', () => {
    const rec = engine.advise(requirementsOf(CHECKOUT('request', [step, wizard, key])));
    const note = rec.notes!.find((n) => n.id === 'note.memory-contradicts-items')!;
    expect(note).toMatchObject({ field: 'context.memory', factor: 2 });
    expect(note.text).toContain('context.memory is request, yet checkout-step, wizard are kept for a session');
    expect(note.text).toContain('svc.nothing-to-remember still weighs context.memory request toward stateless');
    expect(rec.factors.map((f) => f.rule)).toContain('svc.nothing-to-remember');
    expect(RecommendationSchema.safeParse(rec).success).toBe(true);
  });

  it('no note when only durable items are listed or when memory is session; memory none notes it like request', () => {
    const durable = engine.advise(requirementsOf(CHECKOUT('request', [key])));
    expect(ids(durable)).not.toContain('note.memory-contradicts-items');
    const session = engine.advise(requirementsOf(CHECKOUT('session', [step])));
    expect(ids(session)).not.toContain('note.memory-contradicts-items');
    // memory none says the same as request.
    expect(ids(engine.advise(requirementsOf(CHECKOUT('none', [step]))))).toContain('note.memory-contradicts-items');
  });

  it('reference data kept for minutes is not a session\'s memory: no note', () => {
    const prices = { name: 'price-list', owner: 'global', kind: 'reference', lifetime: 'minutes', sizeKb: 50, writesPerMinute: 0, lossImpact: 'none', consistency: 'eventual' } as const;
    expect(ids(engine.advise(requirementsOf(CHECKOUT('request', [prices, key]))))).not.toContain('note.memory-contradicts-items');
  });
});
