// The hull attention back-end of one head: an incremental 2-D convex hull of its keys.
// Queries with qy > 0 are answered on the upper chain, qy < 0 on the lower chain (stored as
// the upper chain of (x, -y): (-qy)*(-y) equals qy*y exactly, so scores are bit-identical),
// qy = 0 by the keys of extreme x, and q = (0, 0) by all keys. Memory grows with the number
// of distinct keys on the hull boundary, not with the number of tokens.
//
// Margin: hit.gap compares the winners with the adjacent chain points only (for qy = 0: the
// next x on either chain); keys that can never win are not considered, unlike BruteScan.

import type { TieRule } from '../model/types.ts';
import { HullChain } from './hull-chain.ts';
import type { SortedChain } from './sorted-chain.ts';
import { collectRuns, foldRecord, writeRecord } from './key-record.ts';
import { AverageGuard, QueryHit, checkFinite } from './key-store.ts';
import type { KeyStore } from './key-store.ts';

/** All keys sharing one property (every key, or every key with the largest x): one record. */
class KeyGroup {
  x = 0; // x shared by the members (extreme-x groups)
  y = 0; // y of the latest member, to score the group with the common formula
  readonly rec: Float64Array; // [2 + dv] one merged record (key-record.ts)

  constructor(
    private readonly dv: number,
    private readonly average: boolean,
  ) {
    this.rec = new Float64Array(2 + dv);
  }

  start(x: number, y: number, position: number, src: Float64Array, off: number): void {
    this.x = x;
    this.y = y;
    writeRecord(this.rec, this.dv, 0, position, src, off);
  }

  fold(y: number, position: number, src: Float64Array, off: number): void {
    this.y = y;
    foldRecord(this.average, this.rec, this.dv, 0, position, src, off);
  }

  collect(out: Float64Array, off: number, hit: QueryHit): void {
    collectRuns(this.average, this.dv, this.rec, 0, 0, this.rec, 0, -1, out, off, hit);
  }
}

export class ConvexHull implements KeyStore {
  readonly hit = new QueryHit();
  private tokens = 0;
  private readonly upper: HullChain; // upper hull of (kx, ky)
  private readonly lower: HullChain; // upper hull of (kx, -ky)
  private readonly all: KeyGroup; // every key: they all tie when q = (0, 0)
  private readonly maxX: KeyGroup; // keys with the largest kx
  private readonly minX: KeyGroup; // keys with the smallest kx
  private readonly guard: AverageGuard | null;

  /** directLimit: size up to which a chain grows in place (see hull-chain.ts). */
  constructor(
    readonly tieRule: TieRule,
    readonly dv: number,
    private readonly label = 'head',
    directLimit = 4096,
  ) {
    const average = tieRule === 'average';
    this.upper = new HullChain(dv, average, directLimit);
    this.lower = new HullChain(dv, average, directLimit);
    this.all = new KeyGroup(dv, average);
    this.maxX = new KeyGroup(dv, average);
    this.minX = new KeyGroup(dv, average);
    this.guard = average ? new AverageGuard(dv, label) : null;
  }

  /** Number of tokens inserted. */
  get size(): number {
    return this.tokens;
  }

  /** Number of points kept on the two chains (memory is proportional to it). */
  get storedPoints(): number {
    return this.upper.points + this.lower.points;
  }

  insert(kx: number, ky: number, position: number, values: Float64Array, offset: number): void {
    checkFinite(kx, ky, 'key', this.label);
    this.guard?.check(values, offset, position);
    const first = this.tokens++ === 0;

    // Groups answering qy = 0 queries: everything, largest x, smallest x.
    if (first) this.all.start(kx, ky, position, values, offset);
    else this.all.fold(ky, position, values, offset);
    if (first || kx > this.maxX.x) this.maxX.start(kx, ky, position, values, offset);
    else if (kx === this.maxX.x) this.maxX.fold(ky, position, values, offset);
    if (first || kx < this.minX.x) this.minX.start(kx, ky, position, values, offset);
    else if (kx === this.minX.x) this.minX.fold(ky, position, values, offset);

    this.upper.insert(kx, ky, position, values, offset);
    this.lower.insert(kx, -ky, position, values, offset);
  }

  query(qx: number, qy: number, out: Float64Array, offset: number): void {
    checkFinite(qx, qy, 'query', this.label);
    const hit = this.hit;
    if (this.tokens === 0) {
      for (let c = 0; c < this.dv; c++) out[offset + c] = 0;
      hit.score = -Infinity;
      hit.gap = Infinity;
      hit.termMax = 0;
      hit.count = 0;
      hit.position = -1;
    } else if (qy > 0) {
      this.upper.query(qx, qy, out, offset, hit);
    } else if (qy < 0) {
      this.lower.query(qx, -qy, out, offset, hit);
    } else if (qx === 0) {
      this.all.collect(out, offset, hit);
      hit.score = qx * this.all.x + qy * this.all.y;
      hit.gap = Infinity;
      hit.termMax = 0;
    } else {
      this.queryExtreme(qx, qy, out, offset);
    }
  }

  /** qy = 0, qx != 0: the winners are all keys of extreme x; the runner-up is the next x. */
  private queryExtreme(qx: number, qy: number, out: Float64Array, offset: number): void {
    const hit = this.hit;
    const group = qx > 0 ? this.maxX : this.minX;
    group.collect(out, offset, hit);
    hit.score = qx * group.x + qy * group.y;
    hit.termMax = Math.abs(qx * group.x);
    const x = group.x;
    const a = qx > 0 ? this.upper.xBelow(x) : this.upper.xAbove(x);
    const b = qx > 0 ? this.lower.xBelow(x) : this.lower.xAbove(x);
    let second = -Infinity;
    if (!Number.isNaN(a)) second = qx * a;
    if (!Number.isNaN(b)) second = Math.max(second, qx * b);
    hit.gap = hit.score - second;
  }

  reset(): void {
    this.tokens = 0;
    this.upper.reset();
    this.lower.reset();
    this.guard?.reset();
  }

  /**
   * The points of every sorted chain, for invariant checks: the upper side's chains, and the
   * lower side's chains with y restored.
   */
  chains(): { upper: Array<Array<[number, number]>>; lower: Array<Array<[number, number]>> } {
    const read = (c: SortedChain, sign: number): Array<[number, number]> =>
      Array.from({ length: c.n }, (_, i): [number, number] => [
        c.pts[2 * i],
        sign * c.pts[2 * i + 1],
      ]);
    return {
      upper: [read(this.upper.main, 1), read(this.upper.recent, 1)],
      lower: [read(this.lower.main, -1), read(this.lower.recent, -1)],
    };
  }
}
