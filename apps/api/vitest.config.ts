import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Files whose subject does not depend on the engine run once, on SQLite: LibreOffice's typesetting of a generated
 * document (its generation and figures run on both engines in documents.test.ts, documents-export.test.ts and
 * one-truth-figures.test.ts), the CLI's argument parsing and its paths, the demo generator. Pure text and chart
 * composition is tested in packages/documents.
 */
const engineFree = [
  'test/documents-libreoffice.test.ts',
  'test/documents-libreoffice-gbt9704.test.ts',
  'test/cli-flags.test.ts',
  'test/cli-paths.test.ts',
  'src/demo/**/*.test.ts',
];

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(process.env.DUDAO_TEST_ENGINE === 'postgres' ? engineFree : [])],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Each file builds its own databases (SQLite files, or PostgreSQL databases copied from the template); two at a
    // time keeps a 2-core machine responsive.
    maxWorkers: 2,
    // Files share their worker's module graph rather than importing it again each (some 100 s of a 340 s run went
    // into module imports): every cache the services keep is keyed by its database handle, and each file opens its own.
    isolate: false,
    // DUDAO_TEST_ENGINE=postgres runs the same suite on a throwaway PostgreSQL server the global setup starts.
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/drop-databases.ts'],
    // A test that asserts nothing passes whatever the code does: every test must make at least one assertion.
    expect: { requireAssertions: true },
  },
});
