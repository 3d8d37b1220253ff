import { defineConfig } from 'vitest/config';

/**
 * Three suites, chosen by where a test file lives and how it is named (docs/design.md, "Tests"):
 * - `npm test` (this file): every `test/**\/*.test.ts` except the two below — unit tests, in-process HTTP
 *   (`app.request`), in-process CLI, property tests at a modest count. Kept under a minute on 2 cores.
 * - `npm run test:system` (vitest.system.config.ts): `*.system.test.ts` — spawned servers and CLIs, the fuzz slice,
 *   dense property runs.
 * - `npm run test:e2e` (vitest.e2e.config.ts): `test/e2e/**` — real browser, real VS Code.
 */
export const SYSTEM_TESTS = 'test/**/*.system.test.ts';
export const PROPERTY_SETUP = { globalSetup: ['test/support/property-seed.ts'], setupFiles: ['test/support/property-setup.ts'] };

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', SYSTEM_TESTS, 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share one module graph per worker: the core has no hidden global state (factories resolve their
    // options once), so isolation only bought re-importing zod, yaml and the catalogue per file (65 s → 30 s here).
    isolate: false,
    // bin/statewise.js runs the sources, never dist/ (a build of them): tests are about the sources.
    env: { STATEWISE_RUN: 'sources' },
    ...PROPERTY_SETUP,
  },
});
