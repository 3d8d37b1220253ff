import { defineConfig } from 'vitest/config';

// `npm test` runs everything under test/ except the browser / real-VS-Code suites (npm run test:e2e).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // bin/statewise.js runs the sources, never dist/ (a build of them): tests are about the sources.
    env: { STATEWISE_RUN: 'sources' },
  },
});
