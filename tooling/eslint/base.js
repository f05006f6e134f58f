import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The rules that catch what bit this codebase: promises left floating, `any` leaking types away, switches that
 * forget a case, and imports or variables nobody uses. Type-aware, so each package passes its own tsconfig root.
 */
export function base(tsconfigRootDir) {
  return tseslint.config(
    { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/.svelte-kit/**', '**/coverage/**'] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
      languageOptions: {
        globals: { ...globals.node },
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      linterOptions: { reportUnusedDisableDirectives: 'error' },
      rules: {
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/no-misused-promises': [
          'error',
          { checksVoidReturn: { arguments: false, attributes: false } },
        ],
        '@typescript-eslint/no-explicit-any': 'error',
        '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
        ],
        '@typescript-eslint/no-unnecessary-condition': 'off',
        '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowNullish: true }],
        '@typescript-eslint/require-await': 'off',
        '@typescript-eslint/no-unsafe-assignment': 'off',
        '@typescript-eslint/no-unsafe-member-access': 'off',
        '@typescript-eslint/no-unsafe-argument': 'off',
        '@typescript-eslint/no-unsafe-return': 'off',
        '@typescript-eslint/no-unsafe-call': 'off',
        'no-console': 'off',
        'no-empty': ['error', { allowEmptyCatch: true }],
        // Chinese documents indent and pad with the ideographic space (U+3000), in strings and templates alike.
        'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      },
    },
    {
      // Tests read spreadsheet cells and query strings into messages: what they print is for the developer.
      files: ['**/test/**', '**/tests/**', '**/*.test.ts'],
      rules: {
        '@typescript-eslint/no-base-to-string': 'off',
        '@typescript-eslint/restrict-template-expressions': 'off',
        // A test's state machine (phase, last message) is written where it changes, read by the next poll.
        'no-useless-assignment': 'off',
      },
    },
    {
      files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.config.ts'],
      ...tseslint.configs.disableTypeChecked,
    },
  );
}
