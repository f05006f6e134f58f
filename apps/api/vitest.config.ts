import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Each file builds its own SQLite files; two at a time keeps a 2-core machine responsive.
    maxWorkers: 2,
    globalSetup: ['test/support/global-setup.ts'],
  },
});
