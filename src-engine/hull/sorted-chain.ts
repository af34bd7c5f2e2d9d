// One monotone chain kept in a sorted array: the upper hull of a set of distinct 2-D keys,
// each point carrying the id of its key's record in the head's KeyTable (key-table.ts).
// HullChain (hull-chain.ts) combines two of these per side of a head's hull.
//
// Invariants (checked by hull.test.ts), with x_i = pts[2i], y_i = pts[2i + 1]:
//   I1  x_0 < x_1 < ... < x_(n-1)               (at most one point per x: the highest)
//   I2  no point lies strictly below the segment joining its two neighbours; collinear points
//       are KEPT, so every key lying on the upper boundary of the hull is a chain point
//   I3  every key given to the chain lies on or below it (for x in [x_0, x_(n-1)])
// From I3, for a query with qy > 0 the maximal score over the chain's keys is reached on the
// chain, and all keys reaching it are chain points: they form a contiguous run, found by
// binary search (scores along the chain rise, possibly plateau once, then fall) and expanded
// by exact equality. Points that fall strictly below the chain can never win and are dropped.
//
// Hint table (a speed-up that never changes an answer): queries repeat (the same memory
// address is read again and again), so the chain remembers, in a small direct-mapped table
// hashed by the query, the index where the last search ended. A remembered index is used
// only after it is verified to be the first point where the score stops rising, which is
// what the binary search returns. Stale or colliding entries fail the check and the binary
// search runs instead.

import { orient2d } from 'robust-predicates';
import { resized } from './key-store.ts';

/**
 * Exact sign of the cross product (b - a) x (c - a): > 0 when c lies to the left of the line
 * from a to b (above it when bx > ax). robust-predicates' orient2d returns the opposite
 * sign (pinned by a test).
 */
function cross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return -orient2d(ax, ay, bx, by, cx, cy);
}

const HASH = 0x9e3779b1 | 0; // multiplicative hashing of the integer part of qx
const MAX_HINTS = 1 << 16; // the hint table grows with the chain up to this many slots

export class SortedChain {
  n = 0;
  pts = new Float64Array(16); // [cap * 2] (x, y) of each chain point; x strictly increasing
  ids = new Int32Array(8); // [cap] record id of each chain point
  private queryHint = new Int32Array(8); // [slots] hash(qx, qy) -> index of the last answer
  private shift = 29; // 32 - log2(slots): the hash bits that select a slot
  private at = 0; // first index with x_i >= x, from the last below()
  readonly q = new Float64Array(2); // the query of peak(): (qx, qy)

  // Result of the last peak(): the tied run [runL, runR], its score, the runner-up score.
  best = -Infinity;
  second = -Infinity;
  runL = 0;
  runR = -1;
  termMax = 0; // max(|qx*x|, |qy*y|) of the peak point

  /** x of the last point (-Infinity when empty). */
  get lastX(): number {
    return this.n === 0 ? -Infinity : this.pts[2 * this.n - 2];
  }

  /**
   * Whether a new key (x, y) would lie strictly below the chain (or straight below a point),
   * so that it can never win; leaves in `at` the first index with x_i >= x.
   */
  private below(x: number, y: number): boolean {
    const { n, pts } = this;
    const i = n === 0 || x > pts[2 * n - 2] ? n : this.lowerBound(x);
    this.at = i;
    if (i < n && pts[2 * i] === x) return y <= pts[2 * i + 1];
    return (
      i > 0 && i < n && cross(pts[2 * i - 2], pts[2 * i - 1], pts[2 * i], pts[2 * i + 1], x, y) < 0
    );
  }

  /**
   * Inserts a key that no chain point holds (a new distinct key) with its record id: drops
   * it if it lies below ('below'), else adds it as a new point ('added'), unless mayAdd is
   * false: then it changes nothing ('refused'). O(1) amortised when x is beyond the right
   * end, O(log n + points moved) otherwise.
   */
  insert(x: number, y: number, id: number, mayAdd: boolean): 'below' | 'added' | 'refused' {
    // 1. Locate the key; drop it if it is below.
    if (this.below(x, y)) return 'below';
    if (!mayAdd) return 'refused';
    const { n, pts } = this;
    const i = this.at;
    // Points [left, right) will be replaced by the new one; a point straight below leaves.
    let right = i < n && pts[2 * i] === x ? i + 1 : i;

    // 2. Pop neighbours that now lie strictly below the segment from their neighbour to p.
    let left = i;
    while (
      left >= 2 &&
      cross(pts[2 * left - 4], pts[2 * left - 3], x, y, pts[2 * left - 2], pts[2 * left - 1]) < 0
    ) {
      left--;
    }
    while (
      right + 1 < n &&
      cross(x, y, pts[2 * right + 2], pts[2 * right + 3], pts[2 * right], pts[2 * right + 1]) < 0
    ) {
      right++;
    }

    // 3. Replace points [left, right) by p.
    this.splice(left, right);
    this.pts[2 * left] = x;
    this.pts[2 * left + 1] = y;
    this.ids[left] = id;
    return 'added';
  }

  /**
   * For the query in q (qy > 0) on a non-empty chain: finds the run of points with the
   * maximal score and the runner-up score (best, runL, runR, second, termMax). Scores use
   * exactly the brute-force formula qx*x + qy*y. (The query is passed in an array: V8 does
   * not inline this method, and plain number arguments would be boxed on every call.)
   */
  peak(): void {
    const qx = this.q[0];
    const qy = this.q[1];

    // 1. The first chain point where the score stops rising: the hinted index if it is that
    //    point, else a binary search over the chain edges.
    const slot = (Math.imul(qx | 0, HASH) ^ Math.imul(qy | 0, 0x85ebca6b | 0)) >>> this.shift;
    let lo = this.queryHint[slot];
    if (!(lo < this.n && this.isPeak(qx, qy, lo))) lo = this.queryHint[slot] = this.search(qx, qy);

    // 2. Expand to every neighbour with exactly the same score (collinear keys on an edge),
    //    and take the runner-up from the nearest non-tied chain points (by I2).
    const { n, pts } = this;
    const best = qx * pts[2 * lo] + qy * pts[2 * lo + 1];
    let l = lo;
    while (l > 0 && qx * pts[2 * l - 2] + qy * pts[2 * l - 1] === best) l--;
    let r = lo;
    while (r + 1 < n && qx * pts[2 * r + 2] + qy * pts[2 * r + 3] === best) r++;
    let second = -Infinity;
    if (l > 0) second = qx * pts[2 * l - 2] + qy * pts[2 * l - 1];
    if (r + 1 < n) second = Math.max(second, qx * pts[2 * r + 2] + qy * pts[2 * r + 3]);
    this.best = best;
    this.second = second;
    this.runL = l;
    this.runR = r;
    this.termMax = Math.max(Math.abs(qx * pts[2 * lo]), Math.abs(qy * pts[2 * lo + 1]));
  }

  /** Binary search for the first chain edge along which the score stops rising. */
  private search(qx: number, qy: number): number {
    const pts = this.pts;
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const j = 2 * mid;
      if (qx * pts[j + 2] + qy * pts[j + 3] > qx * pts[j] + qy * pts[j + 1]) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether point i is the first where the score stops rising (what the search returns). */
  private isPeak(qx: number, qy: number, i: number): boolean {
    const pts = this.pts;
    const s = qx * pts[2 * i] + qy * pts[2 * i + 1];
    const before = i === 0 || qx * pts[2 * i - 2] + qy * pts[2 * i - 1] < s;
    const after = i === this.n - 1 || !(qx * pts[2 * i + 2] + qy * pts[2 * i + 3] > s);
    return before && after;
  }

  /**
   * Moves every point of `other` into this chain and rebuilds the hull in O(n): a merge of
   * the two x-sorted arrays from the back (of two points with the same x the higher stays;
   * keys are distinct, so they differ in y), then one monotone-chain pass that drops points
   * strictly below.
   */
  absorb(other: SortedChain): void {
    const total = this.n + other.n;
    while (total > this.ids.length) this.grow();
    const { pts, ids } = this;
    const { pts: opts, ids: oids } = other;

    // 1. Merge from the back into [k + 1, total).
    let i = this.n - 1;
    let j = other.n - 1;
    let k = total - 1;
    const move = (from: Float64Array, fromIds: Int32Array, a: number): void => {
      pts[2 * k] = from[2 * a];
      pts[2 * k + 1] = from[2 * a + 1];
      ids[k] = fromIds[a];
      k--;
    };
    while (j >= 0) {
      const xi = i >= 0 ? pts[2 * i] : -Infinity;
      const xj = opts[2 * j];
      if (xi > xj) {
        move(pts, ids, i--);
      } else if (xi < xj) {
        move(opts, oids, j--);
      } else {
        if (pts[2 * i + 1] > opts[2 * j + 1]) move(pts, ids, i);
        else move(opts, oids, j);
        i--;
        j--;
      }
    }
    // The rest of this chain, [0, i], is in place; close the gap before the merged part.
    let start = k + 1;
    if (i >= 0 && k > i) {
      pts.copyWithin(2 * (k - i), 0, 2 * (i + 1));
      ids.copyWithin(k - i, 0, i + 1);
    }
    if (i >= 0) start = k - i;

    // 2. Monotone-chain pass, in place (the write index never passes the read index).
    let w = 0;
    for (let r = start; r < total; r++) {
      const x = pts[2 * r];
      const y = pts[2 * r + 1];
      while (
        w >= 2 &&
        cross(pts[2 * w - 4], pts[2 * w - 3], x, y, pts[2 * w - 2], pts[2 * w - 1]) < 0
      ) {
        w--;
      }
      if (w !== r) {
        pts[2 * w] = x;
        pts[2 * w + 1] = y;
        ids[w] = ids[r];
      }
      w++;
    }
    this.n = w;
    other.reset();
  }

  /** The largest point x below `limit` among the last two points (NaN if none). */
  xBelow(limit: number): number {
    for (let i = this.n - 1; i >= 0 && i >= this.n - 2; i--) {
      if (this.pts[2 * i] < limit) return this.pts[2 * i];
    }
    return NaN;
  }

  /** The smallest point x above `limit` among the first two points (NaN if none). */
  xAbove(limit: number): number {
    for (let i = 0; i < this.n && i < 2; i++) if (this.pts[2 * i] > limit) return this.pts[2 * i];
    return NaN;
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
    if (next > this.ids.length) this.grow();
    if (right !== left + 1 && right < n) {
      this.pts.copyWithin(2 * (left + 1), 2 * right, 2 * n);
      this.ids.copyWithin(left + 1, right, n);
    }
    this.n = next;
  }

  private grow(): void {
    this.pts = resized(this.pts, this.pts.length * 2);
    const ids = new Int32Array(this.ids.length * 2);
    ids.set(this.ids);
    this.ids = ids;
    if (ids.length <= MAX_HINTS) {
      this.queryHint = new Int32Array(ids.length);
      this.shift--;
    }
  }
}
