import { flowchart } from '../../rules/review/mermaid.ts';
import { placementCard } from './cards.ts';
import { failureGrid } from './failures.ts';
import { budgetGauges, factorChart, scoreBars } from './charts.ts';
import { esc, num, pct } from './escape.ts';
import { ruleLink } from './links.ts';
import { noteFactor } from '../../rules/contract/words.ts';
import type { PlanAnswer, Recommendation, Verdict } from './types.ts';

export interface AnswerView {
  /** 1-based line of each state item's name in the requirements text: item names jump there. */
  itemLines?: Readonly<Record<string, number>>;
  /** How many factors the chart shows (default 8). */
  factors?: number;
}

/**
 * The answer as one HTML fragment, shared by the VS Code panel and the web playground: verdict, scores, the diagram
 * (the design review's Mermaid source, rendered by the page's mermaid), budgets, one card per item, plans, capacity,
 * risks, the failure grid, tipping points and the strongest factors. Pure: strings in, string out; every engine string is escaped.
 */
export function renderAnswer(rec: Recommendation, view: AnswerView = {}): string {
  const lines = view.itemLines ?? {};
  const infeasible = rec.feasible ? '' : `<p class="sw-banner sw-banner-bad" role="status">No plan passes every feasibility check: this is the plan that fails least.</p>`;
  return `<section class="sw-answer" data-verdict="${rec.verdict}">
  <header class="sw-head">
    <h1>${esc(rec.service)}</h1>
    <p class="sw-verdict" id="verdict">Verdict: <b>${esc(rec.verdict)}</b> · confidence ${pct(rec.confidence)}</p>
  </header>
  ${infeasible}
  <p class="sw-summary">${esc(rec.summary)}</p>
  ${notes(rec)}
  <h2>Architecture</h2>
  <figure class="sw-diagram-box"><div class="sw-diagram" aria-label="architecture diagram"></div><pre class="sw-diagram-source">${esc(flowchart(rec))}</pre></figure>
  <div class="sw-grid">
    <section><h2>Scores</h2>${scoreBars(rec)}</section>
    <section><h2>Budgets</h2>${budgetGauges(rec)}</section>
  </div>
  <h2>Where each piece of state lives</h2>
  ${cards(rec, lines)}
  ${rec.implied.length ? `<ul class="sw-implied">${rec.implied.map((i) => `<li><small>${esc(i)}</small></li>`).join('')}</ul>` : ''}
  <h2>Plans</h2>${plans(rec)}
  <h2>Capacity</h2>${capacity(rec)}
  <h2>Risks</h2>${risks(rec)}
  <h2>What each failure costs</h2>${failureGrid(rec)}
  <h2>Tipping points</h2>${tipping(rec)}
  <h2>Strongest factors</h2>${factorChart(rec.factors.slice(0, view.factors ?? 8), rec.verdict)}
</section>`;
}

/** Where the input's own arithmetic disagrees with itself: each note names the field and the factor. */
function notes(rec: Recommendation): string {
  if (!rec.notes?.length) return '';
  const items = rec.notes.map((n) => `<li class="sw-note" data-note="${esc(n.id)}"><code>${esc(n.field)}</code> <b>${esc(noteFactor(n))}</b>: ${esc(n.text)}</li>`);
  return `<section class="sw-notes" aria-label="notes on the input"><h2>Notes on the input</h2><ul>${items.join('')}</ul></section>`;
}

/** Beyond this many items a list becomes a count with the names folded behind it (issue 29: 200 items). */
const ITEMS_SHOWN = 12;

/** One card per item; past ITEMS_SHOWN the cards fold behind a count per store, so the page stays scannable. */
function cards(rec: Recommendation, lines: Readonly<Record<string, number>>): string {
  const all = `<div class="sw-cards">${rec.placements.map((p) => placementCard(p, lines[p.state])).join('\n')}</div>`;
  if (rec.placements.length <= ITEMS_SHOWN) return all;
  const perStore = new Map<string, number>();
  for (const p of rec.placements) perStore.set(p.store, (perStore.get(p.store) ?? 0) + 1);
  const counts = [...perStore].map(([store, n]) => `${n} in ${esc(store)}`).join(' · ');
  return `<details class="sw-many"><summary>${rec.placements.length} items: ${counts}</summary>${all}</details>`;
}

/** A store's items: their names, or past a handful their count with the names folded behind it. */
function itemsCell(items: readonly string[]): string {
  if (items.length <= 5) return esc(items.join(', '));
  return `<details><summary>${items.length} items</summary>${esc(items.join(', '))}</details>`;
}

function plans(rec: Recommendation): string {
  const row = (v: Verdict, p: PlanAnswer) => `<tr class="${v === rec.verdict ? 'sw-chosen' : ''}" data-plan="${v}">
    <td><b>${v}</b>${v === rec.verdict ? ' <small>(chosen)</small>' : ''}</td>
    <td>${p.feasible ? '<span class="sw-ok">✓ feasible</span>' : '<span class="sw-no">✗ infeasible</span>'}</td>
    <td>$${num(p.cost.monthlyUsd)}/month<br><small class="sw-muted">${p.cost.instances} instances · ${p.cost.storeNodes} store nodes${p.cost.newTechnologies.length ? ` · new: ${esc(p.cost.newTechnologies.join(', '))}` : ''}</small></td>
    <td>${p.blockers.length ? `<ul>${p.blockers.map((b) => `<li><code>${esc(b.check)}</code> ${esc(b.state)} in ${esc(b.store)}: ${num(b.value)} &gt; ${num(b.limit)} ${esc(b.unit)}</li>`).join('')}</ul>` : `<small class="sw-muted">${esc(p.note)}</small>`}</td></tr>`;
  const order: Verdict[] = ['stateless', 'stateful', 'hybrid'];
  return `<table class="sw-table"><thead><tr><th>plan</th><th>feasible</th><th>cost</th><th>blockers</th></tr></thead><tbody>${order.map((v) => row(v, rec.plans[v])).join('')}</tbody></table>`;
}

function capacity(rec: Recommendation): string {
  const c = rec.capacity;
  const stores = c.stores.length
    ? `<table class="sw-table"><thead><tr><th>store</th><th>technology</th><th>items</th><th>nodes</th><th>reads/s</th><th>writes/s</th><th>memory</th></tr></thead><tbody>${c.stores.map((s) => `<tr><td><span class="sw-badge sw-store-${esc(s.store)}">${esc(s.store)}</span></td><td>${esc(s.technology)}</td><td>${itemsCell(s.items)}</td><td>${s.replicas ? `${s.nodes} + ${s.nodes * s.replicas} ${s.nodes * s.replicas === 1 ? 'replica' : 'replicas'}` : s.nodes}</td><td>${num(s.readsPerSecond)}</td><td>${num(s.writesPerSecond)}</td><td>${num(s.memoryMb)} MB</td></tr>`).join('')}</tbody></table>`
    : '';
  return `<p>Routing <b>${esc(rec.scaling.routing)}</b> · ${c.instances} instance(s) · ${num(c.concurrentSessions)} concurrent sessions · in-process ${num(c.inProcessMemoryMb)} MB · external stores ${num(c.externalStoreMemoryMb)} MB · state on the hot path ${num(c.hotPathMs)} ms of ${num(c.latencyBudgetMs)} ms</p>${stores}`;
}

function risks(rec: Recommendation): string {
  if (rec.risks.length === 0 && rec.acceptedRisks.length === 0) return '<p class="sw-muted">No open risks.</p>';
  // One rule firing for more than 3 items (a token risk per token item) is one entry: the first item's text, and the
  // items it applies to folded behind their count.
  const groups = new Map<string, Recommendation['risks']>();
  for (const r of rec.risks) groups.set(`${r.severity} ${r.rule}`, [...(groups.get(`${r.severity} ${r.rule}`) ?? []), r]);
  const entries = [...groups.values()].flatMap((rs) => (rs.length > 3 ? [rs] : rs.map((r) => [r])));
  const open = entries.map((rs) => {
    const r = rs[0]!;
    const many = rs.length > 1 ? ` <details class="sw-risk-items"><summary>${rs.length} items alike</summary>${esc(rs.map((x) => x.id.slice(x.id.indexOf(':') + 1)).join(', '))}</details>` : '';
    return `<li class="sw-risk sw-sev-${r.severity}"><span class="sw-sev">${r.severity}</span> ${esc(r.text)} ${ruleLink(r.rule)}<br><small>Mitigation: ${esc(r.mitigation)}</small>${many}</li>`;
  });
  const accepted = rec.acceptedRisks.map((r) => `<li class="sw-risk sw-accepted"><span class="sw-sev">accepted</span> ${esc(r.text)}<br><small>${esc(r.reason)} (until ${esc(r.until)})</small></li>`);
  return `<ul class="sw-risks">${[...open, ...accepted].join('')}</ul>`;
}

function tipping(rec: Recommendation): string {
  if (rec.tippingPoints.length === 0) return '<p class="sw-muted">No nearby input change flips the verdict.</p>';
  return `<table class="sw-table"><thead><tr><th>input</th><th>from</th><th>to</th><th>verdict</th><th>note</th></tr></thead><tbody>${rec.tippingPoints.map((t) => `<tr><td><code>${esc(t.input)}</code></td><td>${esc(String(t.from))}</td><td>${esc(String(t.to))}</td><td>${esc(t.verdict)}${t.feasible ? '' : ' <small class="sw-no">(infeasible)</small>'}</td><td>${esc(t.note)}</td></tr>`).join('')}</tbody></table>`;
}
