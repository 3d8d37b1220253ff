/** A scalar an answer or a requirements file holds; null = absent on that side. */
export type Value = number | string | boolean | null;

/** One named figure before and after: an input field, a capacity figure, a check's value. */
export interface FigureChange {
  /** What it is, in the contract's words: `traffic.peakRps`, `capacity.instances`, `orders check.latency`. */
  figure: string;
  before: Value;
  after: Value;
  /** The unit the answer states it in, when it has one (ms, MB/s, writes/s). */
  unit?: string;
}

/** A change when the two sides differ (numbers exactly: the engine answers byte-identically), else undefined. */
export function changeOf(figure: string, before: Value | undefined, after: Value | undefined, unit?: string): FigureChange | undefined {
  const b = before ?? null;
  const a = after ?? null;
  if (b === a) return undefined;
  return unit ? { figure, before: b, after: a, unit } : { figure, before: b, after: a };
}

/** The changes among `pairs`, in the order given. */
export function changesOf(pairs: readonly (FigureChange | undefined)[]): FigureChange[] {
  return pairs.filter((c): c is FigureChange => c !== undefined);
}
