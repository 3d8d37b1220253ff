import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinEngine, requirementsOf } from '../support/engine.ts';
import { expectScenario, type ScenarioCase } from '../support/scenario.ts';

/**
 * The physics scenarios (test/fixtures/physics-cases.yaml): services where sizes, rates and latency budgets decide.
 * Each gets a verdict in `expect`, each listed item a store in `place`, and `feasible` as stated; every answer keeps
 * every invariant (its own figures never refute its placements).
 */
type PhysicsCase = ScenarioCase;

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
    expectScenario(engine, c);
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
