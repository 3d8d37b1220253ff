import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { BriefRecommendationSchema, briefOf } from '../../../rules/contract/brief.ts';
import * as tipping from '../../../rules/engine/tipping.ts';
import * as explain from '../../../rules/engine/explain-placement.ts';
import * as summary from '../../../rules/engine/summary.ts';
import * as digest from '../../../rules/contract/digest.ts';
import { requirementsArb } from '../../support/arbitraries.ts';
import { builtinEngine, requirementsFromText, requirementsOf } from '../../support/engine.ts';
import { ROOT } from '../../support/http.ts';

// Spies on the work a brief answer must skip: the tipping-point search, the placements' sentences, the summary, the digest.
vi.mock('../../../rules/engine/tipping.ts', async (original) => {
  const mod = await original<typeof import('../../../rules/engine/tipping.ts')>();
  return { ...mod, tippingPoints: vi.fn(mod.tippingPoints) };
});
vi.mock('../../../rules/engine/explain-placement.ts', async (original) => {
  const mod = await original<typeof import('../../../rules/engine/explain-placement.ts')>();
  return { ...mod, placementOf: vi.fn(mod.placementOf) };
});
vi.mock('../../../rules/engine/summary.ts', async (original) => {
  const mod = await original<typeof import('../../../rules/engine/summary.ts')>();
  return { ...mod, summarize: vi.fn(mod.summarize) };
});
vi.mock('../../../rules/contract/digest.ts', async (original) => {
  const mod = await original<typeof import('../../../rules/contract/digest.ts')>();
  return { ...mod, inputDigest: vi.fn(mod.inputDigest) };
});

const engine = builtinEngine();
const TODAY = '2026-11-26';
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.statewise.yaml')).sort();
const spies = [tipping.tippingPoints, explain.placementOf, summary.summarize, digest.inputDigest] as unknown as Array<ReturnType<typeof vi.fn>>;

/** The brief and the full answer for the same input, checked against each other. */
function agree(req: ReturnType<typeof requirementsOf>, label: string): void {
  const full = engine.advise(req, { today: TODAY });
  const brief = engine.advise(req, { today: TODAY, detail: 'brief' });
  expect(BriefRecommendationSchema.safeParse(brief).success, label).toBe(true);
  // Field by field the projection of the full answer, confidence aside (the brief's comes from the scores alone) …
  expect(JSON.stringify(brief), label).toBe(JSON.stringify(briefOf(full, brief.confidence)));
  // … which the full answer only ever lowers, and leaves alone when no tipping point exists.
  expect(brief.confidence, label).toBeGreaterThanOrEqual(full.confidence);
  if (full.tippingPoints.length === 0) expect(brief.confidence, label).toBe(full.confidence);
  // Counted here from the full list, independently of briefOf.
  expect(brief.risks.high, label).toBe(full.risks.filter((r) => r.severity === 'high').length);
}

describe('the brief answer', () => {
  it(`agrees with the full answer on every example (${EXAMPLES.length})`, () => {
    for (const file of EXAMPLES) agree(requirementsFromText(readFileSync(join(ROOT, 'examples', file), 'utf8')), file);
  });

  it('agrees on generated documents', () => {
    fc.assert(fc.property(requirementsArb(), (doc) => { agree(requirementsOf(doc), JSON.stringify(doc)); }), { numRuns: 60 });
  });

  it('skips the tipping-point search, every sentence and the digest, which the full answer does', () => {
    const req = requirementsFromText(readFileSync(join(ROOT, 'examples', 'online-shop.statewise.yaml'), 'utf8'));
    for (const s of spies) s.mockClear();
    const brief = engine.advise(req, { detail: 'brief' });
    expect(spies.map((s) => s.mock.calls.length)).toEqual([0, 0, 0, 0]);
    const full = engine.advise(req);
    expect(spies.map((s) => s.mock.calls.length > 0)).toEqual([true, true, true, true]);
    // Not a lesser answer about different state: the same placements, at a fraction of the bytes.
    expect(brief.placements.map((p) => `${p.state}:${p.store}`)).toEqual(full.placements.map((p) => `${p.state}:${p.store}`));
    expect(JSON.stringify(brief).length * 5).toBeLessThan(JSON.stringify(full).length);
  });

  it('counts open risks only: an accepted risk leaves the count', () => {
    const req = requirementsFromText(readFileSync(join(ROOT, 'examples', 'code-sandbox.statewise.yaml'), 'utf8'));
    const full = engine.advise(req, { today: TODAY });
    const risk = full.risks[0];
    if (!risk) throw new Error('the example has no open risk to accept');
    const accepting = { ...req, accept: [...(req.accept ?? []), { risk: risk.id, reason: 'the team lives with it', until: '2099-01-01' }] };
    const before = engine.advise(req, { today: TODAY, detail: 'brief' }).risks;
    const after = engine.advise(accepting, { today: TODAY, detail: 'brief' }).risks;
    expect(after[risk.severity]).toBe(before[risk.severity] - 1);
  });
});
