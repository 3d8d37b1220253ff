import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RequirementsInput } from '../../rules/contract/requirements.ts';
import { readersRequirementsArb } from '../support/arbitraries.ts';
import { builtinEngine, requirementsOf } from '../support/engine.ts';
import { answerViolations, placedItems } from '../support/invariants.ts';
import { runs } from '../support/property.ts';

/**
 * docs/design.md invariant 12 over generated inputs that use traffic.source, readers and limitsOwner: an item that
 * limits its owner, an item others read, and every item of a stream service are never in a client token. Every other
 * invariant is checked on the same answers (answerViolations), and the preconditions are counted so the property
 * cannot hold vacuously: each must occur, and a token must still be chosen where nothing forbids it.
 */
const engine = builtinEngine();
const SEEN = [
  'limitsOwner item', 'readers others on a session or user item', 'item of a stream service', 'item of a services source',
  'token removed by an invariant-12 gate alone', 'item in client-token',
] as const;

/** Small, rarely written session items: the catalogue's best case for a token, so a gate is what keeps each out. */
const tokenFriendly = (source: 'clients' | 'services' | 'stream') => ({
  service: 'gateway', context: { memory: 'session' as const }, traffic: { peakRps: 300, source },
  state: [
    { name: 'prefs', owner: 'session' as const, lifetime: 'hours' as const, sizeKb: 0.2, writesPerMinute: 0.1, consistency: 'eventual' as const, hotPath: true },
    { name: 'quota', owner: 'user' as const, lifetime: 'hours' as const, sizeKb: 0.2, writesPerMinute: 0.1, consistency: 'eventual' as const, hotPath: true, limitsOwner: true },
    { name: 'subscriptions', owner: 'session' as const, lifetime: 'hours' as const, sizeKb: 0.2, writesPerMinute: 0.1, consistency: 'eventual' as const, hotPath: true, readers: 'others' as const },
  ],
});
// Rare in random documents, so every run includes them (fast-check `examples`).
const EXAMPLES = [
  ...(['clients', 'services', 'stream'] as const).map((s) => [tokenFriendly(s)] as [RequirementsInput]),
  // Found by a dense run: a keyed rate of 5e-324 writes a minute once made the live keys of a stream infinite.
  [{ service: '0', traffic: { peakRps: 1, source: 'stream' }, state: [{ name: 'a', writesPerMinute: 5e-324, hotPath: true }, { name: 'cart' }] }] as [RequirementsInput],
];

describe('invariant 12 over generated inputs with source, readers and limitsOwner', () => {
  it('no token for limitsOwner, readers others or a stream service; every other invariant still holds', () => {
    const seen = new Map<string, number>();
    const saw = (s: (typeof SEEN)[number]) => seen.set(s, (seen.get(s) ?? 0) + 1);
    fc.assert(fc.property(readersRequirementsArb({ minItems: 1, maxItems: 4 }), (data) => {
      const req = requirementsOf(data);
      const rec = engine.advise(req);
      const problems = answerViolations(engine, req, rec);
      if (problems.length) throw new Error(problems.join('\n'));
      for (const { item, store } of placedItems(req, rec).placed) {
        if (item.limitsOwner) saw('limitsOwner item');
        if (item.readers === 'others' && (item.owner === 'session' || item.owner === 'user')) saw('readers others on a session or user item');
        if (req.traffic.source === 'stream') saw('item of a stream service');
        if (req.traffic.source === 'services') saw('item of a services source');
        if (store === 'client-token') saw('item in client-token');
        const token = rec.placements.find((p) => p.state === item.name)?.alternatives.find((a) => a.store === 'client-token');
        // The gate named is the reason: the token lost to a gate of invariant 12, not to a weight.
        if (token && /\((gate\.token-limits-owner|gate\.token-read-by-others|gate\.stream-has-no-token)\)/.test(token.whyNot)
          && !/\(gate\.(secret-never-in-token|token-cookie-limit|token-one-owner|reference-not-pinned|socket-lives-in-process|request-not-kept|critical|durable|kept)/.test(token.whyNot)) {
          saw('token removed by an invariant-12 gate alone');
        }
      }
    }), { numRuns: runs(80, 3_000), examples: EXAMPLES });
    for (const s of SEEN) expect(seen.get(s) ?? 0, `inputs where "${s}"`).toBeGreaterThan(0);
  }, 300_000);
});
