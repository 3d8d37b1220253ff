import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { alternativeReason, esc, itemLines, renderAnswer, ruleHref } from '../../../web/render/index.ts';
import { flowchart } from '../../../rules/index.ts';
import { builtinEngine, requirementsFromText } from '../../support/engine.ts';
import { ROOT } from '../../support/review.ts';

const engine = builtinEngine();
const text = readFileSync(join(ROOT, 'examples/shop-with-live-support.statewise.yaml'), 'utf8');
const rec = engine.advise(requirementsFromText(text), { today: '2026-11-30' });
const html = renderAnswer(rec, { itemLines: itemLines(text) });

describe('the shared answer renderer', () => {
  it('says confidence as a percentage, in the heading and the summary alike', () => {
    const percent = `${Math.round(rec.confidence * 100)}%`;
    expect(html).toContain(`confidence ${percent}</p>`);
    expect(rec.summary).toContain(`(confidence ${percent})`);
    expect(rec.summary).not.toMatch(/confidence 0\.\d/);
  });

  it('draws scores as SVG bars on a track, sized by the score (no <meter>)', () => {
    expect(html).not.toContain('<meter');
    for (const v of ['stateless', 'stateful', 'hybrid'] as const) {
      const row = new RegExp(`class="sw-score[^"]*" data-verdict="${v}"[\\s\\S]*?<rect class="sw-track"[^>]*width="100"[\\s\\S]*?<rect class="sw-fill" x="0" y="0" width="(\\d+(?:\\.\\d+)?)"`).exec(html);
      expect(Number(row?.[1])).toBe(rec.scores[v]);
    }
  });

  it('embeds the design review\'s own diagram source, escaped', () => {
    expect(html).toContain(`<pre class="sw-diagram-source">${esc(flowchart(rec))}</pre>`);
  });

  it('has one card per item whose alternatives do not repeat the store and score', () => {
    const cards = html.match(/<article class="sw-card/g) ?? [];
    expect(cards.length).toBe(rec.placements.length);
    for (const p of rec.placements) {
      for (const a of p.alternatives) {
        const reason = alternativeReason(a);
        expect(reason.startsWith(`${a.store} scores`)).toBe(false);
        expect(reason).not.toMatch(new RegExp(`; ${a.store} scores \\d+$`));
      }
    }
    expect(alternativeReason({ store: 'distributed-cache', score: 67, whyNot: 'distributed-cache scores 67 against 75 for database: cart has lossImpact costly (place.x)' }))
      .toBe('cart has lossImpact costly (place.x)');
    expect(alternativeReason({ store: 'database', score: 30, whyNot: 'the stateful plan keeps session state in instance memory (plan.stateful); database scores 30' }))
      .toBe('the stateful plan keeps session state in instance memory (plan.stateful)');
  });

  it('links item names to their line in the requirements file and rule ids to their documentation', () => {
    const lines = text.split('\n');
    for (const p of rec.placements.filter((x) => !x.implied)) {
      const line = lines.findIndex((l) => l.trim() === `- name: ${p.state}`) + 1;
      expect(line).toBeGreaterThan(0);
      expect(html).toContain(`data-line="${line}" title="line ${line} of the requirements file"><code>${p.state}</code>`);
    }
    for (const f of rec.factors.slice(0, 8)) expect(html).toContain(`href="${esc(ruleHref(f.rule))}"`);
    expect(ruleHref('svc.bidirectional-sockets')).toBe('https://github.com/statewise/statewise/blob/main/docs/rules.md#svcbidirectional-sockets');
    // The anchor is the one docs/rules.md's heading gets.
    const headings = new MarkdownIt().parse(readFileSync(join(ROOT, 'docs/rules.md'), 'utf8'), {}).filter((t) => t.type === 'inline').map((t) => t.content);
    expect(headings).toContain('svc.bidirectional-sockets');
  });

  it('shows every plan with feasibility and cost, and a latency gauge of hot path against budget', () => {
    for (const v of ['stateless', 'stateful', 'hybrid'] as const) {
      const row = new RegExp(`data-plan="${v}">[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
      expect(row).toContain(rec.plans[v].feasible ? '✓ feasible' : '✗ infeasible');
      expect(row).toContain(`$${Math.round(rec.plans[v].cost.monthlyUsd).toLocaleString('en-US')}/month`);
    }
    const share = rec.capacity.hotPathMs / rec.capacity.latencyBudgetMs;
    const gauge = /data-gauge="latency">[\s\S]*?stroke-dasharray="([\d.]+) 100"/.exec(html);
    expect(Number(gauge?.[1])).toBeCloseTo(Math.min(100, share * 100), 1);
  });

  it('marks failing checks on the card and in the diagram', () => {
    const failing = structuredClone(rec);
    failing.placements[0]!.checks[0]!.passed = false;
    const out = renderAnswer(failing);
    expect(out).toContain('sw-card sw-card-failed');
    expect(out).toContain(`⚠ fails ${failing.placements[0]!.checks[0]!.check}`);
    expect(flowchart(failing)).toContain(`⚠ ${failing.placements[0]!.state}`);
    expect(flowchart(failing)).toMatch(/\n {2}class store_\w+ failed$/);
  });

  it('escapes every engine string, whatever it holds (property)', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (service, because) => {
      const evil = structuredClone(rec);
      evil.service = `<img src=x onerror=alert(1)>${service}`;
      evil.summary = `"><script>alert(1)</script>${because}`;
      evil.placements[0]!.why[0] = `<b onclick=x>${because}</b> (place.x)`;
      evil.risks.push({ id: 'r', rule: 'r.<i>', severity: 'high', text: `<svg onload=alert(1)>${because}`, mitigation: because });
      const out = renderAnswer(evil);
      expect(out).not.toMatch(/<img |<script>|<b onclick|<svg onload|<i>/);
    }), { numRuns: 50 });
  });
});

describe('the answer with many items (issue 29)', () => {
  const items = Array.from({ length: 40 }, (_, i) => `  - { name: item-${i}, lifetime: ${i % 2 ? 'days' : 'request'}, sizeKb: 2, lossImpact: costly }`);
  const big = engine.advise(requirementsFromText(['service: many', 'traffic: { peakRps: 200 }', 'state:', ...items, ''].join('\n')), { today: '2026-11-30' });
  const page = renderAnswer(big);

  it('folds the cards behind a count per store, and a store\'s item list behind its count', () => {
    // 40 items: the 20 odd ones last days (database), the 20 even ones a request (none).
    expect(page).toContain('<details class="sw-many"><summary>40 items: 20 in none · 20 in database</summary>');
    expect(page).toMatch(/<td><details><summary>20 items<\/summary>item-1, item-11, (item-\d+, ){17}item-9<\/details><\/td>/);
    expect(page.match(/<article class="sw-card/g)).toHaveLength(40);
  });

  it('shows figures to 3 significant figures with separators', () => {
    expect(page).toContain(`$${big.plans[big.verdict].cost.monthlyUsd.toLocaleString('en-US', { maximumSignificantDigits: 3 })}/month`);
  });
});

describe('risks of one rule for many items (issue 29)', () => {
  it('are one entry with the items folded behind their count', () => {
    const items = Array.from({ length: 8 }, (_, i) => `  - { name: t-${i}, lifetime: hours, sizeKb: 1, lossImpact: annoying, owner: session }`);
    const r = engine.advise(requirementsFromText(['service: tokens', 'traffic: { peakRps: 50 }', 'state:', ...items, ''].join('\n')), { today: '2026-11-30' });
    const byRule = new Map<string, number>();
    for (const k of r.risks) byRule.set(`${k.severity} ${k.rule}`, (byRule.get(`${k.severity} ${k.rule}`) ?? 0) + 1);
    const grouped = [...byRule].filter(([, n]) => n > 3);
    expect(grouped.length).toBeGreaterThan(0); // computed from the answer, not assumed
    const html = renderAnswer(r);
    const entries = html.match(/<li class="sw-risk /g)?.length ?? 0;
    const expected = [...byRule.values()].reduce((n, c) => n + (c > 3 ? 1 : c), 0);
    expect(entries).toBe(expected);
    for (const [, n] of grouped) expect(html).toContain(`<summary>${n} items alike</summary>`);
  });
});

describe('the failure grid', () => {
  it('has a row per item and a cell per failure, each saying in words what its colour says', () => {
    const grid = /<table class="sw-table sw-failures">[\s\S]*?<\/table>/.exec(html)![0];
    for (const p of rec.placements) expect(grid).toContain(`<tr data-item="${p.state}">`);
    const cells = [...grid.matchAll(/<td class="sw-fcell sw-lost-([a-z-]+)" data-failure="([a-z-]+)" data-lost="([a-z-]+)" title="[^"]*">([^<]+)<\/td>/g)];
    expect(cells).toHaveLength(rec.failures.length);
    for (const [, cls, , lost, shown] of cells) {
      // A number never parts from its unit: the cell breaks only around its dots.
      const words = shown!.replaceAll('\u00a0', ' ');
      expect(shown).not.toMatch(/\d s\b/);
      expect(cls).toBe(lost);
      // Colour is never the only signal: the words name the loss (a seconds cell says "N s lost").
      expect(words).toMatch(lost === 'seconds' ? / s lost/ : new RegExp(`^${lost}`));
    }
    // The shop's sticky chat loses all of one instance's sessions: 60,000 given ÷ 10 instances = 6,000.
    expect(grid).toMatch(/data-item="support-chat">[\s\S]*?data-failure="instance" data-lost="all"[^>]*>all 6k · 10\u00a0s</);
  });
  it('escapes the reasons in each tooltip', () => {
    const hostile = { ...rec, failures: rec.failures.map((r) => ({ ...r, because: '<img src=x onerror=alert(1)>' })) };
    expect(renderAnswer(hostile)).not.toContain('<img src=x');
  });
});

describe('notes on the input', () => {
  // examples/report-server: the tightest check rests on the assumed read share (a note, no risk).
  const report = engine.advise(requirementsFromText(readFileSync(join(ROOT, 'examples/report-server.statewise.yaml'), 'utf8')));
  const page = renderAnswer(report);

  it('lists each note with its field and factor, escaped, after the summary', () => {
    expect(report.notes?.length).toBeGreaterThan(0);
    for (const n of report.notes!) {
      expect(page).toContain(`data-note="${n.id}"><code>${esc(n.field)}</code> <b>${n.factor}×</b>: ${esc(n.text)}</li>`);
    }
    expect(page.indexOf('Notes on the input')).toBeGreaterThan(page.indexOf('sw-summary'));
    expect(page.indexOf('Notes on the input')).toBeLessThan(page.indexOf('<h2>Architecture</h2>'));
  });

  it('says nothing when the input agrees with itself', () => {
    expect(rec.notes).toBeUndefined();
    expect(html).not.toContain('Notes on the input');
  });
});
