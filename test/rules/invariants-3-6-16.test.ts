import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Recommendation, Requirements, Store } from '../../rules/index.ts';
import type { RequirementsInput } from '../../rules/contract/requirements.ts';
import { buildContext } from '../../rules/engine/context.ts';
import { STORE_INFO } from '../../rules/model/stores.ts';
import { readersRequirementsArb } from '../support/arbitraries.ts';
import { builtinEngine, requirementsOf } from '../support/engine.ts';
import { answerViolations, DURABLE_LIFETIMES, placedItems } from '../support/invariants.ts';
import { runs } from '../support/property.ts';

/**
 * docs/design.md invariants 3, 6 and 16 over generated inputs that use the round-3 fields: readers, limitsOwner,
 * traffic.source, readKb, shape, fanout, failure.rpoSeconds, the in-process-checkpointed store and the aeron-cluster
 * log. Invariants 3 and 6 are checked by answerViolations (test/support/invariants.ts); invariant 16 here: no reason
 * says "no new store" or "already operates" beside a technology the plan adds, and no mitigation names a store a gate
 * removed for its item. Each precondition is counted, so none holds vacuously.
 */
const engine = builtinEngine();
const RUNS = runs(80, 3000);

/** readersRequirementsArb plus what one read moves, the shape, fanout, a recovery point and valuable durable items. */
const arb = fc.tuple(
  readersRequirementsArb({ minItems: 1, maxItems: 5 }),
  fc.array(fc.record({
    readKb: fc.option(fc.constantFrom(0.5, 4, 64), { nil: undefined }),
    shape: fc.option(fc.constantFrom('value', 'collection') as fc.Arbitrary<'value' | 'collection'>, { nil: undefined }),
    fanout: fc.option(fc.constantFrom(1, 20, 1000), { nil: undefined }),
    valuable: fc.constantFrom(undefined, 'costly', 'critical') as fc.Arbitrary<'costly' | 'critical' | undefined>,
    kind: fc.constantFrom(undefined, 'record', 'derived') as fc.Arbitrary<'record' | 'derived' | undefined>,
    lifetime: fc.constantFrom(undefined, 'days', 'forever') as fc.Arbitrary<'days' | 'forever' | undefined>,
  }), { minLength: 5, maxLength: 5 }),
  fc.option(fc.constantFrom(0, 5), { nil: undefined }),
  fc.boolean(),
).map(([doc, extras, rpo, aeron]): RequirementsInput => ({
  ...doc,
  failure: { ...doc.failure, ...(rpo === undefined ? {} : { rpoSeconds: rpo }) },
  constraints: { ...doc.constraints, ...(aeron ? { stores: [...new Set([...(doc.constraints?.stores ?? []), 'aeron-cluster' as const])] } : {}) },
  state: doc.state?.map((s, i) => {
    const e = extras[i]!;
    return {
      ...s,
      ...(e.readKb !== undefined && e.readKb <= (s.sizeKb ?? 1) ? { readKb: e.readKb } : {}),
      ...(e.shape ? { shape: e.shape } : {}),
      ...(e.fanout ? { fanout: e.fanout } : {}),
      ...(e.valuable ? { lossImpact: e.valuable } : {}),
      ...(e.kind ? { kind: e.kind } : {}),
      ...(e.lifetime ? { lifetime: e.lifetime } : {}),
    };
  }),
}));

/** The store phrases a mitigation offers: each "(a or b)" list, and "in a or b and". */
export function offers(text: string): string[] {
  const lists = [...text.matchAll(/\(([^)]*)\)/g), ...text.matchAll(/\bin (.+?) and /g)].map((m) => m[1]!);
  return lists.flatMap((l) => l.split(' or '));
}

/** Invariant 16 on one answer: reasons agree with the technologies the plan adds; mitigations with the gates. */
function invariant16Violations(req: Requirements, rec: Recommendation): { violations: string[]; newTech: number; mitigations: number } {
  const out: string[] = [];
  const added = new Set<string>(rec.plans[rec.verdict].cost.newTechnologies);
  let newTech = 0;
  for (const p of rec.placements) {
    if (!added.has(p.technology)) continue;
    newTech++;
    for (const w of p.why) if (/no new store|already operates/.test(w)) out.push(`${p.state} in ${p.technology} (added by the plan): "${w}"`);
  }
  const ctx = buildContext(req);
  let mitigations = 0;
  for (const r of rec.risks) {
    const name = r.id.slice(r.id.indexOf(':') + 1);
    const item = ctx.items.find((i) => i.name === name);
    if (!r.id.includes(':') || !item) continue;
    mitigations++;
    for (const gate of engine.catalog.gates) {
      if (!gate.test(ctx, item, undefined)) continue;
      for (const s of gate.removes) {
        const words = STORE_INFO[s as Store].words;
        // Mitigation templates list the stores they offer as "({stores})" or "in {stores} and", joined with " or ".
        if (offers(r.mitigation).includes(words)) {
          out.push(`risk ${r.id} offers ${words}, which ${gate.id} removed for ${name}: "${r.mitigation}"`);
        }
      }
    }
  }
  return { violations: out, newTech, mitigations };
}

describe('invariant 16: the mitigation reader', () => {
  it('reads the stores a mitigation offers, so an offered store a gate removed would be caught', () => {
    expect(offers('Keep cart closer to the request (the distributed cache or replicated instance memory); or raise the budget'))
      .toContain('the distributed cache');
    expect(offers('keep it in object storage and store only its key here')).toContain('object storage');
  });
});

describe('invariants 3, 6 and 16 over generated inputs with the round-3 fields', () => {
  it(`hold for ${RUNS} inputs, and each precondition occurs`, () => {
    const seen: Record<string, number> = {
      'critical item': 0, 'critical item in replicated or checkpointed memory': 0, 'durable costly or critical record': 0,
      'durable record in a durable log or database': 0, 'derived durable item in instance memory': 0,
      'technology the plan adds': 0, 'item risk with a mitigation': 0, 'fanout above 1': 0, 'collection': 0, 'rpoSeconds 0': 0,
    };
    fc.assert(fc.property(arb, (data) => {
      const req = requirementsOf(data);
      const rec = engine.advise(req);
      const problems = answerViolations(engine, req, rec);
      if (problems.length) throw new Error(problems.join('\n'));
      const v16 = invariant16Violations(req, rec);
      expect(v16.violations).toEqual([]);
      if (v16.newTech) seen['technology the plan adds']!++;
      if (v16.mitigations) seen['item risk with a mitigation']!++;
      if (req.failure.rpoSeconds === 0) seen['rpoSeconds 0']!++;
      for (const { item, store } of placedItems(req, rec).placed) {
        if (item.fanout > 1) seen['fanout above 1']!++;
        if (item.shape === 'collection') seen['collection']!++;
        if (item.lossImpact === 'critical') seen['critical item']!++;
        if (item.lossImpact === 'critical' && (store === 'in-process-replicated' || store === 'in-process-checkpointed')) seen['critical item in replicated or checkpointed memory']!++;
        const valuableRecord = DURABLE_LIFETIMES.has(item.lifetime) && item.kind === 'record' && (item.lossImpact === 'costly' || item.lossImpact === 'critical');
        if (valuableRecord) seen['durable costly or critical record']!++;
        if (valuableRecord && (store === 'durable-log' || store === 'database')) seen['durable record in a durable log or database']!++;
        if (DURABLE_LIFETIMES.has(item.lifetime) && item.kind === 'derived' && store.startsWith('in-process-') && store !== 'in-process-copy') seen['derived durable item in instance memory']!++;
      }
    }), { numRuns: RUNS, examples: [[MATCHER]] });
    for (const [what, n] of Object.entries(seen)) expect(n, `inputs where "${what}"`).toBeGreaterThan(0);
  });
});

/** The order-book case: rare in random documents, so every run includes it. */
const MATCHER: RequirementsInput = {
  service: 'matcher', traffic: { peakRps: 80_000, concurrentSessions: 5000, sessionMinutes: 480 }, latency: { p99Ms: 10 },
  failure: { availability: 99.99, deploysPerDay: 0.1, rpoSeconds: 0, sessionLoss: 'unacceptable' },
  context: { memory: 'durable', sharedState: 'collaborative' }, constraints: { ops: 'high', stores: ['kafka', 'postgres'], instance: { rps: 50_000 } },
  state: [
    { name: 'order-book', kind: 'derived', owner: 'shared', owners: 500, lifetime: 'days', sizeKb: 2048, writeKb: 0.2, writesPerMinute: 9000, hotPath: true, consistency: 'strong', lossImpact: 'critical', sensitivity: 'internal', fanout: 20 },
    { name: 'trade-journal', kind: 'record', owner: 'shared', owners: 500, lifetime: 'forever', sizeKb: 0.2, writesPerMinute: 9000, consistency: 'strong', lossImpact: 'critical', sensitivity: 'internal' },
  ],
};
