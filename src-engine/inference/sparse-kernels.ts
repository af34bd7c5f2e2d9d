// The two sparse kernels of the forward pass, on packed rows built once at load:
//   dot:     y_r = bias_r + sum_e w_e * x[c_e]     (projections, gates, logits)
//   scatter: x[c_e] += w_e * u_r for each entry e of row r   (output maps)
// Terms are added one at a time in stored order, so results are machine-independent.
//
// Packing: the first LANES entries of every row sit in fixed-width lanes (an unrolled,
// branch-free inner loop: most rows are that short); entries beyond them follow in a CSR
// "rest" part, in order. Short rows are padded with weight 0 reading the residual's zero
// slot (dot) or writing its sink slot (scatter): a padded term adds exactly 0, so the sum
// equals the unpadded one (up to the sign of a zero result, which no later step observes).

import type { SparseMatrix } from '../model/types.ts';

export const LANES = 4; // entries per row held in the dot lanes

export interface PackedRows {
  readonly rows: number;
  readonly target: Int32Array; // [rows] row index in the source matrix (logits: token id)
  readonly bias: Float64Array; // [rows]
  readonly col: Int32Array; // [rows * LANES] first LANES columns of each row
  readonly val: Float64Array; // [rows * LANES] their weights (0 for padding)
  readonly restPtr: Int32Array; // [rows + 1] range of each row's remaining entries
  readonly restCol: Int32Array; // [rest nnz]
  readonly restVal: Float64Array; // [rest nnz]
  /** Whether any row has entries beyond the lanes (lets kernels skip the rest loop). */
  readonly hasRest: boolean;
}

interface RowSource {
  readonly weight: SparseMatrix;
  readonly bias?: Float64Array;
}

/**
 * Stacks the rows of several matrices (with optional biases) into lanes of width `lanes`.
 * keep(row) selects rows (by stacked index); padding refers to column `pad`.
 */
export function packRows(
  parts: readonly RowSource[],
  lanes: number,
  pad: number,
  keep: (row: number) => boolean,
): PackedRows {
  const picked: Array<{ m: SparseMatrix; r: number; bias: number; row: number }> = [];
  let row = 0;
  for (const { weight: m, bias } of parts) {
    for (let r = 0; r < m.rows; r++, row++) {
      if (keep(row)) picked.push({ m, r, bias: bias === undefined ? 0 : bias[r], row });
    }
  }
  const rows = picked.length;
  const col = new Int32Array(rows * lanes).fill(pad);
  const val = new Float64Array(rows * lanes);
  const restPtr = new Int32Array(rows + 1);
  const rest: number[] = [];
  picked.forEach(({ m, r }, k) => {
    for (let e = m.rowPtr[r], i = 0; e < m.rowPtr[r + 1]; e++, i++) {
      if (i < lanes) {
        col[k * lanes + i] = m.col[e];
        val[k * lanes + i] = m.val[e];
      } else {
        rest.push(m.col[e], m.val[e]);
      }
    }
    restPtr[k + 1] = rest.length / 2;
  });
  return {
    rows,
    target: Int32Array.from(picked, (p) => p.row),
    bias: Float64Array.from(picked, (p) => p.bias),
    col,
    val,
    restPtr,
    restCol: Int32Array.from({ length: rest.length / 2 }, (_, i) => rest[2 * i]),
    restVal: Float64Array.from({ length: rest.length / 2 }, (_, i) => rest[2 * i + 1]),
    hasRest: rest.length > 0,
  };
}

/** bias_r + sum of row r's terms (lanes of width LANES). */
export function dot(w: PackedRows, r: number, x: Float64Array): number {
  const col = w.col;
  const val = w.val;
  const b = r * LANES;
  let acc = w.bias[r];
  acc += val[b] * x[col[b]];
  acc += val[b + 1] * x[col[b + 1]];
  acc += val[b + 2] * x[col[b + 2]];
  acc += val[b + 3] * x[col[b + 3]];
  if (w.hasRest) {
    for (let e = w.restPtr[r], end = w.restPtr[r + 1]; e < end; e++) {
      acc += w.restVal[e] * x[w.restCol[e]];
    }
  }
  return acc;
}

/** y[r] = dot(w, r, x) for every row. */
export function dotAll(w: PackedRows, x: Float64Array, y: Float64Array): void {
  for (let r = 0; r < w.rows; r++) y[r] = dot(w, r, x);
}

/** Largest |term| of row r, its bias included (the rounding scale of dot(w, r, x)). */
export function largestTerm(w: PackedRows, r: number, x: Float64Array): number {
  let max = Math.abs(w.bias[r]);
  for (let i = r * LANES; i < (r + 1) * LANES; i++) {
    max = Math.max(max, Math.abs(w.val[i] * x[w.col[i]]));
  }
  for (let e = w.restPtr[r]; e < w.restPtr[r + 1]; e++) {
    max = Math.max(max, Math.abs(w.restVal[e] * x[w.restCol[e]]));
  }
  return max;
}

/** x += s * (row r) for packed rows of lane width 1. */
export function scatterRow(w: PackedRows, r: number, s: number, x: Float64Array): void {
  x[w.col[r]] += w.val[r] * s;
  if (w.hasRest) {
    for (let e = w.restPtr[r], end = w.restPtr[r + 1]; e < end; e++) {
      x[w.restCol[e]] += w.restVal[e] * s;
    }
  }
}

/** x += W^T u for packed rows of lane width 1 (row r scatters u[r]). */
export function scatter(w: PackedRows, u: Float64Array, x: Float64Array): void {
  for (let r = 0; r < w.rows; r++) scatterRow(w, r, u[r], x);
}
