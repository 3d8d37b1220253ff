import { describe, expect, it } from 'vitest';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';

/** Regressions for engine bugs the invariant properties found, each as the smallest input that showed it. */
const engine = builtinEngine();
const advise = (data: unknown) => engine.advise(requirementsOf(data));

describe('advise: regressions found by the invariant properties', () => {
  it('a request-scoped item whose loss is critical is committed (invariant 3), not left in a gated-out store', () => {
    const rec = advise({ service: 'pay', traffic: { peakRps: 10 }, state: [{ name: 'payment', lifetime: 'request', lossImpact: 'critical' }] });
    const p = rec.placements.find((x) => x.state === 'payment')!;
    expect(['database', 'durable-log']).toContain(p.store);
    expect(p.alternatives.find((a) => a.store === 'none')?.whyNot).toContain('gate.critical-request-committed');
    // Without critical loss, request state is still never kept.
    const plain = advise({ service: 'pay', traffic: { peakRps: 10 }, state: [{ name: 'payment', lifetime: 'request', lossImpact: 'costly' }] });
    expect(plain.placements[0]!.store).toBe('none');
  });

  it('an item named connections is a live socket only when it is session-scoped', () => {
    const durable = advise({ service: 'chat', context: { realtime: 'bidirectional' }, traffic: { peakRps: 10 }, state: [{ name: 'connections', lifetime: 'forever', lossImpact: 'costly' }] });
    expect(durable.placements.find((p) => p.state === 'connections')!.store).toBe('database');
    // A record is not a socket: no reconnect storm, and the socket gate does not close its system of record.
    expect(durable.risks.map((r) => r.id)).not.toContain('risk.reconnect-storm:connections');
    expect(durable.placements[0]!.alternatives.map((a) => a.whyNot).join(' ')).not.toContain('gate.socket-lives-in-process');
    // The sockets still exist, under a name of their own, in process: a realtime service is never stateless.
    const sockets = durable.placements.find((p) => p.state === 'live-connections');
    expect(sockets).toMatchObject({ implied: true, store: expect.stringMatching(/^in-process-/) });
    expect(durable.verdict).not.toBe('stateless');
    const live = advise({ service: 'chat', context: { realtime: 'bidirectional' }, traffic: { peakRps: 10 }, state: [{ name: 'connections', lifetime: 'minutes' }] });
    expect(live.placements.find((p) => p.state === 'connections')!.store).toMatch(/^in-process-/);
    expect(live.verdict).not.toBe('stateless');
  });

  it('the order state items are listed in changes only the order of placements', () => {
    const items = [
      { name: 'zeta', lifetime: 'hours', sizeKb: 1, writesPerMinute: 0 },
      { name: 'alpha', lifetime: 'hours', sizeKb: 1, writesPerMinute: 0 },
    ];
    const a = advise({ service: 's', traffic: { peakRps: 10 }, state: items });
    const b = advise({ service: 's', traffic: { peakRps: 10 }, state: [...items].reverse() });
    expect(a.placements.map((p) => p.state)).toEqual(['zeta', 'alpha']);
    expect(b.placements.map((p) => p.state)).toEqual(['alpha', 'zeta']);
    expect(b.summary).toBe(a.summary);
    // The failure table follows the placements' order too, and says the same of each item.
    expect([...new Set(b.failures.map((r) => r.state))]).toEqual(['alpha', 'zeta']);
    const byItem = (r: typeof a) => [...r.failures].sort((x, y) => x.state.localeCompare(y.state));
    expect(byItem(b)).toEqual(byItem(a));
    expect({ ...b, placements: [], failures: [] }).toEqual({ ...a, placements: [], failures: [] });
  });
});
