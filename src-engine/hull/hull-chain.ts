// One monotone chain: the upper hull of a growing set of 2-D keys, with merged duplicates.
// The lower hull of a head is the same structure fed with (x, -y).
//
// Invariants (checked by hull.test.ts):
//   I1  xs[0] < xs[1] < ... < xs[n-1]           (at most one point per x: the highest)
//   I2  no point lies strictly below the segment joining its two neighbours; collinear points
//       are KEPT, so every key lying on the upper boundary of the hull is a chain point
//   I3  every key ever inserted lies on or below the chain (for x in [xs[0], xs[n-1]])
// From I3, for a query with qy > 0 the maximal score is reached on the chain, and all keys
// reaching it are chain points: they form a contiguous run, found by binary search (scores
// along the chain rise, possibly plateau once, then fall) and expanded by exact equality.
// Points that fall strictly below the chain can never win again and are dropped.

import { orient2d } from 'robust-predicates';
import { collectRecords, foldRecord, writeRecord } from './key-record.ts';
import { resized } from './key-store.ts';
import type { QueryHit } from './key-store.ts';

/**
 * Exact sign of the cross product (b - a) x (c - a): > 0 when c lies to the left of the line
 * from a to b (above it when bx > ax). robust-predicates' orient2d returns the opposite
 * sign (pinned by a test).
 */
function cross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return -orient2d(ax, ay, bx, by, cx, cy);
}

export class HullChain {
  n = 0;
  xs = new Float64Array(8); // [cap] x of each chain point, strictly increasing
  ys = new Float64Array(8); // [cap] y of each chain point
  pos = new Float64Array(8); // [cap] largest position merged into the point
  cnt = new Float64Array(8); // [cap] number of tokens merged into the point
  val: Float64Array; // [cap * dv] latest value, or sum of values (average)

  constructor(readonly dv: number, readonly average: boolean) {
    this.val = new Float64Array(8 * dv);
  }

  /** Inserts a key; O(1) amortised when x is beyond the right end, O(log n + moved) else. */
  insert(x: number, y: number, position: number, src: Float64Array, off: number): void {
    const { n, xs, ys } = this;

    // 1. Locate the first point with xs[i] >= x, and reject keys that lie below the chain.
    const i = n === 0 || x > xs[n - 1] ? n : this.lowerBound(x);
    let right = i; // points [left, right) will be replaced by the new one
    if (i < n && xs[i] === x) {
      if (ys[i] === y) {
        foldRecord(this.average, this.pos, this.cnt, this.val, this.dv, i, position, src, off);
        return;
      }
      if (y < ys[i]) return;
      right = i + 1; // the old point is straight below the new one: it leaves the chain
    } else if (i > 0 && i < n && cross(xs[i - 1], ys[i - 1], xs[i], ys[i], x, y) < 0) {
      return; // strictly below the edge it falls under
    }

    // 2. Pop neighbours that now lie strictly below the segment from their neighbour to p.
    let left = i;
    while (left >= 2 && cross(xs[left - 2], ys[left - 2], x, y, xs[left - 1], ys[left - 1]) < 0) {
      left--;
    }
    while (right + 1 < n && cross(x, y, xs[right + 1], ys[right + 1], xs[right], ys[right]) < 0) {
      right++;
    }

    // 3. Replace points [left, right) by p.
    this.splice(left, right);
    this.xs[left] = x;
    this.ys[left] = y;
    writeRecord(this.pos, this.cnt, this.val, this.dv, left, position, src, off);
  }

  /**
   * Answers a query with qy > 0 (n >= 1): writes the tie-rule value into out, fills hit.
   * Scores use exactly the brute-force formula qx*x + qy*y.
   */
  query(qx: number, qy: number, out: Float64Array, off: number, hit: QueryHit): void {
    const { n, xs, ys } = this;

    // 1. Binary search for the first chain edge along which the score stops rising.
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (qx * xs[mid + 1] + qy * ys[mid + 1] > qx * xs[mid] + qy * ys[mid]) lo = mid + 1;
      else hi = mid;
    }
    const best = qx * xs[lo] + qy * ys[lo];

    // 2. Expand to every neighbour with exactly the same score (collinear keys on an edge).
    let l = lo;
    while (l > 0 && qx * xs[l - 1] + qy * ys[l - 1] === best) l--;
    let r = lo;
    while (r + 1 < n && qx * xs[r + 1] + qy * ys[r + 1] === best) r++;

    // 3. Margin against the nearest non-tied chain points (the best of the rest, by I2).
    let second = -Infinity;
    if (l > 0) second = qx * xs[l - 1] + qy * ys[l - 1];
    if (r + 1 < n) second = Math.max(second, qx * xs[r + 1] + qy * ys[r + 1]);
    hit.score = best;
    hit.gap = best - second;
    hit.termMax = Math.max(Math.abs(qx * xs[lo]), Math.abs(qy * ys[lo]));

    // 4. Combine the tied run under the tie rule.
    collectRecords(this.average, this.pos, this.cnt, this.val, this.dv, l, r, out, off, hit);
  }

  /** x of the point `k` places from the right end (k = 0: last), or NaN if there is none. */
  xFromRight(k: number): number {
    return k < this.n ? this.xs[this.n - 1 - k] : NaN;
  }

  /** x of the point `k` places from the left end, or NaN if there is none. */
  xFromLeft(k: number): number {
    return k < this.n ? this.xs[k] : NaN;
  }

  reset(): void {
    this.n = 0;
  }

  private lowerBound(x: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.xs[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Removes points [left, right) and opens one free slot at `left`. */
  private splice(left: number, right: number): void {
    const n = this.n;
    const next = n + 1 - (right - left);
    if (next > this.xs.length) this.grow();
    if (right !== left + 1 && right < n) {
      const dv = this.dv;
      this.xs.copyWithin(left + 1, right, n);
      this.ys.copyWithin(left + 1, right, n);
      this.pos.copyWithin(left + 1, right, n);
      this.cnt.copyWithin(left + 1, right, n);
      this.val.copyWithin((left + 1) * dv, right * dv, n * dv);
    }
    this.n = next;
  }

  private grow(): void {
    const cap = this.xs.length * 2;
    this.xs = resized(this.xs, cap);
    this.ys = resized(this.ys, cap);
    this.pos = resized(this.pos, cap);
    this.cnt = resized(this.cnt, cap);
    this.val = resized(this.val, cap * this.dv);
  }
}
