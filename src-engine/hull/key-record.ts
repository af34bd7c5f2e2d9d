// Merged key records: several tokens with an identical key (or, for the extreme-x groups, the
// same x) are folded into one record, so memory grows with distinct keys, not with tokens.
// Records live in one flat array, `stride = 2 + dv` numbers each:
//   [pos, cnt, v_0 .. v_(dv-1)]
//   pos = largest position folded in; cnt = number of tokens folded in;
//   v   = latest: the value of the token at pos; average: the sum of all values (exact,
//         see AverageGuard).

import type { QueryHit } from './key-store.ts';

export function writeRecord(
  rec: Float64Array, dv: number, i: number, position: number, src: Float64Array, off: number,
): void {
  const at = i * (dv + 2);
  rec[at] = position;
  rec[at + 1] = 1;
  for (let c = 0; c < dv; c++) rec[at + 2 + c] = src[off + c];
}

export function foldRecord(
  average: boolean, rec: Float64Array, dv: number, i: number, position: number,
  src: Float64Array, off: number,
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

/**
 * Combines the records l..r (all tied at the maximal score) into the query answer: the value
 * of the record of largest position (latest) or the sum of all values (average), and fills
 * hit.count and hit.position.
 */
export function collectRecords(
  average: boolean, rec: Float64Array, dv: number, l: number, r: number,
  out: Float64Array, off: number, hit: QueryHit,
): void {
  const stride = dv + 2;
  let win = l * stride;
  let count = rec[win + 1];
  for (let at = win + stride; at <= r * stride; at += stride) {
    count += rec[at + 1];
    if (rec[at] > rec[win]) win = at;
  }
  hit.count = count;
  hit.position = rec[win];
  if (!average || l === r) {
    for (let c = 0; c < dv; c++) out[off + c] = rec[win + 2 + c];
    return;
  }
  for (let c = 0; c < dv; c++) {
    let sum = 0;
    for (let at = l * stride; at <= r * stride; at += stride) sum += rec[at + 2 + c];
    out[off + c] = sum;
  }
}
