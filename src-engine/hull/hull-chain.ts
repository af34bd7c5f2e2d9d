// One side of a head's hull (the upper chain; the lower one is fed (x, -y)), kept as two
// sorted chains of distinct keys: `main`, and `recent`, a small chain of new keys that
// landed inside the x range of a large main.
//   - keys beyond main's right end are appended to main (O(1) amortised);
//   - other new keys are spliced into main while it has fewer than directLimit points
//     (4096 by default: a memory move that costs less than querying two chains), and go to
//     recent (a short move) after that;
//   - recent is absorbed into main in O(n) when it outgrows about 2 sqrt(n) points, so an
//     insert in arbitrary x order costs O(sqrt n) amortised instead of an O(n) move; and
//     after main.n tokens at the latest, so that queries, which look at both chains while
//     recent holds points, run on main alone once the keys stop changing.
// A key seen before is never given to the chains again: its tokens only fold into its
// record (key-table.ts), which the chain points refer to by id.
//
// Correctness: every key is in exactly one chain or lies below one, and each chain is the
// hull of its own keys. The keys reaching the maximal score over all keys reach the maximum
// of their own chain too, so a query takes the peak of each chain and combines the runs that
// share the larger score. A key strictly below main is dropped: it can never win, whatever
// recent holds.
//
// Answer cache (a speed-up that never changes an answer): queries repeat, and the chains
// change only when a new key lands on them. So the last query's winning ids and scores are
// kept with the chains' version; the same query at the same version reuses them and only
// reads the winners' records again, which folds may have changed.

import { collect } from './key-record.ts';
import type { QueryHit } from './key-store.ts';
import type { KeyTable } from './key-table.ts';
import { SortedChain } from './sorted-chain.ts';

const MIN_RECENT = 64; // recent may always hold this many points

export class HullChain {
  readonly main = new SortedChain();
  readonly recent = new SortedChain();
  private waiting = 0; // tokens since recent last became non-empty
  private version = 0; // counts changes of either chain's points

  // The answer cache: the query, the version it was computed at, its winners and scores.
  private cachedQx = NaN;
  private cachedQy = NaN;
  private cachedVersion = -1;
  private winners = new Int32Array(8); // [winnerCount] record ids of the tied run(s)
  private winnerCount = 0;
  private cachedScore = 0;
  private cachedGap = 0;
  private cachedTermMax = 0;

  constructor(
    private readonly table: KeyTable,
    private readonly directLimit: number, // main grows in place while it has fewer points
  ) {}

  /** Number of points kept on the two chains. */
  get points(): number {
    return this.main.n + this.recent.n;
  }

  /** Gives the chains a new distinct key (record `id`); y as this side sees it. */
  add(x: number, y: number, id: number): void {
    const { main, recent } = this;
    const mayAdd = x > main.lastX || main.n < this.directLimit;
    const placed = main.insert(x, y, id, mayAdd);
    if (placed === 'added') this.version++;
    if (placed !== 'refused') return;
    if (recent.insert(x, y, id, true) === 'added') this.version++;
    if (recent.n > MIN_RECENT && recent.n * recent.n > 4 * main.n) this.flush();
  }

  /** Counts one token; absorbs recent once main.n tokens have passed since it filled. */
  tick(): void {
    if (this.recent.n > 0 && ++this.waiting > this.main.n) this.flush();
  }

  private flush(): void {
    this.main.absorb(this.recent);
    this.waiting = 0;
    this.version++;
  }

  /** Answers a query with qy > 0 on a non-empty side: writes the value, fills hit. */
  query(qx: number, qy: number, out: Float64Array, off: number, hit: QueryHit): void {
    if (qx !== this.cachedQx || qy !== this.cachedQy || this.version !== this.cachedVersion) {
      this.search(qx, qy);
    }
    hit.score = this.cachedScore;
    hit.gap = this.cachedGap;
    hit.termMax = this.cachedTermMax;
    const t = this.table;
    collect(t.average, t.dv, t.rec, this.winners, this.winnerCount, out, off, hit);
  }

  /** Finds the winners of a query on the chains and caches their ids and scores. */
  private search(qx: number, qy: number): void {
    const { main, recent } = this;
    main.q[0] = recent.q[0] = qx;
    main.q[1] = recent.q[1] = qy;
    main.peak();
    let best = main.best;
    let second = main.second;
    let inMain = true;
    let inRecent = false;
    if (recent.n > 0) {
      // Both chains: the runs at the larger peak win (both when the peaks are equal).
      recent.peak();
      best = Math.max(main.best, recent.best);
      inMain = main.best === best;
      inRecent = recent.best === best;
      second = Math.max(inMain ? main.second : main.best, inRecent ? recent.second : recent.best);
    }
    this.cachedScore = best;
    this.cachedGap = best - second;
    this.cachedTermMax = inMain ? main.termMax : recent.termMax;

    // The winners' ids: main's run, then recent's.
    const inM = inMain ? main.runR - main.runL + 1 : 0;
    const inR = inRecent ? recent.runR - recent.runL + 1 : 0;
    if (inM + inR > this.winners.length) this.winners = new Int32Array(2 * (inM + inR));
    const w = this.winners;
    let k = 0;
    for (let i = main.runL; i < main.runL + inM; i++) w[k++] = main.ids[i];
    for (let i = recent.runL; i < recent.runL + inR; i++) w[k++] = recent.ids[i];
    this.winnerCount = k;
    this.cachedQx = qx;
    this.cachedQy = qy;
    this.cachedVersion = this.version;
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
    this.version++;
  }
}

/** The larger of two numbers, ignoring NaN (NaN when both are NaN). */
function maxOf(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.max(a, b);
}
