// Merged key records: several tokens with an identical key (or, for the extreme-x groups, the
// same x) are folded into one record, so memory grows with distinct keys, not with tokens.
// Records live in one flat array, `stride = 2 + dv` numbers each:
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
 * Combines two runs of records, la..ra of `a` and lb..rb of `b` (a run is empty when l > r),
 * all tied at the maximal score, into the query answer: the value of the record of largest
 * position (latest) or the sum of all values (average); fills hit.count and hit.position.
 */
export function collectRuns(
  average: boolean,
  dv: number,
  a: Float64Array,
  la: number,
  ra: number,
  b: Float64Array,
  lb: number,
  rb: number,
  out: Float64Array,
  off: number,
  hit: QueryHit,
): void {
  const stride = dv + 2;
  let count = 0;
  let winArr = a;
  let win = -1;
  let winPos = -Infinity;
  for (let at = la * stride; at <= ra * stride; at += stride) {
    count += a[at + 1];
    if (a[at] > winPos) {
      winPos = a[at];
      win = at;
    }
  }
  for (let at = lb * stride; at <= rb * stride; at += stride) {
    count += b[at + 1];
    if (b[at] > winPos) {
      winPos = b[at];
      win = at;
      winArr = b;
    }
  }
  hit.count = count;
  hit.position = winPos;
  for (let c = 0; c < dv; c++) {
    if (!average) {
      out[off + c] = winArr[win + 2 + c];
      continue;
    }
    // Start from the first record's sum, as the scan starts from the first value (this keeps
    // the sign of a zero sum identical).
    let sum = la <= ra ? a[la * stride + 2 + c] : b[lb * stride + 2 + c];
    for (let at = (la + 1) * stride; at <= ra * stride; at += stride) sum += a[at + 2 + c];
    const from = la <= ra ? lb : lb + 1;
    for (let at = from * stride; at <= rb * stride; at += stride) sum += b[at + 2 + c];
    out[off + c] = sum;
  }
}
