// Build of the three Electron bundles. The folders do not follow electron-vite's defaults
// (src/main, src/preload, src/renderer), so every entry is given explicitly.
// Output goes to out/{main,preload,renderer}; the browser mode serves out/renderer too.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve(root, 'src-main/main/index.ts'),
          // the engine host, started by the main process as a utility process
          'engine-host': resolve(root, 'src-main/host/engine-host.ts'),
        },
        // chunks beside the entries: the engine finds resources/ at ../../ from its module
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve(root, 'src-main/preload/index.ts') },
        // A sandboxed preload cannot be an ES module: emit CommonJS as .cjs,
        // since package.json says "type": "module".
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: {
        input: { index: resolve(root, 'src-renderer/index.html') },
      },
    },
    plugins: [svelte({ configFile: resolve(root, 'svelte.config.js') })],
  },
});
