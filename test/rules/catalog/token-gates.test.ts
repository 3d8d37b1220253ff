import { describe, expect, it } from 'vitest';
import type { Recommendation } from '../../../rules/index.ts';
import type { RequirementsInput } from '../../../rules/contract/requirements.ts';
import { adviseData, builtinEngine } from '../../support/engine.ts';

/**
 * The gates that keep state out of a client token when the token cannot carry it (docs/design.md invariant 12, and
 * the `services` caller decision): each is tested on an item that would otherwise be in a token, so removing the
 * gate makes the test fail, and the sentence the answer gives must quote the facts it rests on.
 */
const engine = builtinEngine();

/** A small session item written rarely and read on most requests: the catalogue's best case for a token. */
const tokenFriendly = (extra: Record<string, unknown> = {}, traffic: Record<string, unknown> = {}): RequirementsInput => ({
  service: 'gateway',
  context: { memory: 'session' },
  traffic: { peakRps: 300, ...traffic },
  state: [{ name: 'prefs', owner: 'session', lifetime: 'hours', sizeKb: 0.2, writesPerMinute: 0.1, consistency: 'eventual', hotPath: true, ...extra }],
});

function placement(rec: Recommendation, name: string) {
  const p = rec.placements.find((x) => x.state === name);
  if (!p) throw new Error(`no placement for ${name}`);
  return p;
}
const tokenWhyNot = (rec: Recommendation) => placement(rec, 'prefs').alternatives.find((a) => a.store === 'client-token')?.whyNot ?? '';

describe('client-token gates (invariant 12 and source services)', () => {
  it('the baseline item goes to a client token, so each gate below has something to remove', () => {
    expect(placement(adviseData(engine, tokenFriendly()), 'prefs').store).toBe('client-token');
    // Explicit defaults change nothing: readers owner, limitsOwner false, source clients.
    expect(placement(adviseData(engine, tokenFriendly({ readers: 'owner', limitsOwner: false }, { source: 'clients' })), 'prefs').store).toBe('client-token');
  });

  it('limitsOwner: true removes the token and says the owner could drop or replay it', () => {
    const rec = adviseData(engine, tokenFriendly({ limitsOwner: true }));
    expect(placement(rec, 'prefs').store).not.toBe('client-token');
    expect(tokenWhyNot(rec)).toBe('prefs has limitsOwner true: it limits what its owner may do, and the owner holds the token, so it could drop the token or replay an older one with a lower count; the limit must be kept server-side (gate.token-limits-owner)');
  });

  it('readers: others removes the token even for a session-owned item', () => {
    const rec = adviseData(engine, tokenFriendly({ readers: 'others' }));
    expect(placement(rec, 'prefs').store).not.toBe('client-token');
    expect(tokenWhyNot(rec)).toContain('prefs is owned by session but has readers others: publishers, matchers, jobs or other users read it');
    expect(tokenWhyNot(rec)).toContain('(gate.token-read-by-others)');
  });

  it('traffic.source stream removes the token for every item', () => {
    const rec = adviseData(engine, tokenFriendly({}, { source: 'stream' }));
    expect(placement(rec, 'prefs').store).not.toBe('client-token');
    expect(tokenWhyNot(rec)).toContain('traffic.source is stream: requests are events from a log or queue, and no client holds a token that could carry prefs');
  });

  it('traffic.source services removes the token, and that gate (a design decision, not an invariant) can be disabled', () => {
    const rec = adviseData(engine, tokenFriendly({}, { source: 'services' }));
    expect(placement(rec, 'prefs').store).not.toBe('client-token');
    expect(tokenWhyNot(rec)).toContain('traffic.source is services: the callers are other backends');
    const gates = engine.catalog.gates.filter((g) => g.id.startsWith('gate.token-limits') || g.id === 'gate.token-read-by-others' || g.id === 'gate.stream-has-no-token');
    expect(gates.map((g) => g.invariant)).toEqual([12, 12, 12]);
    expect(engine.catalog.gates.find((g) => g.id === 'gate.services-keep-no-token')?.invariant).toBeUndefined();
    const lenient = builtinEngine([{ name: 'team.yaml', text: 'version: 1.0.0\ndisable: [gate.services-keep-no-token]\nrules: []\n' }]);
    expect(placement(adviseData(lenient, tokenFriendly({}, { source: 'services' })), 'prefs').store).toBe('client-token');
  });
});
