// One monotone chain: the upper hull of a growing set of 2-D keys, with merged duplicates.
// The lower hull of a head is the same structure fed with (x, -y).
//
// Invariants (checked by hull.test.ts), with x_i = pts[2i], y_i = pts[2i + 1]:
//   I1  x_0 < x_1 < ... < x_(n-1)               (at most one point per x: the highest)
//   I2  no point lies strictly below the segment joining its two neighbours; collinear points
//       are KEPT, so every key lying on the upper boundary of the hull is a chain point
//   I3  every key ever inserted lies on or below the chain (for x in [xs[0], xs[n-1]])
// From I3, for a query with qy > 0 the maximal score is reached on the chain, and all keys
// reaching it are chain points: they form a contiguous run, found by binary search (scores
// along the chain rise, possibly plateau once, then fall) and expanded by exact equality.
// Points that fall strictly below the chain can never win again and are dropped.
//
// Hint tables (a speed-up that never changes an answer): keys and queries repeat (the same
// memory address is written and read again and again), so each chain remembers, in two
// small direct-mapped tables hashed by x and by the query, the index where the last search
// ended. A remembered index is used only after it is verified: for a key, the point there
// has exactly that x (x values are unique, so it is THE point); for a query, it is the first
// point where the score stops rising, which is what the binary search returns. Stale or
// colliding entries fail the check and the binary search runs instead.

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

const HASH = 0x9e3779b1 | 0; // multiplicative hashing of the integer part of x or qx
const MAX_HINTS = 1 << 16; // hint tables grow with the chain up to this many slots

export class HullChain {
  n = 0;
  pts = new Float64Array(16); // [cap * 2] (x, y) of each chain point; x strictly increasing
  rec: Float64Array; // [cap * (2 + dv)] merged record of each point (key-record.ts)
  private keyHint = new Int32Array(8); // [slots] hash(x) -> index of the point with that x
  private queryHint = new Int32Array(8); // [slots] hash(qx, qy) -> index of the last answer
  private shift = 29; // 32 - log2(slots): the hash bits that select a slot

  constructor(readonly dv: number, readonly average: boolean) {
    this.rec = new Float64Array(8 * (2 + dv));
  }

  /** Inserts a key; O(1) amortised when x is beyond the right end, O(log n + moved) else. */
  insert(x: number, y: number, position: number, src: Float64Array, off: number): void {
    const { n, pts } = this;

    // 1. Locate the first point with x_i >= x, and reject keys that lie below the chain.
    const slot = Math.imul(x | 0, HASH) >>> this.shift;
    const hint = this.keyHint[slot];
    const i = n === 0 || x > pts[2 * n - 2] ? n
      : hint < n && pts[2 * hint] === x ? hint : this.lowerBound(x);
    let right = i; // points [left, right) will be replaced by the new one
    if (i < n && pts[2 * i] === x) {
      if (pts[2 * i + 1] === y) {
        foldRecord(this.average, this.rec, this.dv, i, position, src, off);
        this.keyHint[slot] = i;
        return;
      }
      if (y < pts[2 * i + 1]) return;
      right = i + 1; // the old point is straight below the new one: it leaves the chain
    } else if (i > 0 && i < n &&
      cross(pts[2 * i - 2], pts[2 * i - 1], pts[2 * i], pts[2 * i + 1], x, y) < 0) {
      return; // strictly below the edge it falls under
    }

    // 2. Pop neighbours that now lie strictly below the segment from their neighbour to p.
    let left = i;
    while (left >= 2 && cross(pts[2 * left - 4], pts[2 * left - 3], x, y,
      pts[2 * left - 2], pts[2 * left - 1]) < 0) {
      left--;
    }
    while (right + 1 < n && cross(x, y, pts[2 * right + 2], pts[2 * right + 3],
      pts[2 * right], pts[2 * right + 1]) < 0) {
      right++;
    }

    // 3. Replace points [left, right) by p.
    this.splice(left, right);
    this.pts[2 * left] = x;
    this.pts[2 * left + 1] = y;
    writeRecord(this.rec, this.dv, left, position, src, off);
    this.keyHint[Math.imul(x | 0, HASH) >>> this.shift] = left;
  }

  /**
   * Answers a query with qy > 0 (n >= 1): writes the tie-rule value into out, fills hit.
   * Scores use exactly the brute-force formula qx*x + qy*y.
   */
  query(qx: number, qy: number, out: Float64Array, off: number, hit: QueryHit): void {
    const { n, pts } = this;

    // 1. The first chain point where the score stops rising: the hinted index if it is that
    //    point, else a binary search over the chain edges.
    const slot = (Math.imul(qx | 0, HASH) ^ Math.imul(qy | 0, 0x85ebca6b | 0)) >>> this.shift;
    let lo = this.queryHint[slot];
    if (!(lo < n && this.isPeak(qx, qy, lo))) {
      lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const j = 2 * mid;
        if (qx * pts[j + 2] + qy * pts[j + 3] > qx * pts[j] + qy * pts[j + 1]) lo = mid + 1;
        else hi = mid;
      }
      this.queryHint[slot] = lo;
    }
    const best = qx * pts[2 * lo] + qy * pts[2 * lo + 1];

    // 2. Expand to every neighbour with exactly the same score (collinear keys on an edge).
    let l = lo;
    while (l > 0 && qx * pts[2 * l - 2] + qy * pts[2 * l - 1] === best) l--;
    let r = lo;
    while (r + 1 < n && qx * pts[2 * r + 2] + qy * pts[2 * r + 3] === best) r++;

    // 3. Margin against the nearest non-tied chain points (the best of the rest, by I2).
    let second = -Infinity;
    if (l > 0) second = qx * pts[2 * l - 2] + qy * pts[2 * l - 1];
    if (r + 1 < n) second = Math.max(second, qx * pts[2 * r + 2] + qy * pts[2 * r + 3]);
    hit.score = best;
    hit.gap = best - second;
    hit.termMax = Math.max(Math.abs(qx * pts[2 * lo]), Math.abs(qy * pts[2 * lo + 1]));

    // 4. Combine the tied run under the tie rule.
    collectRecords(this.average, this.rec, this.dv, l, r, out, off, hit);
  }

  /** Whether point i is the first where the score stops rising (what the search returns). */
  private isPeak(qx: number, qy: number, i: number): boolean {
    const pts = this.pts;
    const s = qx * pts[2 * i] + qy * pts[2 * i + 1];
    const before = i === 0 || qx * pts[2 * i - 2] + qy * pts[2 * i - 1] < s;
    const after = i === this.n - 1 || !(qx * pts[2 * i + 2] + qy * pts[2 * i + 3] > s);
    return before && after;
  }

  /** x of the point `k` places from the right end (k = 0: last), or NaN if there is none. */
  xFromRight(k: number): number {
    return k < this.n ? this.pts[2 * (this.n - 1 - k)] : NaN;
  }

  /** x of the point `k` places from the left end, or NaN if there is none. */
  xFromLeft(k: number): number {
    return k < this.n ? this.pts[2 * k] : NaN;
  }

  reset(): void {
    this.n = 0;
  }

  private lowerBound(x: number): number {
    const pts = this.pts;
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pts[2 * mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Removes points [left, right) and opens one free slot at `left`. */
  private splice(left: number, right: number): void {
    const n = this.n;
    const next = n + 1 - (right - left);
    if (2 * next > this.pts.length) this.grow();
    if (right !== left + 1 && right < n) {
      const stride = this.dv + 2;
      this.pts.copyWithin(2 * (left + 1), 2 * right, 2 * n);
      this.rec.copyWithin((left + 1) * stride, right * stride, n * stride);
    }
    this.n = next;
  }

  private grow(): void {
    this.pts = resized(this.pts, this.pts.length * 2);
    this.rec = resized(this.rec, this.rec.length * 2);
    const cap = this.pts.length / 2;
    if (cap <= MAX_HINTS) {
      this.keyHint = new Int32Array(cap);
      this.queryHint = new Int32Array(cap);
      this.shift--;
    }
  }
}
