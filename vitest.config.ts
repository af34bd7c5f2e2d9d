// Unit tests: *.test.ts beside the code in src-engine and src-main. End-to-end tests (e2e/)
// run under Playwright and benchmarks (bench/) under `npm run bench`, never here.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src-engine/**/*.test.ts', 'src-main/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'bench/**', 'e2e/**', 'out/**'],
    environment: 'node',
    // Engine tests compile C with clang-in-WebAssembly and run long traces.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
