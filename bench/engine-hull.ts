// Hull micro-benchmark: cost of one insert and one query on a single head's hull, for the
// three key patterns the engine meets: keys of increasing x (position lookups: the append
// path), keys repeating from a bounded set (memory addresses: merges), and distinct keys in
// random x order (new points land in a small "recent" chain that is absorbed in O(n) once it
// outgrows 2 sqrt(n): O(sqrt n) amortised).
//   npx tsx bench/engine-hull.ts [--sizes 10000,100000]
// Prints a table to stdout. Not part of the shipped engine.

import { fileURLToPath } from 'node:url';
import { ConvexHull } from '../src-engine/hull/convex-hull.ts';
import { Random } from '../src-engine/testing/random.ts';

type Pattern = 'increasing' | 'bounded-3600' | 'random-distinct';

/** Key number i of a pattern, as an address k (the key is the parabola point (2k, -k^2)). */
function addresses(pattern: Pattern, n: number): Float64Array {
  const rng = new Random(7);
  const k = new Float64Array(n);
  for (let i = 0; i < n; i++) k[i] = pattern === 'bounded-3600' ? rng.int(0, 3599) : i;
  if (pattern === 'random-distinct') {
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [k[i], k[j]] = [k[j], k[i]];
    }
  }
  return k;
}

function measure(pattern: Pattern, n: number): { insertNs: number; queryNs: number } {
  const hull = new ConvexHull('latest', 1);
  const k = addresses(pattern, n);
  const value = new Float64Array(1);
  const out = new Float64Array(1);
  let start = performance.now();
  for (let i = 0; i < n; i++) {
    value[0] = i;
    hull.insert(2 * k[i], -k[i] * k[i], i, value, 0);
  }
  const insertNs = ((performance.now() - start) * 1e6) / n;
  start = performance.now();
  let sink = 0;
  for (let i = 0; i < n; i++) {
    hull.query(k[(i * 7919) % n] + 0.25, 1, out, 0);
    sink += out[0];
  }
  const queryNs = ((performance.now() - start) * 1e6) / n + (sink < -1 ? 1 : 0);
  return { insertNs, queryNs };
}

function main(): void {
  const i = process.argv.indexOf('--sizes');
  const sizes = (i > 0 ? process.argv[i + 1] : '10000,100000').split(',').map(Number);
  for (const pattern of ['increasing', 'bounded-3600', 'random-distinct'] as const) {
    measure(pattern, 20_000); // warm-up: JIT-compile every path first
  }
  process.stdout.write('| keys             |       n | insert ns | query ns |\n');
  process.stdout.write('|------------------|---------|-----------|----------|\n');
  for (const pattern of ['increasing', 'bounded-3600', 'random-distinct'] as const) {
    for (const n of sizes) {
      const m = measure(pattern, n);
      process.stdout.write(
        `| ${pattern.padEnd(16)} | ${String(n).padStart(7)} | ` +
          `${m.insertNs.toFixed(0).padStart(9)} | ${m.queryNs.toFixed(0).padStart(8)} |\n`,
      );
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
