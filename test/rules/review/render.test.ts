import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseReviewProvenance, renderReview, type Requirements } from '../../../rules/index.ts';
import { builtinEngine, requirementsFromText, requirementsOf } from '../../support/engine.ts';
import { body, ROOT } from '../../support/review.ts';
import MarkdownIt from 'markdown-it';

const engine = builtinEngine();
const shopText = readFileSync(join(ROOT, 'examples/shop-with-live-support.statewise.yaml'), 'utf8');

function render(req: Requirements, today = '2026-11-26', date = '2026-11-26'): string {
  return renderReview({ requirements: req, recommendation: engine.advise(req, { today }), date });
}

function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`## ${title}\n`);
  expect(start, `section ${title}`).toBeGreaterThanOrEqual(0);
  const next = markdown.indexOf('\n## ', start + 3);
  return markdown.slice(start, next < 0 ? undefined : next);
}

describe('renderReview', () => {
  it('writes MADR 4 front matter: status proposed, the date, decision-makers when given', () => {
    const req = requirementsOf({ service: 'svc', traffic: { peakRps: 10 }, decisionMakers: ['Ana Ruiz', 'Platform team'] });
    const markdown = render(req, '2026-11-26', '2025-02-03');
    const front = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(markdown)![1]!);
    expect(front.status).toBe('proposed');
    expect(front.date).toBe('2025-02-03');
    expect(front['decision-makers']).toEqual(['Ana Ruiz', 'Platform team']);
    expect(front.statewise.service).toBe('svc');
    const without = render(requirementsOf({ service: 'svc', traffic: { peakRps: 10 } }));
    expect(without).not.toContain('decision-makers');
    expect(without).not.toContain('source:');
  });

  it('keeps tables intact whatever the description and names contain', () => {
    const req = requirementsOf({
      service: 'weird', traffic: { peakRps: 10 },
      description: 'pipes | and\nnewlines <script>alert(1)</script> `ticks` # hash; semi [x] "q"',
      state: [{ name: 'a.b_c-d', lifetime: 'minutes' }],
    });
    const markdown = render(req);
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('pipes | and newlines &lt;script>');
    const html = new MarkdownIt().render(body(markdown));
    expect(html).not.toContain('<script>');
    expect(html).toContain('<code>a.b_c-d</code>');
    // The Mermaid block quotes every label; the item name reaches it intact.
    expect(section(markdown, 'State placement plan')).toMatch(/\|"a\.b_c-d"\|/);
  });

  it('moves an accepted risk to Accepted risks, and brings it back when the acceptance expires', () => {
    const base = requirementsFromText(shopText);
    const open = render(base);
    expect(section(open, 'Risks and mitigations')).toContain('`risk.sticky-hotspots`');
    const accept = [{ risk: 'risk.sticky-hotspots', reason: 'traffic is flat; we scale before sales.', until: '2026-12-31' }];
    const accepted = render({ ...base, accept });
    expect(section(accepted, 'Risks and mitigations')).not.toContain('risk.sticky-hotspots');
    const acceptedSection = section(accepted, 'Accepted risks');
    expect(acceptedSection).toContain('- `risk.sticky-hotspots` (medium): Accepting that plan.routing is sticky');
    expect(acceptedSection).toContain('because traffic is flat; we scale before sales. Expires 2026-12-31.');
    const expired = render({ ...base, accept }, '2027-01-10');
    expect(section(expired, 'Accepted risks')).not.toContain('risk.sticky-hotspots');
    expect(section(expired, 'Risks and mitigations')).toMatch(/`risk\.sticky-hotspots` \| medium \| .*acceptance expired 2026-12-31/);
  });

  it('lists tipping points under Revisit when and the losing options under Why not', () => {
    const markdown = render(requirementsFromText(shopText));
    expect(section(markdown, 'Revisit when')).toContain('`context.realtime` goes from `bidirectional` to `none`: the verdict becomes **stateless**');
    expect(section(markdown, 'Considered options')).toContain('### Why not stateful');
    expect(section(markdown, 'Considered options')).toContain('### Why not stateless');
    expect(section(markdown, 'Considered options')).not.toContain('### Why not hybrid');
  });

  it('round-trips its provenance through parseReviewProvenance', () => {
    const req = requirementsFromText(shopText);
    const rec = engine.advise(req);
    const markdown = renderReview({ requirements: req, recommendation: rec, date: '2026-11-26', source: 'x/shop.statewise.yaml' });
    const parsed = parseReviewProvenance(markdown);
    expect(parsed.ok && parsed.value).toMatchObject({
      date: '2026-11-26', status: 'proposed', source: 'x/shop.statewise.yaml', verdict: rec.verdict,
      rulesVersion: rec.rulesVersion, inputDigest: rec.inputDigest, scores: rec.scores,
      placements: Object.fromEntries(rec.placements.map((p) => [p.state, p.store])),
    });
    if (!parsed.ok) return;
    for (const f of rec.factors) expect(parsed.value.rules).toContain(f.rule);
    for (const r of rec.risks) expect(parsed.value.rules).toContain(r.rule);
    expect(parsed.value.rules).toContain('gate.token-cookie-limit'); // cited only in a whyNot
    expect(parsed.value.rules).toEqual([...parsed.value.rules].sort());
  });
});

describe('renderReview says what the stateless plan really keeps', () => {
  const copy = { owner: 'global', lifetime: 'days', kind: 'reference', sizeKb: 100, writesPerMinute: 0, lossImpact: 'none', consistency: 'eventual', hotPath: true };
  it('a service whose only state is reference data copied into each instance is not titled "kept outside the instances"', () => {
    const req = requirementsOf({ service: 'svc', traffic: { peakRps: 10 }, state: [{ name: 'rules', ...copy }] });
    const markdown = render(req);
    expect(engine.advise(req).placements.map((p) => p.store)).toEqual(['in-process-copy']);
    expect(markdown).toMatch(/^# svc: a stateless service, its reference data copied into every instance$/m);
    expect(section(markdown, 'Capacity estimate')).toMatch(/\| Concurrent sessions \(no session-scoped state depends on it\) \|/);
    expect(section(markdown, 'Scaling and failure plan')).toMatch(/drain only the requests in flight/);
  });
  it('an answer no plan of which passes every check is not titled as a decision that does', () => {
    // A 1 MB record written 600 times a minute per user, read on every request within 1 ms: no store serves it.
    const req = requirementsOf({ service: 'svc', traffic: { peakRps: 5000 }, latency: { p99Ms: 1 }, state: [{ name: 'profile', owner: 'user', lifetime: 'forever', sizeKb: 1000, writesPerMinute: 600, lossImpact: 'critical', hotPath: true }] });
    const rec = engine.advise(req);
    expect(rec.feasible).toBe(false);
    const markdown = render(req);
    expect(markdown).toMatch(new RegExp(`^# svc: no plan passes every feasibility check \\(${rec.verdict} fails least\\)$`, 'm'));
    expect(markdown).not.toMatch(/^# svc: a (stateless|stateful|hybrid) service/m);
  });
  it('a service with nothing to keep says so; one with a session item keeps the plain labels', () => {
    expect(render(requirementsOf({ service: 'svc', traffic: { peakRps: 10 } }))).toMatch(/^# svc: a stateless service with no state to keep$/m);
    const session = render(requirementsOf({ service: 'svc', traffic: { peakRps: 10 }, state: [{ name: 'cart', owner: 'session', lifetime: 'hours', sizeKb: 4 }] }));
    expect(section(session, 'Capacity estimate')).toMatch(/\| Concurrent sessions \| \d+ \|/);
  });
});
