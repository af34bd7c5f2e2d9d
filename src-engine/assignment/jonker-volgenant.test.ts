import { describe, expect, it } from 'vitest';
import { solveSquare } from './jonker-volgenant.ts';
import { seededRandom } from './test-cases.ts';

/** The optimum by trying every permutation. */
function bruteForce(n: number, cost: Float64Array): number {
  const columns = [...Array(n).keys()];
  let best = Infinity;
  const extend = (row: number, total: number): void => {
    if (row === n) best = Math.min(best, total);
    for (let k = row; k < n; k++) {
      [columns[row], columns[k]] = [columns[k], columns[row]];
      extend(row + 1, total + cost[row * n + columns[row]]);
      [columns[row], columns[k]] = [columns[k], columns[row]];
    }
  };
  extend(0, 0);
  return best;
}

function totalOf(n: number, cost: Float64Array, x: Int32Array): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += cost[i * n + x[i]];
  return total;
}

describe('the Jonker-Volgenant solver', () => {
  it('solves the empty and the 1×1 problem', () => {
    expect([...solveSquare(0, new Float64Array()).rowToColumn]).toEqual([]);
    expect([...solveSquare(1, Float64Array.of(-4)).rowToColumn]).toEqual([0]);
  });

  it('matches brute force on 3000 random problems up to 7×7, ties and negatives included', () => {
    const random = seededRandom(17);
    for (let trial = 0; trial < 3000; trial++) {
      const n = 1 + Math.floor(random() * 7);
      const span = [2, 4, 10, 1000][trial % 4];
      const cost = Float64Array.from({ length: n * n }, () => Math.floor(random() * span) - 3);
      const { rowToColumn } = solveSquare(n, cost);
      expect(new Set(rowToColumn).size).toBe(n);
      expect(totalOf(n, cost, rowToColumn)).toBe(bruteForce(n, cost));
    }
  });

  it('leaves potentials under which every row holds its cheapest reduced column', () => {
    const random = seededRandom(5);
    const n = 60;
    const cost = Float64Array.from({ length: n * n }, () => Math.floor(random() * 50));
    const { rowToColumn, v } = solveSquare(n, cost);
    for (let i = 0; i < n; i++) {
      let best = Infinity;
      for (let j = 0; j < n; j++) best = Math.min(best, cost[i * n + j] - v[j]);
      expect(cost[i * n + rowToColumn[i]] - v[rowToColumn[i]]).toBe(best);
    }
  });
});
