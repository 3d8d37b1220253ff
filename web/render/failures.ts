import { FAILURE_KINDS } from '../../rules/contract/recommendation.ts';
import { FAILURE_LEGEND, failureCellText, failureMatrix } from '../../rules/review/failure-cell.ts';
import { esc } from './escape.ts';
import type { Recommendation } from './types.ts';

/** Past this many items the grid folds behind a count, as the cards do (a 200-item answer stays scannable). */
const ITEMS_SHOWN = 12;

/**
 * The failure table as a coloured grid: one row per item, one column per failure; green when nothing is lost, light
 * for requests in flight, amber for the last seconds of writes, red for all of it. Every cell says it in words too
 * (colour is never the only signal), and its tooltip gives the reason with the figures it rests on.
 */
export function failureGrid(rec: Recommendation): string {
  const matrix = failureMatrix(rec.failures ?? []);
  if (!matrix.length) return '<p class="sw-muted">Nothing is kept between requests: no failure loses state.</p>';
  const head = `<thead><tr><th scope="col">item</th>${FAILURE_KINDS.map((k) => `<th scope="col">${k}</th>`).join('')}</tr></thead>`;
  const rows = matrix.map((m) => `<tr data-item="${esc(m.state)}"><th scope="row"><code>${esc(m.state)}</code><br><small class="sw-muted">${esc(m.store)}</small></th>${FAILURE_KINDS.map((k) => {
    const r = m.cells[k];
    if (!r) return '<td>—</td>';
    const why = `${r.because} — ${r.source}${r.assumed ? ' (assumed figures)' : ''}`;
    return `<td class="sw-fcell sw-lost-${r.lost}" data-failure="${k}" data-lost="${r.lost}" title="${esc(why)}">${esc(unbroken(failureCellText(r)))}</td>`;
  }).join('')}</tr>`);
  const table = `<table class="sw-table sw-failures"><caption class="sw-muted">${esc(FAILURE_LEGEND)}</caption>${head}<tbody>${rows.join('')}</tbody></table>`;
  // A narrow pane scrolls the grid sideways rather than cutting its last column off.
  const box = `<div class="sw-failures-box">${table}</div>`;
  if (matrix.length <= ITEMS_SHOWN) return box;
  return `<details class="sw-many-failures"><summary>${matrix.length} items: what each failure costs</summary>${box}</details>`;
}

/** "all 12.5k · 10 s" may wrap in a narrow pane, but never between a number and its unit ("10 s", "1 s lost"). */
function unbroken(text: string): string {
  return text.replace(/(\d) s\b/g, '$1\u00a0s');
}
