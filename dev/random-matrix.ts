// Prints a seeded random assignment problem as CSV, for timing `inweights solve` on sizes
// larger than the shared cases: `npx tsx dev/random-matrix.ts N [SEED] > problem.csv`.
// Costs are integers 1..100 drawn uniformly.
import { seededRandom } from '../src-engine/assignment/test-cases.ts';

const [n = 30, seed = 1] = process.argv.slice(2).map(Number);
if (!Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) {
  process.stderr.write('usage: tsx dev/random-matrix.ts N [SEED]\n');
  process.exit(2);
}
const random = seededRandom(seed);
for (let i = 0; i < n; i++) {
  const row = Array.from({ length: n }, () => 1 + Math.floor(random() * 100));
  process.stdout.write(row.join(',') + '\n');
}
