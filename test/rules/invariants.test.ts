import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { parseRequirements, type Recommendation, type Requirements } from '../../rules/index.ts';
import type { RequirementsInput } from '../../rules/contract/requirements.ts';
import { DEPLOYS_MAX, PEAK_RPS_MAX, REGIONS_MAX, reordered, requirementsArb } from '../support/arbitraries.ts';
import { builtinEngine, requirementsOf } from '../support/engine.ts';
import { answerViolations } from '../support/invariants.ts';
import { runs } from '../support/property.ts';
import { PERSONAL_TOKEN, situations, SITUATIONS } from '../support/situations.ts';

/**
 * docs/design.md's invariants 1–9 as fast-check properties over generated valid requirements.
 * The per-answer invariants (1–6, 9, schema, confidence, gates, rendered text) run on MAIN_RUNS inputs: a few hundred
 * in `npm test`, 5,000 in `npm run test:system` (dense), which also runs invariants-dense.system.test.ts (5,000 with
 * 5–12 state items). Invariants 7 and 8 need two or more evaluations per input and run fewer.
 * Every run starts from a fresh seed (STATEWISE_SEED, printed at the start and in a failure's report), so runs
 * explore new inputs and a failure replays.
 */
const MAIN_RUNS = runs(400, 5_000);

const engine = builtinEngine();

/**
 * Strips what reordering state items may change: the placements' order (and the failure table's, which follows it), and the positions in the pointers of
 * defaultsApplied (`/state/3/…` names the item by where the team listed it), which become the items' names.
 */
const byName = (rec: Recommendation, req: Requirements): Recommendation => ({
  ...rec,
  placements: [...rec.placements].sort((a, b) => (a.state < b.state ? -1 : a.state > b.state ? 1 : 0)),
  // The failure table follows the placements' order; within an item its rows keep FAILURE_KINDS order (a stable sort).
  failures: [...rec.failures].sort((a, b) => (a.state < b.state ? -1 : a.state > b.state ? 1 : 0)),
  defaultsApplied: rec.defaultsApplied?.map((d) => ({ ...d, pointer: d.pointer.replace(/^\/state\/(\d+)/, (_, i: string) => `/state/${req.state[Number(i)]!.name}`) }))
    .sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0)),
});

describe('invariants over generated requirements', () => {
  it(`1–6 and 9 hold, and every answer is well-formed, for ${MAIN_RUNS} valid inputs`, () => {
    const seen = new Map<string, number>();
    fc.assert(fc.property(requirementsArb(), (data) => {
      const req = requirementsOf(data);
      const rec = engine.advise(req);
      const problems = answerViolations(engine, req, rec);
      if (problems.length) throw new Error(`${problems.join('\n')}\nverdict ${rec.verdict}`);
      for (const s of situations(req, rec)) seen.set(s, (seen.get(s) ?? 0) + 1);
    }), { numRuns: MAIN_RUNS, examples: [[PERSONAL_TOKEN]] });
    // Every invariant's precondition occurred, so none of them held vacuously.
    for (const s of SITUATIONS) expect(seen.get(s) ?? 0, `inputs where "${s}"`).toBeGreaterThan(0);
  }, 300_000);

  it('7: the same input gives byte-identical JSON, twice and from a fresh engine, from data or from YAML text', () => {
    const fresh = builtinEngine();
    fc.assert(fc.property(requirementsArb(), (data) => {
      const req = requirementsOf(data);
      const first = JSON.stringify(engine.advise(req));
      expect(JSON.stringify(engine.advise(requirementsOf(data)))).toBe(first);
      expect(JSON.stringify(fresh.advise(req))).toBe(first);
      const fromText = parseRequirements(stringify(data));
      expect(fromText.ok).toBe(true);
      if (fromText.ok) expect(JSON.stringify(engine.advise(fromText.value))).toBe(first);
    }), { numRuns: runs(40, 150) });
  }, 120_000);

  it('7: reordering keys and state items changes nothing but the order of placements', () => {
    fc.assert(fc.property(requirementsArb(), fc.integer(), (data, seed) => {
      const [before, after] = [requirementsOf(data), requirementsOf(reordered(data, seed))];
      const original = engine.advise(before);
      const shuffled = engine.advise(after);
      expect(shuffled.inputDigest).toBe(original.inputDigest);
      expect(JSON.stringify(byName(shuffled, after))).toBe(JSON.stringify(byName(original, before)));
    }), { numRuns: runs(80, 300) });
  }, 120_000);

  const teamChat = parse(readFileSync(new URL('../../examples/team-chat.statewise.yaml', import.meta.url), 'utf8')) as RequirementsInput;
  const LOWERED_BY_EVERY_RAISE = { data: teamChat, peakRps: 200_000, regions: 6, deploysPerDay: 30 };

  it('8: raising peakRps, regions or deploysPerDay never raises the stateful score, except through a named feasibility check', () => {
    const lowered = new Set<string>();
    let throughChecks = 0;
    const raise = (from: number, max: number, integer: boolean) =>
      fc.double({ min: 0, max: 1, noNaN: true }).map((t) => {
        const v = from + (max - from) * t * t;
        return integer ? Math.min(max, Math.ceil(v)) : v;
      });
    fc.assert(fc.property(requirementsArb().chain((data) => {
      const req = requirementsOf(data);
      return fc.record({
        data: fc.constant(data),
        peakRps: raise(req.traffic.peakRps, PEAK_RPS_MAX, false),
        regions: raise(req.traffic.regions, REGIONS_MAX, true),
        deploysPerDay: raise(req.failure.deploysPerDay, DEPLOYS_MAX, false),
      });
    }), ({ data, peakRps, regions, deploysPerDay }) => {
      const base = engine.advise(requirementsOf(data));
      const before = base.scores.stateful;
      // (`lowered` proves the raises reach rules that matter; otherwise the property would hold trivially.)
      const variants = {
        peakRps: { ...data, traffic: { ...data.traffic, peakRps } },
        regions: { ...data, traffic: { ...data.traffic, regions } },
        deploysPerDay: { ...data, failure: { ...data.failure, deploysPerDay } },
      };
      for (const [input, variant] of Object.entries(variants)) {
        const answer = engine.advise(requirementsOf(variant));
        const after = answer.scores.stateful;
        if (after > before) {
          // Allowed only when a check moved it: some plan's feasibility changed, and the answers name the checks.
          const moved = (['stateless', 'stateful', 'hybrid'] as const).filter((v) => base.plans[v].feasible !== answer.plans[v].feasible);
          const named = moved.every((v) => [...base.plans[v].blockers, ...answer.plans[v].blockers].some((b) => b.check.startsWith('check.')));
          if (moved.length === 0 || !named) throw new Error(`raising ${input} raised the stateful score from ${before} to ${after} through a weight`);
          throughChecks++;
        }
        if (after < before) lowered.add(input);
      }
    }), { numRuns: runs(100, 250), examples: [[LOWERED_BY_EVERY_RAISE]] });
    // Generated inputs reach the rules of all three raises in most runs, but not in every one: the stateful score is
    // often already clamped at 0, where a lowering cannot show (one dense seed in a few never lowered it through
    // deploysPerDay). So one known document is always tried too: team-chat (stateful 93) raised past the deploy,
    // traffic and region thresholds. The fast suite's hundred random inputs must still reach at least one raise.
    if (process.env.STATEWISE_DENSE === '1') expect([...lowered].sort()).toEqual(['deploysPerDay', 'peakRps', 'regions']);
    else expect(lowered.size).toBeGreaterThan(0);
    expect(throughChecks).toBeGreaterThanOrEqual(0);
  }, 120_000);
});
