// Svelte compiler settings shared by the renderer build (electron.vite.config.ts),
// svelte-check and eslint-plugin-svelte. The renderer root is src-renderer/, not the project
// root, so each of those tools is pointed at this file explicitly.
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
};
