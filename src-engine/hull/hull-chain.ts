// One side of a head's hull (the upper chain; the lower one is fed (x, -y)), kept as two
// sorted chains: `main`, and `recent`, a small chain of new keys that landed inside the x
// range of main. Keys beyond main's right end are appended to main (O(1) amortised), keys
// already in main are merged there (O(log n), O(1) with a hint), and other new keys go to
// recent (a short memory move). When recent outgrows about 2 sqrt(n) points it is absorbed
// into main in O(n), so an insert in arbitrary x order costs O(sqrt n) amortised instead of
// the O(n) move of a single sorted array.
//
// Correctness: every key is in exactly one chain (or merged with an identical key), and each
// chain is the hull of its own keys. The keys reaching the maximal score over all keys reach
// the maximum of their own chain too, so a query takes the peak of each chain and combines
// the runs that share the larger score. A key strictly below main is dropped: it can never
// win, whatever recent holds.

import { collectRuns } from './key-record.ts';
import type { QueryHit } from './key-store.ts';
import { BELOW, SortedChain } from './sorted-chain.ts';

export class HullChain {
  readonly main: SortedChain;
  readonly recent: SortedChain;

  constructor(
    readonly dv: number,
    readonly average: boolean,
    private readonly minRecent: number, // recent may always hold this many points
  ) {
    this.main = new SortedChain(dv, average);
    this.recent = new SortedChain(dv, average);
  }

  /** Number of points kept (memory is proportional to it). */
  get points(): number {
    return this.main.n + this.recent.n;
  }

  insert(x: number, y: number, position: number, src: Float64Array, off: number): void {
    const main = this.main;
    if (x > main.lastX) return main.insert(x, y, position, src, off);
    const found = main.locate(x, y);
    if (found >= 0) return main.fold(found, position, src, off);
    if (found === BELOW) return;
    const recent = this.recent;
    recent.insert(x, y, position, src, off);
    if (recent.n > this.minRecent && recent.n * recent.n > 4 * main.n) main.absorb(recent);
  }

  /** Answers a query with qy > 0 on a non-empty side: writes the value, fills hit. */
  query(qx: number, qy: number, out: Float64Array, off: number, hit: QueryHit): void {
    const { main, recent } = this;
    main.peak(qx, qy);
    if (recent.n === 0) {
      hit.score = main.best;
      hit.gap = main.best - main.second;
      hit.termMax = main.termMax;
      collectRuns(this.average, this.dv, main.rec, main.runL, main.runR, recent.rec, 0, -1,
        out, off, hit);
      return;
    }

    // Both chains: the runs at the larger peak win (both when the peaks are equal).
    recent.peak(qx, qy);
    const best = Math.max(main.best, recent.best);
    const inMain = main.best === best;
    const inRecent = recent.best === best;
    const second = Math.max(inMain ? main.second : main.best,
      inRecent ? recent.second : recent.best);
    hit.score = best;
    hit.gap = best - second;
    hit.termMax = inMain ? main.termMax : recent.termMax;
    collectRuns(this.average, this.dv,
      main.rec, inMain ? main.runL : 0, inMain ? main.runR : -1,
      recent.rec, inRecent ? recent.runL : 0, inRecent ? recent.runR : -1, out, off, hit);
  }

  /** Largest chain x below `limit` (NaN if none): the runner-up of a qy = 0 query. */
  xBelow(limit: number): number {
    return maxOf(this.main.xBelow(limit), this.recent.xBelow(limit));
  }

  /** Smallest chain x above `limit` (NaN if none). */
  xAbove(limit: number): number {
    return -maxOf(-this.main.xAbove(limit), -this.recent.xAbove(limit));
  }

  reset(): void {
    this.main.reset();
    this.recent.reset();
  }
}

/** The larger of two numbers, ignoring NaN (NaN when both are NaN). */
function maxOf(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.max(a, b);
}
