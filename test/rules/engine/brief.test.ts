import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BriefRecommendationSchema, briefOf } from '../../../rules/contract/brief.ts';
import { createEngine, sha256Hex } from '../../../rules/index.ts';
import { requirementsArb } from '../../support/arbitraries.ts';
import { builtinEngine, catalogFrom, requirementsFromText, requirementsOf } from '../../support/engine.ts';
import { ROOT } from '../../support/http.ts';

const engine = builtinEngine();
const TODAY = '2026-11-26';
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.statewise.yaml')).sort();

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

  it('skips the tipping-point search, every rule sentence and the digest, which the full answer does', () => {
    // A catalogue of its own whose rules count what they are asked: a service rule's test runs once per evaluation
    // (the tipping-point search re-evaluates dozens of times), and `because` builds a rule's sentence.
    const catalog = catalogFrom();
    const counts = { tests: 0, sentences: 0, digests: 0 };
    type Rule = { test: (...a: never[]) => boolean; because: (...a: never[]) => string };
    for (const rule of catalog.service as unknown as Rule[]) {
      const test = rule.test;
      rule.test = (...a) => { counts.tests++; return test(...a); };
    }
    for (const rule of [...catalog.service, ...catalog.placement, ...catalog.gates] as unknown as Rule[]) {
      const because = rule.because;
      rule.because = (...a) => { counts.sentences++; return because(...a); };
    }
    const counted = createEngine(catalog, { sha256: (t) => { counts.digests++; return sha256Hex(t); } });
    const req = requirementsFromText(readFileSync(join(ROOT, 'examples', 'online-shop.statewise.yaml'), 'utf8'));
    const brief = counted.advise(req, { detail: 'brief' });
    expect(counts).toEqual({ tests: catalog.service.length, sentences: 0, digests: 0 });
    const full = counted.advise(req);
    expect(counts.tests).toBeGreaterThan(5 * catalog.service.length);
    expect(counts.sentences).toBeGreaterThan(0);
    expect(counts.digests).toBe(1);
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
