import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { base } from './base.js';

/** The base rules plus Svelte 5 components, their `<script lang="ts">` parsed by typescript-eslint. */
export function svelteConfig(tsconfigRootDir, svelteConfigFile) {
  return tseslint.config(...base(tsconfigRootDir), ...svelte.configs.recommended, {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
        svelteConfig: svelteConfigFile,
      },
    },
    rules: {
      // The dashboard is served at the site root (no `paths.base`), so resolve() around every href adds nothing.
      'svelte/no-navigation-without-resolve': 'off',
    },
  });
}
