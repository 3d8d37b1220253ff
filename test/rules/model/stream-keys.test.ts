import { describe, expect, it } from 'vitest';
import { buildContext } from '../../../rules/engine/context.ts';
import { SERVICE_FIGURES } from '../../../rules/model/derived.ts';
import { streamKeyRate } from '../../../rules/model/stream-keys.ts';
import type { RequirementsInput } from '../../../rules/contract/requirements.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';

/**
 * Under traffic.source stream a session is a key and Little's law over requests per session does not apply: live
 * keys = events per second × 60 ÷ the per-key writes a minute of the busiest keyed item read on most events. Every
 * expectation below is worked out by hand from the input.
 */
const engine = builtinEngine();
const item = (name: string, writesPerMinute: number, extra: Record<string, unknown> = {}) =>
  ({ name, owner: 'user' as const, lifetime: 'minutes' as const, sizeKb: 2, writesPerMinute, hotPath: true, ...extra });
const stream = (state: ReturnType<typeof item>[], traffic: Record<string, unknown> = {}): RequirementsInput =>
  ({ service: 'fraud-windows', context: { memory: 'session' }, traffic: { peakRps: 150_000, source: 'stream', sessionMinutes: 10, ...traffic }, state });

describe('live keys of a stream', () => {
  it('events/s × 60 ÷ the per-key rate of the keyed hot-path item: 150,000 × 60 ÷ 1.8 = 5,000,000', () => {
    const ctx = buildContext(requirementsOf(stream([item('card-window', 1.8)])));
    expect(ctx.derived.concurrentSessions).toBe(5_000_000);
    // Items owned by a key without a given `owners` take the live keys as their owners: 5,000,000 × 1.8 ÷ 60 = 150,000 writes/s.
    expect(ctx.items[0]!.owners).toBe(5_000_000);
    expect(ctx.items[0]!.writesPerSecond).toBe(150_000);
  });

  it('the busiest keyed item bounds the events per key; ties go to the first name', () => {
    const req = requirementsOf(stream([item('merchant-mix', 2), item('card-window', 6), item('card-total', 6), item('cold', 60, { hotPath: false }), item('global-rate', 90, { owner: 'global' })]));
    // Not hot-path and not keyed (global) do not count: 150,000 × 60 ÷ 6 = 1,500,000.
    expect(streamKeyRate(req)).toEqual({ item: 'card-total', writesPerMinute: 6 });
    expect(buildContext(req).derived.concurrentSessions).toBe(1_500_000);
  });

  it('without a keyed hot-path item: 150,000 events/s ÷ 20 events per key × 10 min × 60 s = 4,500,000, said as assumed', () => {
    const rec = engine.advise(requirementsOf(stream([item('card-window', 1.8, { hotPath: false })])));
    expect(rec.capacity.concurrentSessions).toBe(4_500_000);
    const line = rec.capacity.assumptions.find((a) => a.startsWith('traffic.source is stream'))!;
    expect(line).toContain('4500000 live keys = 150000 events/s ÷ 20 events per key × sessionMinutes 10 × 60 s');
    expect(line).toContain('give traffic.concurrentSessions');
    expect(rec.capacity.assumptions.join(' ')).not.toContain('requests per session ×');
  });

  it('the answer states the derivation with its numbers, and a given concurrentSessions still wins', () => {
    const rec = engine.advise(requirementsOf(stream([item('card-window', 1.8)])));
    expect(rec.capacity.assumptions).toContainEqual(expect.stringContaining('5000000 live keys = 150000 events/s × 60 ÷ card-window writesPerMinute 1.8 per key'));
    const given = buildContext(requirementsOf(stream([item('card-window', 1.8)], { concurrentSessions: 1234 })));
    expect(given.derived.concurrentSessions).toBe(1234);
  });

  it('clients keep Little\'s law: 150,000 ÷ 20 × 10 × 60 = 4,500,000 whatever the items\' rates', () => {
    const ctx = buildContext(requirementsOf({ ...stream([item('card-window', 1.8)]), traffic: { peakRps: 150_000, sessionMinutes: 10 } }));
    expect(ctx.derived.concurrentSessions).toBe(4_500_000);
  });

  it('the tipping inverse maps keys back onto events/s: 5,000,000 keys × 1.8 ÷ 60 = 150,000', () => {
    const req = requirementsOf(stream([item('card-window', 1.8)]));
    const x = { req, service: buildContext(req).derived, items: [] };
    expect(SERVICE_FIGURES.concurrentSessions.invert!['traffic.peakRps']!(5_000_000, x)).toBe(150_000);
    // sessionMinutes does not set the keys of a stream with a keyed rate.
    expect(SERVICE_FIGURES.concurrentSessions.invert!['traffic.sessionMinutes']!(5_000_000, x)).toBeUndefined();
  });

  it('an implied per-key context says that a session is a key', () => {
    const ctx = buildContext(requirementsOf({ service: 'job', context: { memory: 'session' }, traffic: { peakRps: 100, source: 'stream' } }));
    expect(ctx.items.find((i) => i.implied)?.impliedBecause).toContain('traffic.source is stream: a session is a key');
  });
});

describe('live keys of a stream, bounded by the window', () => {
  it('a key seeing less than one event per window counts once per window: 100 events/s × 60 × 10 min = 60,000', () => {
    const req = requirementsOf(stream([item('rare', 0.01)], { peakRps: 100 }));
    // 100 × 60 ÷ 0.01 would be 600,000 keys, more than the 60,000 events a 10-minute window holds.
    expect(buildContext(req).derived.concurrentSessions).toBe(60_000);
    const rec = engine.advise(req);
    expect(rec.capacity.assumptions).toContainEqual(expect.stringContaining('60000 live keys = 100 events/s × 60 × sessionMinutes 10 (rare is written 0.01/min per key, less than once per window'));
    const x = { req, service: buildContext(req).derived, items: [] };
    expect(SERVICE_FIGURES.concurrentSessions.invert!['traffic.sessionMinutes']!(60_000, x)).toBe(10);
    expect(SERVICE_FIGURES.concurrentSessions.invert!['traffic.peakRps']!(60_000, x)).toBe(100);
  });

  it('a vanishing rate stays finite', () => {
    const req = requirementsOf(stream([item('a', 5e-324)], { peakRps: 1 }));
    expect(buildContext(req).derived.concurrentSessions).toBe(600);
  });
});
