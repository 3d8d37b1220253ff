import { FAILURE_KINDS, type Recommendation } from '../contract/recommendation.ts';
import { FAILURE_LEGEND, failureCellText, failureMatrix } from './failure-cell.ts';
import { cell, code, codeCell, inline, table } from './markdown.ts';

/** Rows the reasons list names in full before it counts the rest: a review of 200 items stays readable. */
const REASONS_SHOWN = 12;
const HEADER: Record<(typeof FAILURE_KINDS)[number], string> = {
  'instance': 'Instance', 'zone': 'Zone', 'region': 'Region', 'store-node': 'Store node', 'deploy': 'Deploy',
};

/**
 * The failure table as the review shows it: one row per item, one column per failure, each cell what is lost, for
 * how many owners, and when it serves again; then why, for every cell that loses something (all first).
 */
export function failureSection(rec: Recommendation): string {
  const matrix = failureMatrix(rec.failures ?? []);
  const out = ['## Failure table'];
  if (!matrix.length) return [...out, 'Nothing is kept between requests: no failure loses state.'].join('\n\n');
  out.push(`What each failure costs the chosen plan, per item (${inline(FAILURE_LEGEND)}).`);
  out.push(table(['Item', ...FAILURE_KINDS.map((k) => HEADER[k])], matrix.map((m) => [
    codeCell(m.state), ...FAILURE_KINDS.map((k) => { const r = m.cells[k]; return cell(r ? failureCellText(r) : ''); }),
  ])));
  const rank = { 'all': 0, 'seconds': 1, 'in-flight': 2, 'nothing': 3 } as const;
  const losing = (rec.failures ?? []).filter((r) => r.lost !== 'nothing')
    .map((r, i) => [r, i] as const).sort((a, b) => rank[a[0].lost] - rank[b[0].lost] || a[1] - b[1]).map(([r]) => r);
  if (losing.length) {
    const lines = losing.slice(0, REASONS_SHOWN).map((r) => `- ${code(r.state)}, ${r.failure} (${r.lost}${r.assumed ? ', assumed figures' : ''}): ${inline(r.because)} — ${inline(r.source)}`);
    if (losing.length > REASONS_SHOWN) lines.push(`- … and ${losing.length - REASONS_SHOWN} more cells that lose something (the JSON answer's \`failures\` lists every one)`);
    out.push(['What the losses rest on:', '', ...lines].join('\n'));
  }
  return out.join('\n\n');
}
