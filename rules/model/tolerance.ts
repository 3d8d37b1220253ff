/**
 * The model's one tolerance: a figure within a billionth of its limit counts as at the limit, so float noise
 * (0.1 + 0.2) can never veto a store, add a node or push a budget over. Every comparison of a figure with a limit,
 * and every count of whole nodes, goes through here (docs/design.md, "The feasibility model").
 */
export const TOLERANCE = 1e-9;

/** value ≤ limit × scale, within the tolerance. `scale` is a budget scaled by the tipping-point search. @example within(1.0000000001, 1) === true */
export function within(value: number, limit: number, scale = 1): boolean {
  const l = scale === 1 ? limit : limit * scale;
  return value <= l || value - l <= TOLERANCE * l;
}

/** Whole units (nodes, shards) that cover `need`, at least 1: 3.0000000001 is 3. @example wholeUnits(2.5) === 3 */
export function wholeUnits(need: number): number {
  return Math.max(1, Math.ceil(need - TOLERANCE));
}
