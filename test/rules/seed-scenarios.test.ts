import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinEngine, requirementsOf } from '../support/engine.ts';

/** The seed scenarios (test/fixtures/seed-cases.yaml): each verdict in `expect`, each listed item in a `place` store. */
interface SeedCase { id: string; why: string; expect: string[]; place?: Record<string, string[]>; input: unknown }

const cases = parse(readFileSync(new URL('../fixtures/seed-cases.yaml', import.meta.url), 'utf8')) as SeedCase[];
const engine = builtinEngine();

describe('seed scenarios', () => {
  it('the fixture holds the eight scenarios of the seed article', () => {
    expect(cases.map((c) => c.id)).toEqual([
      'returning-shopper-cart', 'public-rest-api', 'static-content', 'token-authenticated-api',
      'chat-app', 'game-session', 'shop-with-live-support', 'sticky-sessions-at-scale',
    ]);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const rec = engine.advise(requirementsOf(c.input));
    expect(c.expect, `verdict of ${c.id} (scores ${JSON.stringify(rec.scores)})`).toContain(rec.verdict);
    for (const [item, stores] of Object.entries(c.place ?? {})) {
      const placement = rec.placements.find((p) => p.state === item);
      expect(placement, `${c.id} places ${item}`).toBeDefined();
      expect(stores, `${c.id}: ${item} in ${placement?.store} because ${placement?.why.join(' | ')}`).toContain(placement!.store);
    }
  });
});
