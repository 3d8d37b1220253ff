import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareProvenance, describeChanges, parseReviewProvenance, provenanceOf, renderReview, splitChanges, STORES, VERDICTS } from '../../../rules/index.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';

const engine = builtinEngine();
const data = {
  service: 'names', traffic: { peakRps: 10 },
  state: ['null', 'true', '1', 'yes', '0x1f', 'on'].map((name) => ({ name, lifetime: 'minutes' })),
};

function review(input: unknown = data, date = '2026-11-26'): string {
  const requirements = requirementsOf(input);
  return renderReview({ requirements, recommendation: engine.advise(requirements), date });
}

describe('parseReviewProvenance', () => {
  it('reads state names YAML would otherwise turn into null, booleans or numbers back as strings', () => {
    const parsed = parseReviewProvenance(review());
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(Object.keys(parsed.value.placements).sort()).toEqual(['0x1f', '1', 'null', 'on', 'true', 'yes']);
  });

  it('accepts CRLF line endings and a BOM (a checkout with autocrlf)', () => {
    const parsed = parseReviewProvenance('\uFEFF' + review().replace(/\n/g, '\r\n'));
    expect(parsed.ok).toBe(true);
  });

  it('reports a document without front matter at line 1', () => {
    const parsed = parseReviewProvenance('# just a heading\n');
    expect(parsed).toMatchObject({ ok: false, issues: [{ code: 'no_front_matter', line: 1, column: 1 }] });
  });

  it('locates a bad provenance field at its line in the Markdown file', () => {
    const text = review().replace(/^  verdict: .*$/m, '  verdict: maybe');
    const line = text.split('\n').findIndex((l) => l === '  verdict: maybe') + 1;
    const parsed = parseReviewProvenance(text);
    expect(parsed).toMatchObject({ ok: false, issues: [{ path: ['statewise', 'verdict'], line, column: 12 }] });
  });

  it('locates YAML syntax errors in the Markdown file, and a missing statewise block', () => {
    const broken = parseReviewProvenance('---\nstatus: proposed\ndate: [2026\n---\n# x\n');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.issues[0]!.line).toBeGreaterThanOrEqual(3);
    const bare = parseReviewProvenance('---\nstatus: proposed\ndate: 2026-11-26\n---\n# x\n');
    expect(bare).toMatchObject({ ok: false, issues: [{ path: ['statewise'], message: 'is required' }] });
  });
});

describe('compareProvenance', () => {
  const base = { service: 'shop', traffic: { peakRps: 100 }, context: { memory: 'session' }, state: [{ name: 'cart', lossImpact: 'costly' }] };
  const before = provenanceOf(engine.advise(requirementsOf(base)));

  it('reports nothing for the same answer, even from a re-parsed document', () => {
    const parsed = parseReviewProvenance(review(base));
    expect(parsed.ok && compareProvenance(parsed.value, before)).toEqual({
      changed: false, answerChanged: false, placements: [], scores: [],
      rules: { added: [], removed: [] }, risks: { added: [], removed: [] }, accepted: { added: [], removed: [] },
    });
  });

  it('names the verdict, placements, scores, rules and digest that changed', () => {
    const after = provenanceOf(engine.advise(requirementsOf({
      ...base, context: { memory: 'session', realtime: 'bidirectional' }, state: [{ name: 'cart', lossImpact: 'costly' }, { name: 'chat', lifetime: 'minutes' }],
    })));
    const changes = compareProvenance(before, after);
    expect(changes.changed).toBe(true);
    expect(changes.verdict).toEqual({ from: before.verdict, to: after.verdict });
    expect(changes.placements.map((p) => p.state)).toEqual(expect.arrayContaining(['chat', 'connections']));
    expect(changes.placements.find((p) => p.state === 'connections')).toEqual({ state: 'connections', to: 'in-process-sticky' });
    expect(changes.scores.length).toBeGreaterThan(0);
    expect(changes.inputDigest).toBeDefined();
    expect(changes.rulesVersion).toBeUndefined();
    expect(changes.rules.added).toContain('svc.bidirectional-sockets');
    const lines = describeChanges(changes);
    expect(lines[0]).toBe(`verdict: ${before.verdict} → ${after.verdict}`);
    expect(lines).toContain('placement connections: (new item) → in-process-sticky');
  });

  it('reports an acceptance that expired: the risk is open again', () => {
    const risky = { ...base, traffic: { peakRps: 100, spiky: true }, context: { memory: 'session', realtime: 'bidirectional' } };
    const open = provenanceOf(engine.advise(requirementsOf(risky)));
    const id = open.risks[0]!;
    const accept = [{ risk: id, reason: 'known', until: '2026-12-31' }];
    const accepted = provenanceOf(engine.advise(requirementsOf({ ...risky, accept }), { today: '2026-11-26' }));
    expect(accepted.accepted).toEqual([id]);
    expect(accepted.risks).not.toContain(id);
    const expired = provenanceOf(engine.advise(requirementsOf({ ...risky, accept }), { today: '2027-01-01' }));
    const changes = compareProvenance(accepted, expired);
    expect(changes).toMatchObject({ changed: true, risks: { added: [id], removed: [] }, accepted: { added: [], removed: [id] } });
    expect(describeChanges(changes)).toEqual([`risk ${id}: no longer accepted (expired or removed from accept:)`]);
    expect(describeChanges(compareProvenance(open, accepted))).toContain(`risk ${id}: now accepted`);
  });

  it('reports a rules version change alone', () => {
    const changes = compareProvenance(before, { ...before, rulesVersion: 'custom@2' });
    expect(changes).toMatchObject({ changed: true, rulesVersion: { from: before.rulesVersion, to: 'custom@2' }, placements: [], scores: [] });
    expect(describeChanges(changes)).toEqual([`rules version: ${before.rulesVersion} → custom@2`]);
  });

  it('the answer changed only with the verdict, a placement or the risks; splitChanges puts those lines first', () => {
    const inputsOnly = compareProvenance(before, { ...before, rulesVersion: 'custom@2', inputDigest: 'sha256:other', scores: { ...before.scores, stateful: before.scores.stateful + 1 }, rules: [...before.rules, 'svc.x'] });
    expect(inputsOnly).toMatchObject({ changed: true, answerChanged: false });
    expect(splitChanges(inputsOnly).answer).toEqual([]);
    expect(splitChanges(inputsOnly).inputs).toEqual(describeChanges(inputsOnly));
    const other = VERDICTS.find((v) => v !== before.verdict)!;
    expect(compareProvenance(before, { ...before, verdict: other }).answerChanged).toBe(true);
    expect(compareProvenance(before, { ...before, risks: [...before.risks, 'risk.new'] }).answerChanged).toBe(true);
    expect(compareProvenance(before, { ...before, accepted: [...before.accepted, 'risk.x'] }).answerChanged).toBe(true);
  });

  it('property: answerChanged ⇔ verdict, placements, risks or accepted differ; split lines are exactly describeChanges', () => {
    const names = fc.uniqueArray(fc.constantFrom('cart', 'chat', 'feed'), { maxLength: 3 });
    const provenance = fc.record({
      verdict: fc.constantFrom(...VERDICTS),
      placements: names.chain((ns) => fc.tuple(...ns.map(() => fc.constantFrom(...STORES))).map((ss) => Object.fromEntries(ns.map((n, i) => [n, ss[i]!])))),
      scores: fc.record({ stateless: fc.integer({ min: 0, max: 100 }), stateful: fc.integer({ min: 0, max: 100 }), hybrid: fc.integer({ min: 0, max: 100 }) }),
      rules: fc.uniqueArray(fc.constantFrom('a', 'b', 'c')),
      risks: fc.uniqueArray(fc.constantFrom('risk.a', 'risk.b:cart')),
      accepted: fc.uniqueArray(fc.constantFrom('risk.c')),
      rulesVersion: fc.constantFrom('v1', 'v2'),
      inputDigest: fc.constantFrom('sha256:a', 'sha256:b'),
    });
    fc.assert(fc.property(provenance, provenance, (a, b) => {
      const x = { ...before, ...a };
      const y = { ...before, ...b };
      const c = compareProvenance(x, y);
      const same = (p: readonly string[], q: readonly string[]) => p.length === q.length && p.every((v) => q.includes(v));
      const placementsSame = same(Object.keys(x.placements), Object.keys(y.placements)) && Object.keys(x.placements).every((k) => x.placements[k] === y.placements[k]);
      expect(c.answerChanged).toBe(x.verdict !== y.verdict || !placementsSame || !same(x.risks, y.risks) || !same(x.accepted, y.accepted));
      const { answer, inputs } = splitChanges(c);
      expect([...answer, ...inputs].sort()).toEqual(describeChanges(c).sort());
      expect(answer.length > 0).toBe(c.answerChanged);
    }), { numRuns: 300 });
  });
});
