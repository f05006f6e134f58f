import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Each file builds its own databases (SQLite files, or PostgreSQL databases copied from the template); two at a
    // time keeps a 2-core machine responsive.
    maxWorkers: 2,
    // DUDAO_TEST_ENGINE=postgres runs the same suite on a throwaway PostgreSQL server the global setup starts.
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/drop-databases.ts'],
    // A test that asserts nothing passes whatever the code does: every test must make at least one assertion.
    expect: { requireAssertions: true },
  },
});
