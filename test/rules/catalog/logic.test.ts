import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionSatisfiable, equivalent, implies } from '../../../rules/catalog/logic.ts';
import type { Condition } from '../../../rules/catalog/schema.ts';
import { buildContext } from '../../../rules/engine/context.ts';
import { requirementsArb } from '../../support/arbitraries.ts';
import { catalogFrom, requirementsOf } from '../../support/engine.ts';
import { runs } from '../../support/property.ts';

const c = (x: Condition) => x;

describe('the condition logic behind rules lint', () => {
  it('finds contradictions per fact type, domain and whole numbers', () => {
    expect(conditionSatisfiable(c({ all: [{ fact: 'traffic.peakRps', gte: 5 }, { fact: 'traffic.peakRps', lt: 3 }] }))).toBe(false);
    expect(conditionSatisfiable(c({ all: [{ fact: 'traffic.peakRps', gte: 3 }, { fact: 'traffic.peakRps', lte: 3 }] }))).toBe(true);
    expect(conditionSatisfiable(c({ fact: 'traffic.regions', gt: 1, lt: 2 }))).toBe(false);
    expect(conditionSatisfiable(c({ fact: 'traffic.sessionMinutes', gt: 1, lt: 2 }))).toBe(true);
    expect(conditionSatisfiable(c({ fact: 'traffic.regions', lt: 1 }))).toBe(false);
    expect(conditionSatisfiable(c({ fact: 'failure.availability', gte: 100 }))).toBe(false);
    expect(conditionSatisfiable(c({ fact: 'context.memory', in: ['none', 'request'], ne: 'none', notIn: ['request'] }))).toBe(false);
    expect(conditionSatisfiable(c({ all: [{ fact: 'constraints.stores', includes: 'redis' }, { fact: 'constraints.stores', excludes: 'redis' }] }))).toBe(false);
    expect(conditionSatisfiable(c({ all: [{ fact: 'derived.operatesLog', eq: true }, { fact: 'constraints.stores', excludes: 'kafka' }] }))).toBe(false);
    expect(conditionSatisfiable(c({ not: { any: [{ fact: 'traffic.spiky', eq: true }, { fact: 'traffic.spiky', eq: false }] } }))).toBe(false);
  });

  it('knows that scope is a function of lifetime', () => {
    const session = c({ fact: 'state[].scope', eq: 'session' });
    expect(equivalent(session, c({ fact: 'state[].lifetime', in: ['minutes', 'hours'] }))).toBe(true);
    expect(implies(c({ fact: 'state[].lifetime', eq: 'days' }), c({ fact: 'state[].scope', eq: 'durable' }))).toBe(true);
    expect(conditionSatisfiable(c({ all: [session, { fact: 'state[].lifetime', eq: 'forever' }] }))).toBe(false);
  });

  it('decides implication and equivalence', () => {
    expect(implies(c({ fact: 'state[].sizeKb', gte: 8 }), c({ fact: 'state[].sizeKb', gt: 4 }))).toBe(true);
    expect(implies(c({ fact: 'state[].sizeKb', gte: 4 }), c({ fact: 'state[].sizeKb', gt: 4 }))).toBe(false);
    expect(implies(undefined, c({ fact: 'state[].sizeKb', gt: 4 }))).toBe(false);
    expect(implies(c({ fact: 'state[].sizeKb', gt: 4 }), undefined)).toBe(true);
    expect(equivalent(c({ fact: 'state[].lossImpact', in: ['costly', 'critical'] }),
      c({ any: [{ fact: 'state[].lossImpact', eq: 'critical' }, { fact: 'state[].lossImpact', eq: 'costly' }] }))).toBe(true);
    expect(equivalent(c({ fact: 'traffic.peakRps', gte: 5000 }), c({ not: { fact: 'traffic.peakRps', lt: 5000 } }))).toBe(true);
  });

  it('is sound on the built-in catalogue: when lint says rule A implies rule B, B holds whenever A does', () => {
    const catalog = catalogFrom();
    const itemRules = [...catalog.gates, ...catalog.placement];
    const pairs = itemRules.flatMap((a) => itemRules.filter((b) => a !== b && implies(a.rule.when, b.rule.when)).map((b) => [a, b] as const));
    const servicePairs = catalog.service.flatMap((a) => catalog.service.filter((b) => a !== b && implies(a.rule.when, b.rule.when)).map((b) => [a, b] as const));
    // The catalogue has such pairs (svc.very-high-traffic ⇒ svc.high-traffic), so the property is not vacuous.
    expect(servicePairs.some(([a, b]) => a.id === 'svc.very-high-traffic' && b.id === 'svc.high-traffic')).toBe(true);
    expect(pairs.length).toBeGreaterThan(0);
    fc.assert(fc.property(requirementsArb({ maxItems: 6 }), (input) => {
      const ctx = buildContext(requirementsOf(input));
      for (const [a, b] of servicePairs) if (a.test(ctx, undefined, undefined)) expect(b.test(ctx, undefined, undefined), `${a.id} ⇒ ${b.id}`).toBe(true);
      for (const item of ctx.items) {
        for (const [a, b] of pairs) if (a.test(ctx, item, undefined)) expect(b.test(ctx, item, undefined), `${a.id} ⇒ ${b.id} for ${item.name}`).toBe(true);
      }
    }), { numRuns: runs(60, 200) });
  });
});
