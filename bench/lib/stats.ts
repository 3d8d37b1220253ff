/**
 * Timing helpers shared by the benchmarks. Every figure is a median (and p99 where a distribution matters) over
 * many samples; the benchmarks report ratios against a baseline measured in the same run, because these machines
 * are shared and drift between runs.
 */

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function p99(values: readonly number[]): number {
  return quantile(values, 0.99);
}

/** Nearest-rank quantile of a sample (0 < q ≤ 1). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * Times `fn` in batches and returns microseconds per call for each batch. Batching keeps the timer's resolution
 * and call overhead out of sub-microsecond figures; a warm-up lets the JIT settle first.
 */
export function sampleMicros(fn: () => unknown, options: { samples: number; batch: number; warmup?: number }): number[] {
  const { samples, batch, warmup = Math.max(50, batch * 5) } = options;
  for (let i = 0; i < warmup; i++) sink(fn());
  const out: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) sink(fn());
    out.push(Number(process.hrtime.bigint() - t0) / 1000 / batch);
  }
  return out;
}

let sunk = 0;
/** Keeps results observable so the JIT cannot drop the work being timed. */
export function sink(value: unknown): void {
  if (value === undefined) sunk++;
}

/** Formats a number for a table: µs with one decimal below 100, integers above; thousands separated. */
export function fmt(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return String(n);
  const d = Math.abs(n) >= 100 ? 0 : digits;
  return n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}
