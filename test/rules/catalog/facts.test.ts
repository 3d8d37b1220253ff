import { describe, expect, it } from 'vitest';
import { FACTS, getterGaps } from '../../../rules/catalog/facts.ts';
import { buildContext } from '../../../rules/engine/context.ts';
import { requirementsOf } from '../../support/engine.ts';
import { PERSONAL_TOKEN } from '../../support/situations.ts';

describe('fact readers', () => {
  it('every contract fact has its own spelled-out reader, and no reader names a fact the contract lacks', () => {
    expect(getterGaps()).toEqual({ generic: [], unknown: [] });
  });

  it('each reader returns the field it names (checked against a generic read of the same path)', () => {
    const ctx = buildContext(requirementsOf(PERSONAL_TOKEN));
    const item = ctx.items[0]!;
    for (const fact of FACTS.values()) {
      if (fact.phase !== 'input') continue;
      const [head, key] = fact.path.split('.') as [string, string];
      const got = fact.get(ctx, item, undefined);
      // Contract facts that read the engine's figure (given, or its default) are checked against that figure.
      if (fact.path === 'traffic.concurrentSessions' || head === 'derived') continue;
      if (fact.path === 'traffic.source') { expect(got).toBe(ctx.derived.source); continue; }
      const expected = head === 'state[]'
        ? (item as unknown as Record<string, unknown>)[key]
        : fact.path.startsWith('constraints.instance.')
          ? (ctx.req.constraints.instance as unknown as Record<string, unknown>)[fact.path.split('.')[2]!]
          : (ctx.req as unknown as Record<string, Record<string, unknown>>)[head]![key];
      expect(got, fact.path).toEqual(expected);
    }
    expect(FACTS.get('traffic.concurrentSessions')!.get(ctx, item, undefined)).toBe(ctx.derived.concurrentSessions);
  });
});
