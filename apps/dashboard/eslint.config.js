import { svelteConfig } from '@dudao/eslint-config/svelte';
import svelteConfigFile from './svelte.config.js';

export default svelteConfig(import.meta.dirname, svelteConfigFile);
