/**
 * How many inputs a property test generates: a modest count in the fast suite (`npm test`), the dense count in
 * `npm run test:system`, which sets STATEWISE_DENSE=1 and also runs the property files listed in
 * vitest.system.config.ts (DENSE_PROPERTY_TESTS).
 * @example fc.assert(property, { numRuns: runs(500, 5000) })
 */
export function runs(fast: number, dense: number): number {
  return process.env.STATEWISE_DENSE === '1' ? dense : fast;
}

/** True in the dense run, where a property file may also ask that rare kinds of input were generated. */
export const DENSE = process.env.STATEWISE_DENSE === '1';
