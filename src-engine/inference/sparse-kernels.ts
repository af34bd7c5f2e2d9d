// The two sparse kernels of the forward pass, on "compact rows": only the rows of a CSR
// matrix that hold at least one entry, each with the index it reads or writes.
//   gather:  y[target[r]] = bias[target[r]] + sum_e val[e] * x[col[e]]   (projections)
//   scatter: x[col[e]] += val[e] * u[target[r]] for every entry e of row r  (output maps)
// Terms are accumulated one at a time in stored order, so results are machine-independent.

import type { SparseMatrix } from '../model/types.ts';

export interface CompactRows {
  readonly count: number; // number of non-empty rows
  readonly target: Int32Array; // [count] original row index of each non-empty row
  readonly ptr: Int32Array; // [count + 1] entry range of each non-empty row
  readonly col: Int32Array; // [nnz] column of each entry
  readonly val: Float64Array; // [nnz] value of each entry
}

/** Keeps the non-empty rows of m; rowOffset shifts the recorded row indices. */
export function compactRows(m: SparseMatrix, rowOffset = 0): CompactRows {
  return concatRows([m], [rowOffset]);
}

/** Stacks matrices vertically (matrix k's rows are offset by offsets[k]), non-empty rows only. */
export function concatRows(
  mats: readonly SparseMatrix[], offsets: readonly number[],
): CompactRows {
  let count = 0;
  let nnz = 0;
  for (const m of mats) {
    for (let r = 0; r < m.rows; r++) if (m.rowPtr[r + 1] > m.rowPtr[r]) count++;
    nnz += m.col.length;
  }
  const target = new Int32Array(count);
  const ptr = new Int32Array(count + 1);
  const col = new Int32Array(nnz);
  const val = new Float64Array(nnz);
  let k = 0;
  let e = 0;
  mats.forEach((m, i) => {
    for (let r = 0; r < m.rows; r++) {
      const begin = m.rowPtr[r];
      const end = m.rowPtr[r + 1];
      if (end === begin) continue;
      target[k] = offsets[i] + r;
      col.set(m.col.subarray(begin, end), e);
      val.set(m.val.subarray(begin, end), e);
      e += end - begin;
      ptr[++k] = e;
    }
  });
  return { count, target, ptr, col, val };
}

/** y = bias + W x over all rows of W (rows without entries just copy their bias). */
export function gather(
  w: CompactRows, bias: Float64Array, x: Float64Array, y: Float64Array,
): void {
  y.set(bias);
  const { count, target, ptr, col, val } = w;
  for (let k = 0; k < count; k++) {
    const t = target[k];
    let acc = y[t];
    for (let e = ptr[k], end = ptr[k + 1]; e < end; e++) acc += val[e] * x[col[e]];
    y[t] = acc;
  }
}

/** x += W^T u, skipping rows whose u is zero (adding a zero term changes nothing). */
export function scatter(w: CompactRows, u: Float64Array, x: Float64Array): void {
  const { count, target, ptr, col, val } = w;
  for (let k = 0; k < count; k++) {
    const s = u[target[k]];
    if (s === 0) continue;
    for (let e = ptr[k], end = ptr[k + 1]; e < end; e++) x[col[e]] += val[e] * s;
  }
}
