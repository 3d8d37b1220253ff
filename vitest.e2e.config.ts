import { defineConfig } from 'vitest/config';

// Suites that need a real browser (Debian chromium) or a real VS Code (code-server). Installed by e2e/setup.sh.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // bin/statewise.js runs the sources, never dist/ (a build of them): tests are about the sources.
    env: { STATEWISE_RUN: 'sources' },
    fileParallelism: false,
  },
});
