// One side of a head's hull (the upper chain; the lower one is fed (x, -y)), kept as two
// sorted chains: `main`, and `recent`, a small chain of new keys that landed inside the x
// range of a large main.
//   - keys beyond main's right end are appended to main (O(1) amortised);
//   - keys already in main are merged there (O(log n), O(1) with a hint);
//   - other new keys are spliced into main while it has fewer than directLimit points
//     (4096 by default: a memory move that costs less than querying two chains), and go to
//     recent (a short move) after that;
//   - recent is absorbed into main in O(n) when it outgrows about 2 sqrt(n) points, so an
//     insert in arbitrary x order costs O(sqrt n) amortised instead of an O(n) move; and
//     after main.n inserts at the latest, so that queries, which look at both chains while
//     recent holds points, run on main alone once the keys stop changing.
//
// Correctness: every key is in exactly one chain (or merged with an identical key), and each
// chain is the hull of its own keys. The keys reaching the maximal score over all keys reach
// the maximum of their own chain too, so a query takes the peak of each chain and combines
// the runs that share the larger score. A key strictly below main is dropped: it can never
// win, whatever recent holds.

import { collectRuns } from './key-record.ts';
import type { QueryHit } from './key-store.ts';
import { SortedChain } from './sorted-chain.ts';

const MIN_RECENT = 64; // recent may always hold this many points

export class HullChain {
  readonly main: SortedChain;
  readonly recent: SortedChain;
  private waiting = 0; // inserts since recent last became non-empty

  constructor(
    readonly dv: number,
    readonly average: boolean,
    private readonly directLimit: number, // main grows in place while it has fewer points
  ) {
    this.main = new SortedChain(dv, average);
    this.recent = new SortedChain(dv, average);
  }

  /** Number of points kept (memory is proportional to it). */
  get points(): number {
    return this.main.n + this.recent.n;
  }

  insert(x: number, y: number, position: number, src: Float64Array, off: number): void {
    const { main, recent } = this;
    if (!main.insert(x, y, position, src, off, x > main.lastX || main.n < this.directLimit)) {
      recent.insert(x, y, position, src, off, true);
      if (recent.n > MIN_RECENT && recent.n * recent.n > 4 * main.n) return this.flush();
    }
    // Queries are slower while recent holds points: absorb it after main.n more inserts at
    // the latest (O(1) amortised), so a hull whose keys stop changing ends with one chain.
    if (recent.n > 0 && ++this.waiting > main.n) this.flush();
  }

  private flush(): void {
    this.main.absorb(this.recent);
    this.waiting = 0;
  }

  /** Answers a query with qy > 0 on a non-empty side: writes the value, fills hit. */
  query(qx: number, qy: number, out: Float64Array, off: number, hit: QueryHit): void {
    const { main, recent } = this;
    if (recent.n === 0) return main.query(qx, qy, out, off, hit);

    // Both chains: the runs at the larger peak win (both when the peaks are equal).
    main.q[0] = recent.q[0] = qx;
    main.q[1] = recent.q[1] = qy;
    main.peak();
    recent.peak();
    const best = Math.max(main.best, recent.best);
    const inMain = main.best === best;
    const inRecent = recent.best === best;
    const second = Math.max(
      inMain ? main.second : main.best,
      inRecent ? recent.second : recent.best,
    );
    hit.score = best;
    hit.gap = best - second;
    hit.termMax = inMain ? main.termMax : recent.termMax;
    collectRuns(
      this.average,
      this.dv,
      main.rec,
      inMain ? main.runL : 0,
      inMain ? main.runR : -1,
      recent.rec,
      inRecent ? recent.runL : 0,
      inRecent ? recent.runR : -1,
      out,
      off,
      hit,
    );
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
    this.waiting = 0;
  }
}

/** The larger of two numbers, ignoring NaN (NaN when both are NaN). */
function maxOf(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.max(a, b);
}
