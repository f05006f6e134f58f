import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter(),
    // The bench script is checked with the app, so it cannot drift from the test harness it reuses.
    typescript: { config: (tsconfig) => ({ ...tsconfig, include: [...tsconfig.include, '../scripts/**/*.ts'] }) },
  },
};

export default config;
