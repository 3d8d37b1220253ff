import { describe, expect, it } from 'vitest';
import {
  BUILTIN_CATALOG, compareProvenance, createEngine, describeChanges, loadCatalog, parseReviewProvenance, parseRequirements, provenanceOf, renderReview,
} from '../../rules/index.ts';
import { driftDiagnostic, missingSourceDiagnostic, staleProvenanceDiagnostic } from '../../extension/src/drift.ts';
import { relativeSource, reviewFileName } from '../../adapters/index.ts';
import { adviseExample, exampleRequirements } from '../support/extension.ts';

describe('drift check diagnostics', () => {
  const requirements = exampleRequirements();
  const review = renderReview({ requirements, recommendation: adviseExample(), date: '2026-11-26', source: 'shop.statewise.yaml' });

  it('flags a stale review on its statewise: front-matter line with what changed', () => {
    const prov = parseReviewProvenance(review);
    if (!prov.ok) throw new Error('review provenance');
    // The team doubles the cart's size: the input digest (at least) changes.
    const changedReq = parseRequirements(JSON.stringify({ ...requirements, state: requirements.state.map((s) => (s.name === 'cart' ? { ...s, sizeKb: 10 } : s)) }));
    if (!changedReq.ok) throw new Error('changed requirements');
    const catalog = loadCatalog(BUILTIN_CATALOG);
    if (!catalog.ok) throw new Error('catalogue');
    const changes = compareProvenance(prov.value, provenanceOf(createEngine(catalog.value).advise(changedReq.value, { today: '2026-11-26' }), 'shop.statewise.yaml'));
    expect(changes.changed).toBe(true);
    const d = driftDiagnostic(review, 'shop.statewise.yaml', describeChanges(changes));
    const line = review.split('\n')[d.range.startLine];
    expect(line).toBe('statewise:');
    expect(d.code).toBe('review_drift');
    expect(d.message).toMatch(/^design review is out of date for shop\.statewise\.yaml: .*requirements changed: input digest sha256:[0-9a-f]{12} → sha256:[0-9a-f]{12}/);
    expect(d.message).toMatch(/Regenerate it with "Statewise: Generate Design Review"\.$/);
  });

  it('lists at most three changes', () => {
    const d = driftDiagnostic(review, undefined, ['a', 'b', 'c', 'd', 'e']);
    expect(d.message).toBe('design review is out of date: a; b; c; and 2 more. Regenerate it with "Statewise: Generate Design Review".');
  });

  it('a change of inputs that leaves the answer as it was is information on the same line, as `statewise check` notes it', () => {
    const prov = parseReviewProvenance(review);
    if (!prov.ok) throw new Error('review provenance');
    // A tenth of a KB more for the cart: the digest moves, the verdict, placements and risks stay (asserted first,
    // so that this test cannot quietly turn into the drift case above).
    const nudged = parseRequirements(JSON.stringify({ ...requirements, state: requirements.state.map((s) => (s.name === 'cart' ? { ...s, sizeKb: (s.sizeKb ?? 1) + 0.1 } : s)) }));
    if (!nudged.ok) throw new Error('nudged requirements');
    const catalog = loadCatalog(BUILTIN_CATALOG);
    if (!catalog.ok) throw new Error('catalogue');
    const now = createEngine(catalog.value).advise(nudged.value, { today: '2026-11-26' });
    const changes = compareProvenance(prov.value, provenanceOf(now, 'shop.statewise.yaml'));
    expect(changes.changed).toBe(true);
    expect(changes.answerChanged).toBe(false);
    const d = staleProvenanceDiagnostic(review, 'shop.statewise.yaml', now.verdict, describeChanges(changes));
    expect(review.split('\n')[d.range.startLine]).toBe('statewise:');
    expect(d.severity).toBe('information');
    expect(d.code).toBe('review_provenance');
    expect(d.message).toMatch(new RegExp(`^design review still gives the same answer \\(${now.verdict}\\) for shop\\.statewise\\.yaml, but its inputs changed: .*input digest`));
    expect(d.message).toMatch(/Regenerate it when convenient to refresh its provenance\.$/);
  });

  it('points a missing source at the source: line', () => {
    const d = missingSourceDiagnostic(review, 'shop-frontend', 'shop.statewise.yaml');
    expect(review.split('\n')[d.range.startLine]).toBe('  source: shop.statewise.yaml');
    expect(d.message).toBe('requirements file shop.statewise.yaml (the review\'s source) does not exist');
    expect(missingSourceDiagnostic(review, 'shop-frontend', undefined).message).toBe('no requirements file for service "shop-frontend" in the workspace');
  });
});

describe('review paths', () => {
  it('names reviews after the service, as statewise review does', () => {
    expect(reviewFileName('shop-frontend')).toBe('shop-frontend.md');
  });

  it('records sources workspace-relative with forward slashes', () => {
    expect(relativeSource('/w', '/w/svc/a.statewise.yaml')).toBe('svc/a.statewise.yaml');
    expect(relativeSource('/w/', '/w/a.statewise.yaml')).toBe('a.statewise.yaml');
    expect(relativeSource('C:\\w', 'C:\\w\\svc\\a.statewise.yaml')).toBe('svc/a.statewise.yaml');
    expect(relativeSource('/w', '/elsewhere/a.statewise.yaml')).toBeUndefined();
    expect(relativeSource('/w', '/wx/a.statewise.yaml')).toBeUndefined();
    expect(relativeSource(undefined, '/w/a.statewise.yaml')).toBeUndefined();
  });
});
