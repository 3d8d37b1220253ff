import { FAILURE_KINDS, type FailureKind, type FailureRow } from '../contract/recommendation.ts';

/**
 * One failure-table cell as every screen prints it (CLI, review, panel, playground): what is lost, how many owners,
 * and when it serves again, in a few characters. The colour each screen adds is never the only signal.
 * @example failureCellText({ lost: 'all', affected: 6000, rtoSeconds: 10, … }) === 'all 6k · 10 s'
 */
export function failureCellText(row: Pick<FailureRow, 'lost' | 'lossSeconds' | 'affected' | 'rtoSeconds'>): string {
  const { loss, back } = failureCellParts(row);
  return back ? `${loss} · ${back}` : loss;
}

/** The cell in two parts, for screens that print them on two lines (the CLI): what is lost, and when it serves again. */
export function failureCellParts(row: Pick<FailureRow, 'lost' | 'lossSeconds' | 'affected' | 'rtoSeconds'>): { loss: string; back: string } {
  const lost = row.lost === 'seconds' ? `${compact(row.lossSeconds ?? 0)} s lost` : row.lost;
  if (row.lost === 'nothing' && row.affected === 0 && row.rtoSeconds === 0) return { loss: 'nothing', back: '' };
  return { loss: `${lost}${row.affected > 0 ? ` ${compact(row.affected)}` : ''}`, back: row.rtoSeconds === null ? 'down' : `${compact(row.rtoSeconds)} s` };
}

/** The legend that goes with the cells. */
export const FAILURE_LEGEND = 'each cell: what is lost (nothing, in-flight requests, the last N s of writes, all) · owners affected · seconds until it serves again (down: not until the lost region returns)';

/** Rows grouped by item, in the table's order, each item's cells in FAILURE_KINDS order. */
export function failureMatrix(rows: readonly FailureRow[]): { state: string; store: string; cells: Record<FailureKind, FailureRow | undefined> }[] {
  const out = new Map<string, { state: string; store: string; cells: Record<FailureKind, FailureRow | undefined> }>();
  for (const r of rows) {
    const entry = out.get(r.state) ?? { state: r.state, store: r.store, cells: Object.fromEntries(FAILURE_KINDS.map((k) => [k, undefined])) as Record<FailureKind, FailureRow | undefined> };
    entry.cells[r.failure] = r;
    out.set(r.state, entry);
  }
  return [...out.values()];
}

/** 950, 6.25k, 1.08M: a count that fits a cell. */
export function compact(n: number): string {
  const sig = (x: number) => String(Number(x.toPrecision(3)));
  if (n < 1000) return sig(n);
  if (n < 1e6) return `${sig(n / 1e3)}k`;
  if (n < 1e9) return `${sig(n / 1e6)}M`;
  return `${sig(n / 1e9)}G`;
}
