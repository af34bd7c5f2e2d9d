// Test inputs for the assignment layer: the external cases of shared/cases (a sibling of the
// repository root, here and in CI) and seeded random problems. Used by tests only.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const casesDir = fileURLToPath(new URL('../../../shared/cases/', import.meta.url));

export function caseText(name: string): string {
  return readFileSync(`${casesDir}${name}`, 'utf8');
}

export interface SmallCase {
  id: string;
  matrix: unknown[][];
  sense: 'min' | 'max';
  expected_optimum: number | 'infeasible' | 'error';
  expected_assignment_row_to_col: number[] | null;
}

export function smallCases(): SmallCase[] {
  return (JSON.parse(caseText('small.json')) as { cases: SmallCase[] }).cases;
}

/** Benchmark files with their known optima (the OR-Library layout). */
export const benchmarkFiles = [
  { file: 'blog10.txt', optimum: 206 },
  { file: 'orlib/assign100.txt', optimum: 305 },
  { file: 'orlib/assign200.txt', optimum: 475 },
  { file: 'lap/dense_100x100_int.txt', optimum: 198 },
] as const;

/** A seeded generator of floats in [0, 1) (mulberry32), for reproducible random problems. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export interface RandomProblem {
  rows: (number | string)[][];
  maximize: boolean;
}

/**
 * Problems of 1 to 8 rows and columns: narrow value ranges (many ties), negatives, forbidden
 * pairs ("inf") at several densities, maximisation, one-decimal costs and extreme magnitudes.
 */
export function randomProblem(random: () => number): RandomProblem {
  const pick = (k: number): number => Math.floor(random() * k);
  const rows = 1 + pick(8),
    columns = 1 + pick(8);
  const span = [2, 5, 20, 1000][pick(4)];
  const offset = random() < 0.5 ? -Math.floor(span / 2) : 0;
  const forbidden = [0, 0.15, 0.4][pick(3)];
  const decimals = random() < 0.15;
  const extreme = !decimals && random() < 0.1;
  const value = (): number | string => {
    if (random() < forbidden) return 'inf';
    if (extreme && random() < 0.5) return random() < 0.5 ? 2147483647 : -2147483647;
    const x = offset + pick(span);
    return decimals ? `${x / 10}` : x;
  };
  const matrix = Array.from({ length: rows }, () => Array.from({ length: columns }, value));
  return { rows: matrix, maximize: random() < 0.3 };
}
