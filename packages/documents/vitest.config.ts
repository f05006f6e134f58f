import { defineConfig } from 'vitest/config';

export default defineConfig({
  // A test that asserts nothing passes whatever the code does: every test must make at least one assertion.
  test: { expect: { requireAssertions: true } },
});
