// The hull attention back-end of one head: an incremental 2-D convex hull of its keys.
// Each distinct key has one merged record (key-table.ts) that all its tokens fold into, and
// only a new key touches the hull. Queries with qy > 0 are answered on the upper chain,
// qy < 0 on the lower chain (stored as the upper chain of (x, -y): (-qy)*(-y) equals qy*y
// exactly, so scores are bit-identical), qy = 0 by the keys of extreme x, and q = (0, 0) by
// all keys. Memory grows with the number of distinct keys, not with the number of tokens.
//
// The groups answering qy = 0 (every key; the keys of largest and of smallest x) are built
// from the records when the first such query comes, and kept up to date from then on, so
// heads that never ask one do not pay for them on every token.
//
// Margin: hit.gap compares the winners with the adjacent chain points only (for qy = 0: the
// next x on either chain); keys that can never win are not considered, unlike BruteScan.

import type { TieRule } from '../model/types.ts';
import { HullChain } from './hull-chain.ts';
import { collect, combineRecords, foldRecord, writeRecord } from './key-record.ts';
import { AverageGuard, QueryHit, checkFinite } from './key-store.ts';
import type { KeyStore } from './key-store.ts';
import { KeyTable } from './key-table.ts';
import type { SortedChain } from './sorted-chain.ts';

const FIRST = Int32Array.of(0); // the one record of a group

/** Every token of a set of keys (all keys, or all keys of one x) in one merged record. */
class KeyGroup {
  empty = true;
  readonly rec: Float64Array; // [2 + dv] the merged record (key-record.ts)

  constructor(
    private readonly dv: number,
    private readonly average: boolean,
  ) {
    this.rec = new Float64Array(2 + dv);
  }

  /** Folds in one token (the group starts with it when empty). */
  fold(position: number, src: Float64Array, off: number): void {
    if (this.empty) writeRecord(this.rec, this.dv, 0, position, src, off);
    else foldRecord(this.average, this.rec, this.dv, 0, position, src, off);
    this.empty = false;
  }

  /** Folds in record `id` of the table (when the group is built). */
  combine(table: KeyTable, id: number): void {
    const stride = 2 + this.dv;
    if (this.empty) this.rec.set(table.rec.subarray(id * stride, (id + 1) * stride));
    else combineRecords(this.average, this.rec, 0, table.rec, id, this.dv);
    this.empty = false;
  }

  collect(out: Float64Array, off: number, hit: QueryHit): void {
    collect(this.average, this.dv, this.rec, FIRST, 1, out, off, hit);
  }
}

export class ConvexHull implements KeyStore {
  readonly hit = new QueryHit();
  private tokens = 0;
  private readonly table: KeyTable;
  private readonly upper: HullChain; // upper hull of (kx, ky)
  private readonly lower: HullChain; // upper hull of (kx, -ky)
  private readonly guard: AverageGuard | null;

  // The key of the previous token and its record: most tokens repeat it.
  private lastKx = 0;
  private lastKy = 0;
  private lastId = -1;

  // The groups answering qy = 0, and whether they are built yet.
  private readonly all: KeyGroup; // every key: they all tie when q = (0, 0)
  private readonly maxGroup: KeyGroup; // the keys of largest x
  private readonly minGroup: KeyGroup; // the keys of smallest x
  private allBuilt = false;
  private extremesBuilt = false;
  private maxX = -Infinity;
  private minX = Infinity;

  /** directLimit: size up to which a chain grows in place (see hull-chain.ts). */
  constructor(
    readonly tieRule: TieRule,
    readonly dv: number,
    private readonly label = 'head',
    directLimit = 4096,
  ) {
    const average = tieRule === 'average';
    this.table = new KeyTable(dv, average);
    this.upper = new HullChain(this.table, directLimit);
    this.lower = new HullChain(this.table, directLimit);
    this.all = new KeyGroup(dv, average);
    this.maxGroup = new KeyGroup(dv, average);
    this.minGroup = new KeyGroup(dv, average);
    this.guard = average ? new AverageGuard(dv, label) : null;
  }

  /** Number of tokens inserted. */
  get size(): number {
    return this.tokens;
  }

  /** Number of distinct keys (one record each). */
  get distinctKeys(): number {
    return this.table.n;
  }

  /** Number of points kept on the two chains. */
  get storedPoints(): number {
    return this.upper.points + this.lower.points;
  }

  insert(kx: number, ky: number, position: number, values: Float64Array, offset: number): void {
    checkFinite(kx, ky, 'key', this.label);
    this.guard?.check(values, offset, position);
    this.tokens++;

    // 1. The token folds into its key's record; a new key also goes to the chains.
    const t = this.table;
    if (this.lastId >= 0 && kx === this.lastKx && ky === this.lastKy) {
      t.fold(this.lastId, position, values, offset);
    } else {
      let id = t.find(kx, ky);
      if (id >= 0) t.fold(id, position, values, offset);
      else {
        id = t.add(kx, ky, position, values, offset);
        this.upper.add(kx, ky, id);
        this.lower.add(kx, -ky, id);
      }
      this.lastKx = kx;
      this.lastKy = ky;
      this.lastId = id;
    }
    this.upper.tick();
    this.lower.tick();

    // 2. The groups of qy = 0 queries, once built.
    if (this.allBuilt) this.all.fold(position, values, offset);
    if (kx >= this.maxX) {
      if (kx > this.maxX) {
        this.maxX = kx;
        this.maxGroup.empty = true;
      }
      if (this.extremesBuilt) this.maxGroup.fold(position, values, offset);
    }
    if (kx <= this.minX) {
      if (kx < this.minX) {
        this.minX = kx;
        this.minGroup.empty = true;
      }
      if (this.extremesBuilt) this.minGroup.fold(position, values, offset);
    }
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
      if (!this.allBuilt) this.buildAll();
      this.all.collect(out, offset, hit);
      hit.score = qx * this.lastKx + qy * this.lastKy;
      hit.gap = Infinity;
      hit.termMax = 0;
    } else {
      if (!this.extremesBuilt) this.buildExtremes();
      this.queryExtreme(qx, qy, out, offset);
    }
  }

  /** qy = 0, qx != 0: the winners are all keys of extreme x; the runner-up is the next x. */
  private queryExtreme(qx: number, qy: number, out: Float64Array, offset: number): void {
    const hit = this.hit;
    const x = qx > 0 ? this.maxX : this.minX;
    (qx > 0 ? this.maxGroup : this.minGroup).collect(out, offset, hit);
    hit.score = qx * x + qy * this.lastKy;
    hit.termMax = Math.abs(qx * x);
    const a = qx > 0 ? this.upper.xBelow(x) : this.upper.xAbove(x);
    const b = qx > 0 ? this.lower.xBelow(x) : this.lower.xAbove(x);
    let second = -Infinity;
    if (!Number.isNaN(a)) second = qx * a;
    if (!Number.isNaN(b)) second = Math.max(second, qx * b);
    hit.gap = hit.score - second;
  }

  /** The group of every key, from the records (then kept up to date by insert). */
  private buildAll(): void {
    for (let id = 0; id < this.table.n; id++) this.all.combine(this.table, id);
    this.allBuilt = true;
  }

  /** The groups of largest and smallest x, from the records. */
  private buildExtremes(): void {
    const { keys, n } = this.table;
    for (let id = 0; id < n; id++) {
      if (keys[2 * id] === this.maxX) this.maxGroup.combine(this.table, id);
      if (keys[2 * id] === this.minX) this.minGroup.combine(this.table, id);
    }
    this.extremesBuilt = true;
  }

  reset(): void {
    this.tokens = 0;
    this.table.reset();
    this.upper.reset();
    this.lower.reset();
    this.guard?.reset();
    this.lastId = -1;
    this.all.empty = this.maxGroup.empty = this.minGroup.empty = true;
    this.allBuilt = this.extremesBuilt = false;
    this.maxX = -Infinity;
    this.minX = Infinity;
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
