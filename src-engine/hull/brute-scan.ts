// The reference attention back-end: every key and value kept in flat arrays (one entry per
// token, no merging) and scanned on each query. O(n) per query; used to check the hull and
// as the plain semantics of docs/model-format.md. Its margin looks at every key.

import type { TieRule } from '../model/types.ts';
import { AverageGuard, QueryHit, checkFinite, resized } from './key-store.ts';
import type { KeyStore } from './key-store.ts';

export class BruteScan implements KeyStore {
  readonly hit = new QueryHit();
  private n = 0;
  private keys = new Float64Array(32); // [n * 2] key x, key y of each token, interleaved
  private pos = new Float64Array(16); // [n] position of each token
  private ordered = true; // positions increase with the index (always so in a transformer)
  private val: Float64Array; // [n * dv] value of each token
  private readonly guard: AverageGuard | null;

  constructor(
    readonly tieRule: TieRule,
    readonly dv: number,
    private readonly label = 'head',
  ) {
    this.val = new Float64Array(16 * dv);
    this.guard = tieRule === 'average' ? new AverageGuard(dv, label) : null;
  }

  get size(): number {
    return this.n;
  }

  private grow(): void {
    const cap = this.pos.length * 2;
    this.keys = resized(this.keys, cap * 2);
    this.pos = resized(this.pos, cap);
    this.val = resized(this.val, cap * this.dv);
  }

  insert(kx: number, ky: number, position: number, values: Float64Array, offset: number): void {
    checkFinite(kx, ky, 'key', this.label);
    this.guard?.check(values, offset, position);
    if (this.n === this.pos.length) this.grow();
    if (this.n > 0 && !(position > this.pos[this.n - 1])) this.ordered = false;
    const i = this.n++;
    this.keys[2 * i] = kx;
    this.keys[2 * i + 1] = ky;
    this.pos[i] = position;
    for (let c = 0; c < this.dv; c++) this.val[i * this.dv + c] = values[offset + c];
  }

  query(qx: number, qy: number, out: Float64Array, offset: number): void {
    const { n, keys, pos, val, dv } = this;
    let best = -Infinity;
    let second = -Infinity; // best score below `best`
    let first = -1; // the first and last winning keys in scan order
    let last = -1;
    let count = 0;
    const sum1 = dv === 1 && this.tieRule === 'average'; // sum the values during the scan
    let sum = 0; // (sum1) the sum of the winners' values
    checkFinite(qx, qy, 'query', this.label);

    // Scores only, in scan order: a new maximum restarts the count, an equal score joins it.
    // Ties come first: in most heads most keys tie (one compare, a count); the rest score
    // below `second` (two compares). Values are read after the scan, not at each new maximum.
    for (let j = 0; j < n; j++) {
      const s = qx * keys[2 * j] + qy * keys[2 * j + 1];
      if (s === best) {
        last = j;
        count++;
        if (sum1) sum += val[j];
      } else if (s > second) {
        if (s > best) {
          second = best;
          best = s;
          first = last = j;
          count = 1;
          if (sum1) sum = val[j];
        } else second = s;
      }
    }
    // A score of -Infinity (an overflow, which the margin flags) ties with the initial best.
    if (first < 0 && count > 0) first = this.firstWinner(qx, qy, best);
    const win = this.ordered ? last : this.latestWinner(qx, qy, best, first, last);

    // Values: the latest winner's, or (average) the sum over the winners in scan order; with
    // several winners of width > 1 their scores are recomputed, exactly as above, to find them.
    // Sums of integers below 2^53 (AverageGuard) are exact in any order.
    if (win < 0) for (let c = 0; c < dv; c++) out[offset + c] = 0;
    else if (this.tieRule === 'latest' || count === 1) {
      const from = (this.tieRule === 'latest' ? win : first) * dv;
      for (let c = 0; c < dv; c++) out[offset + c] = val[from + c];
    } else if (dv === 1) out[offset] = sum;
    else {
      for (let c = 0; c < dv; c++) out[offset + c] = val[first * dv + c];
      for (let j = first + 1; j <= last; j++) {
        if (qx * keys[2 * j] + qy * keys[2 * j + 1] !== best) continue;
        for (let c = 0; c < dv; c++) out[offset + c] += val[j * dv + c];
      }
    }

    const hit = this.hit;
    hit.score = best;
    hit.gap = n === 0 ? Infinity : best - second;
    hit.count = count;
    hit.position = win < 0 ? -1 : pos[win];
    hit.termMax =
      win < 0 ? 0 : Math.max(Math.abs(qx * keys[2 * win]), Math.abs(qy * keys[2 * win + 1]));
  }

  /** The first key whose score is `best`. */
  private firstWinner(qx: number, qy: number, best: number): number {
    let j = 0;
    while (qx * this.keys[2 * j] + qy * this.keys[2 * j + 1] !== best) j++;
    return j;
  }

  /** The winner of largest position when positions were inserted out of order. */
  private latestWinner(qx: number, qy: number, best: number, first: number, last: number): number {
    const { keys, pos } = this;
    let win = first;
    for (let j = first + 1; j <= last; j++) {
      if (qx * keys[2 * j] + qy * keys[2 * j + 1] === best && pos[j] >= pos[win]) win = j;
    }
    return win;
  }

  reset(): void {
    this.n = 0;
    this.ordered = true;
    this.guard?.reset();
  }
}
