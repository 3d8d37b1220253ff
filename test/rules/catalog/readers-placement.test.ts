import { describe, expect, it } from 'vitest';
import type { RequirementsInput } from '../../../rules/contract/requirements.ts';
import { adviseData, builtinEngine } from '../../support/engine.ts';

/**
 * Who reads an item and who sends the requests move where it lives (docs/design.md, Round 3): items others look up
 * go to a store every instance reaches; a session's subscriptions ride with its socket; per-key state of a stream
 * stays with the consumer of its partition. Each case is checked against the same input without the new field, so
 * the test fails if the rule stops doing its work.
 */
const engine = builtinEngine();
const storeOf = (doc: RequirementsInput, name: string) => adviseData(engine, doc).placements.find((p) => p.state === name)!;

/** A matchmaking queue: a ticket per player, read on most requests, within a tight budget that favours memory. */
const matchmaking = (readers?: 'owner' | 'others'): RequirementsInput => ({
  service: 'matchmaker', context: { memory: 'session' }, traffic: { peakRps: 3000, sessionMinutes: 5 }, latency: { p99Ms: 40 },
  failure: { deploysPerDay: 1 }, constraints: { ops: 'high', stores: ['redis'] },
  state: [{ name: 'ticket', owner: 'user', lifetime: 'minutes', sizeKb: 1, writesPerMinute: 12, consistency: 'eventual', hotPath: true, ...(readers ? { readers } : {}) }],
});

describe('readers and source in placement', () => {
  it('a ticket the matcher scans leaves owner-pinned memory for a shared store', () => {
    const mine = storeOf(matchmaking(), 'ticket');
    expect(mine.store).toMatch(/^in-process-/);
    const scanned = storeOf(matchmaking('others'), 'ticket');
    expect(scanned.store).toBe('distributed-cache');
    expect(scanned.why.join(' ')).toContain('ticket is owned by user but has readers others: publishers, matchers or jobs look it up from any instance, and memory pinned to its owner is reached only by that owner\'s requests (place.others-read-shared-store)');
  });

  it('a session\'s subscriptions beside its websocket stay with the socket; the user route goes to the shared store', () => {
    const doc: RequirementsInput = {
      service: 'ws-gateway', context: { memory: 'session', realtime: 'bidirectional' }, traffic: { peakRps: 10_000, concurrentSessions: 200_000 },
      latency: { p99Ms: 100 }, constraints: { stores: ['redis'] },
      state: [
        { name: 'subscriptions', owner: 'session', lifetime: 'minutes', sizeKb: 0.5, writesPerMinute: 0.5, consistency: 'eventual', hotPath: true, readers: 'others' },
        { name: 'user-route', owner: 'user', lifetime: 'minutes', sizeKb: 0.1, writesPerMinute: 0.2, consistency: 'eventual', hotPath: true, readers: 'others' },
      ],
    };
    expect(storeOf(doc, 'subscriptions').store).toBe('in-process-sticky');
    expect(storeOf(doc, 'subscriptions').why.join(' ')).not.toContain('place.others-read-shared-store');
    expect(storeOf(doc, 'user-route').store).toBe('distributed-cache');
  });

  it('a session\'s subscriptions read at delivery stay with the socket for hours too; a ticket off the hot path goes to the shared store', () => {
    const gateway = (readers: 'owner' | 'others', hotPath: boolean): RequirementsInput => ({
      service: 'chat-gateway', context: { memory: 'session', realtime: 'bidirectional' },
      traffic: { peakRps: 30_000, concurrentSessions: 2_000_000, sessionMinutes: 60 }, latency: { p99Ms: 100 },
      failure: { availability: 99.95, deploysPerDay: 4 }, constraints: { ops: 'high', stores: ['redis', 'kafka'] },
      state: [
        { name: 'subs', owner: 'session', lifetime: 'hours', sizeKb: 0.4, writesPerMinute: 0.2, consistency: 'eventual', hotPath, readers },
        { name: 'user-routes', owner: 'user', lifetime: 'hours', sizeKb: 0.1, writesPerMinute: 0.1, consistency: 'eventual', hotPath: true, readers: 'others' },
      ],
    });
    expect(storeOf(gateway('owner', true), 'subs').store).not.toMatch(/^in-process-/);
    const delivered = storeOf(gateway('others', true), 'subs');
    expect(delivered.store).toBe('in-process-sticky');
    expect(delivered.why.join(' ')).toContain('subs is a session\'s own state read by others on most requests beside a bidirectional connection: each published message reaches the instance holding that session\'s socket, which reads subs there to decide what to deliver, so a store lookup per delivery buys nothing (place.read-at-delivery)');
    // Off the hot path (a matcher scanning tickets), others read it from elsewhere: the shared store.
    const scanned = storeOf(gateway('others', false), 'subs');
    expect(scanned.store).toBe('distributed-cache');
    expect(scanned.why.join(' ')).toContain('place.others-read-shared-store');
  });

  it('per-key state of a stream stays in the consumer\'s memory; the same item from clients goes to the cache', () => {
    const doc = (source?: 'stream'): RequirementsInput => ({
      service: 'sessionizer', context: { memory: 'session' }, traffic: { peakRps: 40_000, sessionMinutes: 30, ...(source ? { source } : {}) },
      failure: { sessionLoss: 'tolerable' }, constraints: { ops: 'high', stores: ['kafka', 'redis'] },
      state: [{ name: 'visit', owner: 'user', lifetime: 'minutes', sizeKb: 1, writesPerMinute: 2, consistency: 'eventual', hotPath: true }],
    });
    expect(storeOf(doc(), 'visit').store).toBe('distributed-cache');
    const keyed = adviseData(engine, doc('stream'));
    // Keyed memory with checkpoints: the input log already holds every event, so a replay restores it.
    expect(keyed.placements[0]!.store).toBe('in-process-checkpointed');
    const why = keyed.placements[0]!.why.join(' ');
    expect(why).toContain('traffic.source is stream: visit is keyed state of the consumer that owns its partition');
    expect(why).toContain('(place.checkpoint-keyed-stream)');
    expect(keyed.verdict).toBe('stateful');
    // The log routes events: 40,000 × 60 ÷ 2 = 1,200,000 keys over 40,000 × 1.2 ÷ 500 = 96 consumers = 12,500 each.
    expect(keyed.capacity.instances).toBe(96);
    expect(keyed.scaling.routing).toBe('partitioned');
    expect(keyed.scaling.notes).toContainEqual(expect.stringContaining('its consumer group gives each partition to one instance: about 12500 keys per instance'));
    // The high-traffic rules argue for interchangeable instances, which a stream's partitions do not use.
    expect(keyed.factors.map((f) => f.rule)).toEqual(expect.arrayContaining(['svc.stream-keyed-state']));
    expect(keyed.factors.map((f) => f.rule)).not.toContain('svc.high-traffic');
    expect(adviseData(engine, doc()).factors.map((f) => f.rule)).toContain('svc.high-traffic');
  });
});
