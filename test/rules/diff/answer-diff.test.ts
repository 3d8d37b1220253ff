import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffAnswers, renderDiffMarkdown, renderDiffText, type Side } from '../../../rules/index.ts';
import { builtinEngine, requirementsFromText } from '../../support/engine.ts';
import { ROOT } from '../../support/cli.ts';

/**
 * `statewise diff` as data. The base is examples/orders-api (peakRps 2500; orders 3 KB, 0.2 writes/min per session,
 * read by 10% of requests, in Postgres); the head doubles peakRps and makes orders 6 KB. Every expected figure is
 * worked out here from the inputs and the catalogue's figures, not read back from the engine.
 */
const BASE_TEXT = readFileSync(join(ROOT, 'examples', 'orders-api.statewise.yaml'), 'utf8');
const HEAD_TEXT = BASE_TEXT.replace('peakRps: 2500', 'peakRps: 5000').replace(/sizeKb: 3$/m, 'sizeKb: 6');
const engine = builtinEngine();
const side = (text: string): Side => { const requirements = requirementsFromText(text); return { requirements, answer: engine.advise(requirements) }; };

describe('diffAnswers', () => {
  const diff = diffAnswers(side(BASE_TEXT), side(HEAD_TEXT));
  const figure = (name: string) => diff.figures.find((f) => f.figure === name);

  it('names the two input fields that changed, and only those', () => {
    expect(HEAD_TEXT).not.toBe(BASE_TEXT);
    expect(diff.inputs).toEqual([
      { figure: 'traffic.peakRps', before: 2500, after: 5000 },
      { figure: 'state.orders.sizeKb', before: 3, after: 6 },
    ]);
  });

  it('keeps the verdict and placements, and says the answer itself did not change', () => {
    expect(diff.verdict).toEqual({ before: 'stateless', after: 'stateless' });
    expect(diff.placements.map((p) => [p.state, p.before, p.after, p.changed])).toEqual([
      ['access-token', 'client-token (signed-token)', 'client-token (signed-token)', false],
      ['orders', 'database (postgres)', 'database (postgres)', false],
    ]);
    expect(diff.answerChanged).toBe(false);
    expect(diff.changed).toBe(true);
  });

  it('doubles instances and the monthly cost of each feasible plan by hand', () => {
    // instances = peakRps × 1.2 headroom ÷ 500 rps per instance; a 2 vCPU, 4 GB instance is 2 × $10 + 4 × $1 = $24;
    // one Postgres node is $162 a month either way (3000 writes/s stays under its 10,000).
    const instances = (rps: number) => Math.ceil((rps * 1.2) / 500);
    const cost = (rps: number) => instances(rps) * (2 * 10 + 4 * 1) + 162;
    expect(figure('capacity.instances')).toEqual({ figure: 'capacity.instances', before: instances(2500), after: instances(5000) });
    const stateless = diff.plans.find((p) => p.plan === 'stateless')!;
    expect(stateless.monthlyUsd).toEqual({ before: cost(2500), after: cost(5000) });
    expect(stateless.instances).toEqual({ before: 6, after: 12 });
    expect(stateless.storeNodes).toEqual({ before: 1, after: 1 });
    expect(stateless.chosen).toEqual({ before: true, after: true });
  });

  it('moves every load figure by the hand-computed amount', () => {
    // Little's law: sessions = peakRps ÷ 20 requests per session × 60 min × 60 s; orders writes 0.2/min per session.
    const sessions = (rps: number) => (rps / 20) * 60 * 60;
    const writes = (rps: number) => (sessions(rps) * 0.2) / 60;
    const reads = (rps: number) => rps * 0.1; // off the hot path: 10% of requests read it
    expect(figure('capacity.concurrentSessions')).toMatchObject({ before: sessions(2500), after: sessions(5000) });
    expect(figure('capacity.externalWritesPerSecond')).toMatchObject({ before: writes(2500), after: writes(5000), unit: 'writes/s' });
    expect(figure('capacity.externalReadsPerSecond')).toMatchObject({ before: reads(2500), after: reads(5000), unit: 'reads/s' });
    expect(figure('orders check.write-throughput')).toMatchObject({ before: 1500, after: 3000 });
    // MB/s through Postgres: (reads + writes) × sizeKb ÷ 1024, which the answer states to 2 decimals.
    const mb = (rps: number, kb: number) => Math.round(((reads(rps) + writes(rps)) * kb / 1024) * 100) / 100;
    expect(figure('database (postgres) mbPerSecond')).toMatchObject({ before: mb(2500, 3), after: mb(5000, 6), unit: 'MB/s' });
    // Per instance: that traffic shared by the instances.
    expect(figure('orders check.instance-network')!.before).toBeCloseTo((reads(2500) + writes(2500)) * 3 / 1024 / 6, 9);
    expect(figure('orders check.instance-network')!.after).toBeCloseTo((reads(5000) + writes(5000)) * 6 / 1024 / 12, 9);
  });

  it('names the size change in the value-size and latency checks', () => {
    expect(figure('orders check.value-size')).toEqual({ figure: 'orders check.value-size', before: 3, after: 6, unit: 'KB' });
    // Postgres: 5 ms read + 10 ms acknowledged write, each moving the value at 100 MB/s (100 × 1024 KB per 1000 ms).
    const latency = (kb: number) => 5 + 10 + 2 * (kb / (100 * 1024 / 1000));
    expect(figure('orders check.latency')!.before).toBeCloseTo(latency(3), 9);
    expect(figure('orders check.latency')!.after).toBeCloseTo(latency(6), 9);
    // The access token's figures did not move: its per-instance traffic doubled along with the instances.
    expect(diff.figures.filter((f) => f.figure.startsWith('access-token'))).toEqual([]);
  });

  it('reports nothing for the same file twice', () => {
    const same = diffAnswers(side(BASE_TEXT), side(BASE_TEXT));
    expect(same).toMatchObject({ changed: false, answerChanged: false, inputs: [], figures: [], risks: [] });
    expect(renderDiffText(same)).toContain('no change');
  });

  it('sees a verdict, a placement and a risk change', () => {
    // Session loss made unacceptable with a realtime context moves the answer; the test checks only that the
    // comparison reports what the two answers say, whatever they are.
    const head = side(BASE_TEXT.replace('memory: session', 'memory: session\n  realtime: bidirectional'));
    const base = side(BASE_TEXT);
    const d = diffAnswers(base, head);
    expect(d.verdict).toEqual({ before: base.answer.verdict, after: head.answer.verdict });
    expect(d.verdict.before).not.toBe(d.verdict.after);
    expect(d.answerChanged).toBe(true);
    const risksBefore = new Set(base.answer.risks.map((r) => `${r.id}=${r.severity}`));
    const risksAfter = new Set(head.answer.risks.map((r) => `${r.id}=${r.severity}`));
    const moved = [...risksBefore].filter((r) => !risksAfter.has(r)).length + [...risksAfter].filter((r) => !risksBefore.has(r)).length;
    expect(moved).toBeGreaterThan(0);
    expect(d.risks.length).toBeGreaterThan(0);
    // A plan that stops (or starts) being possible has no cost on that side: a dash, never $0.
    const stateless = d.plans.find((p) => p.plan === 'stateless')!;
    expect(stateless.instances.after).toBe(0);
    expect(renderDiffMarkdown(d)).toContain(`| stateless (was chosen) | yes → no | $${stateless.monthlyUsd.before} → — |`);
    expect(d.placements.filter((p) => p.before === null).map((p) => p.state)).toEqual(
      head.answer.placements.map((p) => p.state).filter((s) => !base.answer.placements.some((p) => p.state === s)));
  });
});

describe('renderers', () => {
  const diff = diffAnswers(side(BASE_TEXT), side(HEAD_TEXT));

  it('Markdown names every changed figure, the cost change and its percentage', () => {
    const md = renderDiffMarkdown(diff);
    // $306 → $450 is +$144, 144 ÷ 306 = 47%.
    expect(md).toContain('| stateless (chosen) | yes | $306 → $450 (+$144, +47%) | 6 → 12 | 1 |');
    expect(md).toContain('- `traffic.peakRps` 2500 → 5000');
    expect(md).toContain('- `state.orders.sizeKb` 3 → 6');
    for (const f of diff.figures) expect(md).toContain(`\`${f.figure}\``);
    expect(md).toContain('| `database (postgres) mbPerSecond` | 5.13 MB/s | 20.51 MB/s |');
    expect(md).toContain('| `orders check.value-size` | 3 KB | 6 KB |');
  });

  it('text names every changed figure on its own line', () => {
    const text = renderDiffText(diff).split('\n');
    expect(text).toContain('  traffic.peakRps 2500 → 5000');
    expect(text).toContain('  capacity.instances 6 → 12');
    expect(text.some((l) => /^ {2}stateless \(chosen\) +feasible yes · monthly \$306 → \$450 \(\+\$144, \+47%\) · instances 6 → 12/.test(l))).toBe(true);
    for (const f of diff.figures) expect(text.some((l) => l.startsWith(`  ${f.figure} `))).toBe(true);
  });
});
