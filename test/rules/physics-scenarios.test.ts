import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinEngine, requirementsOf } from '../support/engine.ts';
import { answerViolations } from '../support/invariants.ts';

/**
 * The physics scenarios (test/fixtures/physics-cases.yaml): services where sizes, rates and latency budgets decide.
 * Each gets a verdict in `expect`, each listed item a store in `place`, and `feasible` as stated; every answer keeps
 * every invariant (its own figures never refute its placements).
 */
interface PhysicsCase { id: string; why: string; expect?: string[]; feasible?: boolean; place?: Record<string, string[]>; input: unknown }

const cases = parse(readFileSync(new URL('../fixtures/physics-cases.yaml', import.meta.url), 'utf8')) as PhysicsCase[];
const engine = builtinEngine();

describe('physics scenarios', () => {
  it('the fixture holds the eight public cases', () => {
    expect(cases.map((c) => c.id)).toEqual([
      'geoip-lookup', 'session-under-tight-budget', 'frequency-capping', 'sandbox-sessions', 'telemetry-firehose',
      'live-spreadsheet', 'sub-millisecond-gateway', 'big-value-in-cache',
    ]);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
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
  });

  it('the infeasible case names its binding checks and what would make a plan pass', () => {
    const c = cases.find((x) => x.id === 'sub-millisecond-gateway')!;
    const rec = engine.advise(requirementsOf(c.input));
    const blockers = rec.plans[rec.verdict].blockers;
    expect(blockers.map((b) => b.check)).toContain('check.latency');
    expect(rec.tippingPoints.some((t) => t.feasible && t.input === 'latency.p99Ms')).toBe(true);
    expect(rec.summary).toMatch(/^NOT FEASIBLE: no plan for order-gateway passes every feasibility check/);
    // Its verdict is only the least-failing plan: never reported with more than 50% confidence.
    expect(rec.confidence).toBeLessThanOrEqual(0.5);
    expect(rec.summary).toMatch(new RegExp(`\\(confidence ${Math.round(rec.confidence * 100)}%\\)\\.$`));
  });
});
