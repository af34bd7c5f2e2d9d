// Prints a seeded random assignment problem as CSV, for timing `inweights solve` on sizes
// larger than the shared cases: `npx tsx dev/random-matrix.ts N [SEED] > problem.csv`. It is
// the problem the app's Random button draws for that size and seed (integer costs 1..100).
import { randomGrid } from '../src-renderer/src/lib/matrix.ts';

const [n = 30, seed = 1] = process.argv.slice(2).map(Number);
try {
  const { cells } = randomGrid(n, n, seed);
  process.stdout.write(cells.map((row) => row.join(',') + '\n').join(''));
} catch (error) {
  process.stderr.write(`random-matrix: ${(error as Error).message}\n`);
  process.exit(2);
}
