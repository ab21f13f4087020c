import { defineConfig } from 'vitest/config';

/** Test files that drive Chromium: their project alone makes sure /usr/bin/chromium is there. */
const BROWSER_TESTS = ['tests/browser/**/*.test.ts', 'tests/hostile/browser.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Property tests draw random inputs locally and a fixed seed under CI=true (see the file).
    setupFiles: ['tests/support/property-seed.ts'],
    // Each project compiles src/ into lib/ first (the CLI tests run it); a second project's compile is incremental and quick.
    projects: [
      { extends: true, test: { name: 'node', include: ['tests/**/*.test.ts'], exclude: BROWSER_TESTS, globalSetup: ['tests/support/scratch-dir.ts', 'tests/support/compile.ts'] } },
      // A project's global setup runs only when one of its files is queued: `vitest run tests/article` never needs a browser.
      { extends: true, test: { name: 'browser', include: BROWSER_TESTS, globalSetup: ['tests/support/scratch-dir.ts', 'tests/support/compile.ts', 'tests/browser/global-setup.ts'] } },
    ],
  },
});
