// Merged key records: several tokens with an identical key (or, for the extreme-x groups, the
// same x) are folded into one record, so memory grows with distinct keys, not with tokens.
// A record is (pos, cnt, value) at index i of three parallel arrays:
//   latest:  pos = largest position folded in, value = that token's value;
//   average: pos = largest position, value = sum of the values (exact, see AverageGuard).

import type { QueryHit } from './key-store.ts';

export function writeRecord(
  pos: Float64Array, cnt: Float64Array, val: Float64Array, dv: number, i: number,
  position: number, src: Float64Array, off: number,
): void {
  pos[i] = position;
  cnt[i] = 1;
  for (let c = 0; c < dv; c++) val[i * dv + c] = src[off + c];
}

export function foldRecord(
  average: boolean, pos: Float64Array, cnt: Float64Array, val: Float64Array, dv: number,
  i: number, position: number, src: Float64Array, off: number,
): void {
  cnt[i] += 1;
  if (average) {
    for (let c = 0; c < dv; c++) val[i * dv + c] += src[off + c];
    if (position > pos[i]) pos[i] = position;
  } else if (position >= pos[i]) {
    pos[i] = position;
    for (let c = 0; c < dv; c++) val[i * dv + c] = src[off + c];
  }
}

/**
 * Combines the records l..r (all tied at the maximal score) into the query answer: the value
 * of the record of largest position (latest) or the sum of all values (average), and fills
 * hit.count and hit.position.
 */
export function collectRecords(
  average: boolean, pos: Float64Array, cnt: Float64Array, val: Float64Array, dv: number,
  l: number, r: number, out: Float64Array, off: number, hit: QueryHit,
): void {
  let win = l;
  let count = cnt[l];
  for (let i = l + 1; i <= r; i++) {
    count += cnt[i];
    if (pos[i] > pos[win]) win = i;
  }
  hit.count = count;
  hit.position = pos[win];
  if (!average || l === r) {
    for (let c = 0; c < dv; c++) out[off + c] = val[win * dv + c];
    return;
  }
  for (let c = 0; c < dv; c++) {
    let sum = 0;
    for (let i = l; i <= r; i++) sum += val[i * dv + c];
    out[off + c] = sum;
  }
}
