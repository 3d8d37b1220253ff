import { describe, expect, it } from 'vitest';
import { flowchart } from '../../../rules/index.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';

/** n items; every 4th from the first of each group of 4 is request-only, the rest are durable records. */
const input = (n: number, extra: Record<string, unknown> = {}) => ({
  service: 'many', traffic: { peakRps: 200 },
  state: Array.from({ length: n }, (_, i) => ({ name: `item-${i}`, lifetime: i % 4 === 2 ? 'request' : 'days', sizeKb: 2, lossImpact: 'costly', ...extra })),
});
const engine = builtinEngine();
const advise = (data: unknown) => engine.advise(requirementsOf(data), { today: '2026-11-26' });

describe('big inputs stay legible (issue 29)', () => {
  it('the summary counts a store\'s items beyond 5 and names them up to 5', () => {
    // 61 items: 15 of them (i % 4 === 2) request-only, 46 in the database.
    expect(advise(input(61)).summary).toContain('with 46 items in the database.');
    // 6 items: 1 request-only, 5 in the database, all five named.
    expect(advise(input(6)).summary).toContain('with item-0, item-1, item-3, item-4, item-5 in the database.');
  });

  it('a diagram edge counts its items beyond 5, while a handful are named', () => {
    const big = flowchart(advise(input(61)));
    expect(big).toContain('stateless -->|"46 items"| store_database');
    expect(big).toContain('stateless -.-|"15 items"| store_none');
    const small = flowchart(advise(input(4)));
    expect(small).toContain('stateless -->|"item-0, item-1, item-3"| store_database');
  });

  it('an edge that counts still names the items failing a check, and counts them past 3', () => {
    const rec = advise(input(61));
    // Mark checks failed by hand: the renderer's job is to show them, whatever the engine found.
    const failAt = (names: string[]) => ({
      ...rec,
      placements: rec.placements.map((p) => (names.includes(p.state) ? { ...p, checks: [{ ...p.checks[0]!, passed: false }] } : p)),
    });
    expect(rec.placements.find((p) => p.state === 'item-5')!.checks.length).toBeGreaterThan(0);
    expect(flowchart(failAt(['item-5', 'item-9']))).toContain('stateless -->|"46 items incl. ⚠ item-5, ⚠ item-9"| store_database');
    expect(flowchart(failAt(['item-0', 'item-1', 'item-3', 'item-4']))).toContain('stateless -->|"46 items incl. ⚠ 4 failing"| store_database');
  });
});
