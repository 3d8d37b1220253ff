import { describe, expect, it } from 'vitest';
import { renderReview, type RequirementsInput } from '../../../rules/index.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';

/**
 * "Considered options" says why each option lost the way the engine ranks them: a plan that passes every check
 * beats one that does not whatever the scores, a plan that cannot be built is not a score gap, and only between
 * plans that both pass do points decide. Each case is built so the reason is known before it is rendered.
 */
const engine = builtinEngine();

function optionsOf(data: RequirementsInput) {
  const req = requirementsOf(data);
  const rec = engine.advise(req);
  const markdown = renderReview({ requirements: req, recommendation: rec, date: '2026-12-08' });
  const start = markdown.indexOf('## Considered options');
  const section = markdown.slice(start, markdown.indexOf('\n## ', start + 3));
  const outcome = (v: string) => new RegExp(`^\\| ${v} \\| \\d+ \\| (.*) \\|$`, 'm').exec(section)?.[1];
  const whyNot = (v: string) => section.slice(section.indexOf(`### Why not ${v}`)).split('\n### ')[0]!;
  return { rec, section, outcome, whyNot };
}

describe('review: considered options', () => {
  it('an option that fails a check lost to one that passes, whatever the points; one that cannot be built says so', () => {
    // A 3,000 KB cart cannot live in a 2 MB instance (check.memory), so the stateful plan fails; with one
    // session item there is nothing to split, so the hybrid plan cannot be built.
    const { rec, outcome, whyNot } = optionsOf({ service: 'a', context: { memory: 'session' }, traffic: { peakRps: 100 }, constraints: { instance: { memoryMb: 2 } }, state: [{ name: 'cart', sizeKb: 3000, writesPerMinute: 1 }] });
    expect(rec.verdict).toBe('stateless');
    expect(rec.plans.stateful.blockers.map((b) => b.check)).toEqual(['check.memory']);
    expect(outcome('stateless')).toBe('chosen');
    expect(outcome('stateful')).toBe('not chosen: fails a feasibility check, stateless passes every one');
    expect(outcome('hybrid')).toBe('not chosen: not possible');
    expect(whyNot('stateful')).toContain('- It fails 1 feasibility check (see "Feasibility and cost"), while stateless passes every check.');
    expect(whyNot('hybrid')).toContain('- It cannot be built: 1 session-scoped item: a split needs at least one on each side.');
  });

  it('between two plans that pass, the gap in points, computed from the scores', () => {
    const { rec, outcome, whyNot } = optionsOf({ service: 'a', context: { memory: 'session' }, traffic: { peakRps: 100 }, constraints: { instance: { memoryMb: 2 } }, state: [{ name: 'cart', sizeKb: 3000, writesPerMinute: 1 }, { name: 'draft', sizeKb: 1, writesPerMinute: 1 }] });
    expect(rec.verdict).toBe('hybrid');
    expect(rec.plans.stateless.feasible).toBe(true);
    const gap = rec.scores.hybrid - rec.scores.stateless;
    expect(gap).toBeGreaterThan(0);
    expect(outcome('stateless')).toBe(`not chosen: ${gap} point${gap === 1 ? '' : 's'} behind hybrid`);
    expect(whyNot('stateless')).not.toContain('feasibility check');
  });

  it('when no plan passes, no option "lost by 0 points": the chosen one ranks first among failing plans', () => {
    // The gateway of the tipping tests: a 4 MB critical reference table read on each of 60,000 requests/s within
    // 20 ms fails every store left to it; every score is clamped to 0.
    const { rec, section, outcome, whyNot } = optionsOf({
      service: 'gw', context: { memory: 'session' }, traffic: { peakRps: 60_000 }, latency: { p99Ms: 20 }, constraints: { stores: ['redis', 'postgres'] },
      state: [
        { name: 'bucket', owner: 'user', owners: 40_000, lifetime: 'minutes', sizeKb: 0.1, writesPerMinute: 90, consistency: 'strong', hotPath: true },
        { name: 'quota', owner: 'global', kind: 'reference', lifetime: 'forever', sizeKb: 4000, writesPerMinute: 0.1, lossImpact: 'critical', hotPath: true },
      ],
    });
    expect(rec.feasible).toBe(false);
    expect(rec.scores).toEqual({ stateless: 0, stateful: 0, hybrid: 0 });
    expect(section).not.toContain('points behind');
    expect(outcome('stateful')).toBe(`not chosen: no plan passes every check, and ${rec.verdict} ranks first among them (fewest failing placements, then the smallest overshoot, then the score)`);
    expect(whyNot('stateful')).toContain(`feasibility checks (see "Feasibility and cost"), like every plan here; among them ${rec.verdict} ranks first.`);
    expect(outcome('hybrid')).toBe('not chosen: not possible');
  });
});
