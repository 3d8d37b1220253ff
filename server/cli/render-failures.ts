import { FAILURE_KINDS, failureCellParts, failureMatrix, type FailureRow, type Recommendation } from '../../rules/index.ts';
import { oneLine } from './escape.ts';
import { paintFor, type Paint } from './io.ts';
import { wrap } from './text-wrap.ts';

/** Beyond this many items the matrix shows the first ones and counts the rest (--json lists every row). */
const FAILURE_ITEMS_SHOWN = 12;
const LEGEND = 'per item, first what is lost (nothing, in-flight requests, the last N s of writes, all) and how many owners, then when it serves again (down: not until the lost region returns)';

/**
 * The failure table as `statewise advise` prints it, right after the risks: one column per failure, two lines per
 * item — what is lost (and for how many), then when it serves again — so five columns fit 100 characters. An item
 * whose name would push the row past the width gets a line of its own. Colour (red all, yellow seconds, green
 * nothing) only repeats what each cell's words say.
 * @example renderFailures(rec) // ['Failure table …', '  item  instance  zone …', '  cart  nothing   …', '        …']
 */
export function renderFailures(r: Recommendation, paint: Paint = paintFor(false), width = 100): string[] {
  const rows = failureMatrix(r.failures ?? []);
  if (!rows.length) return [];
  const shown = rows.slice(0, FAILURE_ITEMS_SHOWN);
  const parts = (row: FailureRow | undefined) => (row ? failureCellParts(row) : { loss: '—', back: '' });
  // Columns as wide as their widest cell: colour codes are added after padding, so they never skew it.
  const cell = Math.max(10, ...shown.flatMap((m) => FAILURE_KINDS.map((k) => { const p = parts(m.cells[k]); return Math.max(p.loss.length, p.back.length); })));
  const cellsWidth = FAILURE_KINDS.length * (cell + 2);
  // The name column is as wide as the longest name that fits beside the cells; longer names go on a line of their
  // own, the cells under them.
  const room = width - 4 - cellsWidth;
  const nameColumn = Math.max(4, ...shown.map((m) => oneLine(m.state).length).filter((n) => n <= room));
  const colour = (row: FailureRow | undefined, text: string) => {
    if (!row || !text) return text;
    return row.lost === 'all' ? paint.red(text) : row.lost === 'seconds' ? paint.yellow(text) : row.lost === 'nothing' ? paint.green(text) : paint.dim(text);
  };
  const line = (lead: string, texts: { row: FailureRow | undefined; text: string }[]) =>
    `  ${lead.padEnd(nameColumn)}  ${texts.map(({ row, text }) => colour(row, text) + ' '.repeat(Math.max(0, cell - text.length))).join('  ')}`.trimEnd();
  const out = [paint.bold('Failure table') + ' (what each failure costs the chosen plan)',
    `  ${'item'.padEnd(nameColumn)}  ${FAILURE_KINDS.map((k) => k.padEnd(cell)).join('  ')}`.trimEnd()];
  for (const m of shown) {
    const name = oneLine(m.state);
    const own = name.length > nameColumn;
    if (own) out.push(`  ${name}`);
    out.push(line(own ? '' : name, FAILURE_KINDS.map((k) => ({ row: m.cells[k], text: parts(m.cells[k]).loss }))));
    const backs = FAILURE_KINDS.map((k) => ({ row: m.cells[k], text: parts(m.cells[k]).back ? `back ${parts(m.cells[k]).back}`.replace('back down', 'down') : '' }));
    if (backs.some((b) => b.text)) out.push(line('', backs));
  }
  if (rows.length > shown.length) out.push(`  … and ${rows.length - shown.length} more items (--json lists every row)`);
  out.push(...wrap(LEGEND, width, '  ').split('\n'));
  return out;
}
