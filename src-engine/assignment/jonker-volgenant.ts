// The independent solver that checks hungarian.c: Jonker and Volgenant's method for the dense
// square problem (column reduction, reduction transfer, augmenting row reduction, then
// shortest augmenting paths that settle whole sets of columns at once). It shares no code
// with the C program and starts from a different end: it assigns most rows greedily and
// repairs the rest, where the C program adds rows one by one.
//
// Invariant kept throughout (the optimality certificate that verify.ts re-checks):
//   for every assigned row i, its column x[i] minimises c[i][j] - v[j] over all columns j.
// With u[i] = that minimum, u[i] + v[j] <= c[i][j] everywhere with equality on the matching,
// so a perfect matching that keeps the invariant is optimal (LP duality).
//
// Arithmetic is float64 on integers; the caller keeps |costs| and the potentials below 2^52.

export interface SquareSolution {
  /** column of each row (a permutation of 0..n-1) */
  rowToColumn: Int32Array;
  /** column potentials: each row's column minimises cost - v */
  v: Float64Array;
}

/** The problem and the solution being built: the arrays every phase reads and updates. */
interface State {
  n: number;
  /** n×n row-major */
  cost: Float64Array;
  /** column of each row, -1 while free */
  x: Int32Array;
  /** row of each column, -1 while free */
  y: Int32Array;
  /** column potentials */
  v: Float64Array;
}

/** Solves the n×n problem with row-major `cost`; every pair is allowed (costs are finite). */
export function solveSquare(n: number, cost: Float64Array): SquareSolution {
  const x = new Int32Array(n).fill(-1);
  const y = new Int32Array(n).fill(-1);
  const state: State = { n, cost, x, y, v: new Float64Array(n) };
  let free = reduceColumns(state);
  for (let pass = 0; pass < 2 && free.length > 0; pass++) free = reduceRows(state, free);
  const work = new Workspace(n);
  for (const row of free) augment(state, row, work);
  return { rowToColumn: x, v: state.v };
}

/**
 * Column reduction: v[j] = the column's minimum, and each column goes to its minimum row if that
 * row is still free. A row that won exactly one column then transfers slack to it: v of that
 * column drops until the row's second-best reduced cost ties it. Returns the free rows.
 */
function reduceColumns({ n, cost, x, y, v }: State): number[] {
  const wins = new Int32Array(n);
  for (let j = n - 1; j >= 0; j--) {
    let best = 0;
    for (let i = 1; i < n; i++) if (cost[i * n + j] < cost[best * n + j]) best = i;
    v[j] = cost[best * n + j];
    if (wins[best]++ === 0) {
      x[best] = j;
      y[j] = best;
    }
  }
  const free: number[] = [];
  for (let i = 0; i < n; i++) {
    if (wins[i] === 0) free.push(i);
    if (wins[i] !== 1) continue;
    const j1 = x[i];
    let second = Infinity;
    for (let j = 0; j < n; j++) {
      if (j !== j1) second = Math.min(second, cost[i * n + j] - v[j]);
    }
    if (second !== Infinity) v[j1] -= second - (cost[i * n + j1] - v[j1]);
  }
  return free;
}

/**
 * Augmenting row reduction: a free row takes its best column; if that column's owner is
 * displaced it competes again at once, after v of the taken column drops by the gap to the
 * row's second best (so the invariant holds). Ties move on to the second-best column instead
 * and the displaced row waits for the next pass. At most n·n steps; returns the rows left free.
 */
function reduceRows({ n, cost, x, y, v }: State, queue: number[]): number[] {
  const next: number[] = [];
  let k = 0;
  for (let steps = 0; k < queue.length && steps < n * n; steps++) {
    const i = queue[k++];

    // The two smallest reduced costs of row i, at columns j1 and j2.
    let u1 = Infinity,
      u2 = Infinity,
      j1 = -1,
      j2 = -1;
    for (let j = 0; j < n; j++) {
      const h = cost[i * n + j] - v[j];
      if (h < u1) {
        [u2, j2, u1, j1] = [u1, j1, h, j];
      } else if (h < u2) {
        [u2, j2] = [h, j];
      }
    }

    // Take j1, widening its lead; on a tie take the free-or-second column instead.
    let owner = y[j1];
    if (u1 < u2) {
      if (u2 !== Infinity) v[j1] -= u2 - u1;
    } else if (owner >= 0) {
      j1 = j2;
      owner = y[j1];
    }
    x[i] = j1;
    y[j1] = i;
    if (owner < 0) continue;
    x[owner] = -1;
    if (u1 < u2) queue[--k] = owner;
    else next.push(owner);
  }
  return next.concat(queue.slice(k));
}

/** Scratch arrays of the shortest-path search, allocated once per solve. */
class Workspace {
  readonly dist: Float64Array; // reduced distance from the free row to each column
  readonly pred: Int32Array; // row before each column on its shortest path
  readonly order: Int32Array; // columns: [0, low) settled, [low, up) at the minimum, rest open
  constructor(n: number) {
    this.dist = new Float64Array(n);
    this.pred = new Int32Array(n);
    this.order = new Int32Array(n);
  }
}

/**
 * Shortest augmenting path from free row `start` (Dijkstra over columns with reduced costs),
 * settling all columns at the current minimum distance together. On reaching a free column,
 * settled columns' potentials drop by their slack to the minimum and the path is flipped.
 */
function augment({ n, cost, x, y, v }: State, start: number, work: Workspace): void {
  const { dist, pred, order } = work;
  for (let j = 0; j < n; j++) {
    dist[j] = cost[start * n + j] - v[j];
    pred[j] = start;
    order[j] = j;
  }
  let low = 0,
    up = 0,
    min = 0,
    end = -1;
  while (end < 0) {
    // Collect the open columns at the smallest distance into [low, up).
    if (up === low) {
      min = dist[order[up++]];
      for (let k = up; k < n; k++) {
        const j = order[k],
          h = dist[j];
        if (h > min) continue;
        if (h < min) {
          up = low;
          min = h;
        }
        order[k] = order[up];
        order[up++] = j;
      }
      for (let k = low; k < up && end < 0; k++) if (y[order[k]] < 0) end = order[k];
      if (end >= 0) break;
    }

    // Settle one column at the minimum and relax the open columns through its row.
    const j1 = order[low++],
      i = y[j1];
    const base = cost[i * n + j1] - v[j1] - min;
    for (let k = up; k < n && end < 0; k++) {
      const j = order[k],
        h = cost[i * n + j] - v[j] - base;
      if (h >= dist[j]) continue;
      dist[j] = h;
      pred[j] = i;
      if (h !== min) continue;
      if (y[j] < 0) {
        end = j;
      } else {
        order[k] = order[up];
        order[up++] = j;
      }
    }
  }

  // Settled columns keep the invariant by dropping their potentials; then flip the path.
  for (let k = 0; k < low; k++) v[order[k]] += dist[order[k]] - min;
  for (let j = end; ;) {
    const i = pred[j];
    y[j] = i;
    const previous = x[i];
    x[i] = j;
    if (i === start) break;
    j = previous;
  }
}
