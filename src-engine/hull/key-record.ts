// Merged key records: several tokens with an identical key (or, for the groups of
// convex-hull.ts, the same x, or any key) are folded into one record, so memory grows with
// distinct keys, not with tokens. Records live in one flat array, `stride = 2 + dv` numbers
// each:
//   [pos, cnt, v_0 .. v_(dv-1)]
//   pos = largest position folded in; cnt = number of tokens folded in;
//   v   = latest: the value of the token at pos; average: the sum of all values (exact,
//         see AverageGuard).

import type { QueryHit } from './key-store.ts';

export function writeRecord(
  rec: Float64Array,
  dv: number,
  i: number,
  position: number,
  src: Float64Array,
  off: number,
): void {
  const at = i * (dv + 2);
  rec[at] = position;
  rec[at + 1] = 1;
  for (let c = 0; c < dv; c++) rec[at + 2 + c] = src[off + c];
}

export function foldRecord(
  average: boolean,
  rec: Float64Array,
  dv: number,
  i: number,
  position: number,
  src: Float64Array,
  off: number,
): void {
  const at = i * (dv + 2);
  rec[at + 1] += 1;
  if (average) {
    for (let c = 0; c < dv; c++) rec[at + 2 + c] += src[off + c];
    if (position > rec[at]) rec[at] = position;
  } else if (position >= rec[at]) {
    rec[at] = position;
    for (let c = 0; c < dv; c++) rec[at + 2 + c] = src[off + c];
  }
}

/** Folds record j of `from` (a whole merged record) into record i of `into`. */
export function combineRecords(
  average: boolean,
  into: Float64Array,
  i: number,
  from: Float64Array,
  j: number,
  dv: number,
): void {
  const a = i * (dv + 2);
  const b = j * (dv + 2);
  into[a + 1] += from[b + 1];
  if (average) {
    for (let c = 0; c < dv; c++) into[a + 2 + c] += from[b + 2 + c];
    if (from[b] > into[a]) into[a] = from[b];
  } else if (from[b] > into[a]) {
    into[a] = from[b];
    for (let c = 0; c < dv; c++) into[a + 2 + c] = from[b + 2 + c];
  }
}

/**
 * The answer of a query won by records ids[0 .. n) of `rec`, all tied at the maximal score:
 * the value of the record of largest position (latest) or the sum of all their values
 * (average; integer sums below 2^53, exact in any order); fills hit.count and hit.position.
 */
export function collect(
  average: boolean,
  dv: number,
  rec: Float64Array,
  ids: Int32Array,
  n: number,
  out: Float64Array,
  off: number,
  hit: QueryHit,
): void {
  const stride = dv + 2;
  let count = 0;
  let win = -1;
  let winPos = -Infinity;
  for (let i = 0; i < n; i++) {
    const at = ids[i] * stride;
    count += rec[at + 1];
    if (rec[at] > winPos) {
      winPos = rec[at];
      win = at;
    }
  }
  hit.count = count;
  hit.position = winPos;
  if (!average || n === 1) {
    for (let c = 0; c < dv; c++) out[off + c] = rec[win + 2 + c];
    return;
  }
  for (let c = 0; c < dv; c++) {
    let sum = rec[ids[0] * stride + 2 + c];
    for (let i = 1; i < n; i++) sum += rec[ids[i] * stride + 2 + c];
    out[off + c] = sum;
  }
}
