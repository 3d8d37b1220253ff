import type { CompiledCheckRule } from '../catalog/compiled.ts';
import type { Probe } from '../model/measures.ts';
import { within } from '../model/tolerance.ts';

/** What one check says of one probe: it does not apply (its condition is false, or a figure does not exist for this store), it passes or it fails. */
export type CheckVerdict = 'skip' | 'pass' | 'fail';

/** Where checkOutcome leaves the figures it compared, for callers that report them. */
export interface Measured { value: number; limit: number }

/**
 * One check on one item in one store with one technology: the single place a check is applied. The full pass, the
 * tipping-point search's reuse and the answer's blockers all call it, so they cannot disagree on a tolerance or a
 * condition. `into` receives the figures (reused, so the fast path allocates nothing).
 * @example checkOutcome(rule, { ctx, item, store: 'database', profile }, scratch) === 'pass'
 */
export function checkOutcome(rule: CompiledCheckRule, probe: Probe, into?: Measured): CheckVerdict {
  if (!rule.test(probe.ctx, probe.item, undefined)) return 'skip';
  const value = rule.measure.value(probe);
  const limit = rule.limit.value(probe);
  if (value === undefined || limit === undefined) return 'skip';
  if (into) { into.value = value; into.limit = limit; }
  return within(value, limit) ? 'pass' : 'fail';
}
