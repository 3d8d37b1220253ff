import { FAILURE_KINDS, FAILURE_LEGEND, failureCellText, failureMatrix, type FailureRow, type Recommendation } from '../../rules/index.ts';
import { oneLine } from './escape.ts';
import { paintFor, type Paint } from './io.ts';
import { wrap } from './text-wrap.ts';

/** Beyond this many items the matrix shows the first ones and counts the rest (--json lists every row). */
export const FAILURE_ITEMS_SHOWN = 12;

/**
 * The failure table as `statewise advise` prints it, right after the risks: one line per item, one column per
 * failure. Colour (red all, yellow seconds, green nothing) only repeats what each cell's words say.
 * @example renderFailures(rec) // ['Failure table', '  item  instance  zone …', '  cart  nothing   …']
 */
export function renderFailures(r: Recommendation, paint: Paint = paintFor(false), width = 100): string[] {
  const rows = failureMatrix(r.failures ?? []);
  if (!rows.length) return [];
  const shown = rows.slice(0, FAILURE_ITEMS_SHOWN);
  const w = Math.max(4, ...shown.map((m) => oneLine(m.state).length));
  // Columns as wide as their widest cell: colour codes are added after padding, so they never skew it.
  const CELL = Math.max(10, ...shown.flatMap((m) => FAILURE_KINDS.map((k) => (m.cells[k] ? failureCellText(m.cells[k]) : '—').length)));
  const colour = (row: FailureRow | undefined, text: string) => {
    if (!row) return text;
    return row.lost === 'all' ? paint.red(text) : row.lost === 'seconds' ? paint.yellow(text) : row.lost === 'nothing' ? paint.green(text) : paint.dim(text);
  };
  const out = [paint.bold('Failure table') + ' (what each failure costs the chosen plan)',
    `  ${'item'.padEnd(w)}  ${FAILURE_KINDS.map((k) => k.padEnd(CELL)).join('  ')}`.trimEnd()];
  for (const m of shown) {
    const cells = FAILURE_KINDS.map((k) => {
      const row = m.cells[k];
      const text = row ? failureCellText(row) : '—';
      return colour(row, text) + ' '.repeat(Math.max(0, CELL - text.length));
    });
    out.push(`  ${oneLine(m.state).padEnd(w)}  ${cells.join('  ')}`.trimEnd());
  }
  if (rows.length > shown.length) out.push(`  … and ${rows.length - shown.length} more items (--json lists every row)`);
  out.push(wrap(FAILURE_LEGEND, width, '  '));
  return out;
}
