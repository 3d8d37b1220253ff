import { defineConfig } from 'vitest/config';
import { PROPERTY_SETUP, SYSTEM_TESTS } from './vitest.config.ts';

// `npm run test:system`: files named *.system.test.ts — real servers and CLIs in child processes over loopback, the
// fuzz slice, and the dense runs of the property files listed below. Slower than `npm test`; .ci/run runs both.
/** Property files the fast suite runs at a modest count, run again here at the dense count (test/support/property.ts). */
export const DENSE_PROPERTY_TESTS = [
  'test/rules/invariants.test.ts', 'test/rules/feasibility.test.ts', 'test/rules/contract/parse-properties.test.ts',
  'test/rules/review/properties.test.ts', 'test/rules/engine/tipping.test.ts', 'test/rules/catalog/logic.test.ts',
  'test/rules/invariant-12.test.ts', 'test/rules/residency.test.ts', 'test/rules/invariants-3-6-16.test.ts',
  'test/rules/engine/failures-property.test.ts', 'test/rules/invariant-13.test.ts', 'test/rules/engine/context.test.ts',
  'test/rules/engine/reevaluate.test.ts',
];

export default defineConfig({
  test: {
    include: [SYSTEM_TESTS, ...DENSE_PROPERTY_TESTS],
    env: { STATEWISE_DENSE: '1' },
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    ...PROPERTY_SETUP,
  },
});
