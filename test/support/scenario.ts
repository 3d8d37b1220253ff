import { expect } from 'vitest';
import type { Engine } from '../../rules/index.ts';
import { requirementsOf } from './engine.ts';
import { answerViolations } from './invariants.ts';

/** One public scenario: acceptable verdicts, feasibility, acceptable stores per item, and the input. */
export interface ScenarioCase { id: string; why: string; expect?: string[]; feasible?: boolean; place?: Record<string, string[]>; input: unknown }

/** Advises a scenario and checks its verdict, feasibility and placements, and that the answer keeps every invariant. */
export function expectScenario(engine: Engine, c: ScenarioCase): void {
  const req = requirementsOf(c.input);
  const rec = engine.advise(req);
  if (c.expect) expect(c.expect, `verdict of ${c.id}: ${rec.summary}`).toContain(rec.verdict);
  if (c.feasible !== undefined) expect(rec.feasible, `${c.id}: ${rec.summary}`).toBe(c.feasible);
  for (const [item, stores] of Object.entries(c.place ?? {})) {
    const placement = rec.placements.find((p) => p.state === item);
    expect(placement, `${c.id} places ${item}`).toBeDefined();
    expect(stores, `${c.id}: ${item} in ${placement?.store} because ${placement?.why.join(' | ')}`).toContain(placement!.store);
  }
  expect(answerViolations(engine, req, rec)).toEqual([]);
}
