// The reference attention back-end: every key and value kept in flat arrays (one entry per
// token, no merging) and scanned on each query. O(n) per query; used to check the hull and
// as the plain semantics of docs/model-format.md. Its margin looks at every key.

import type { TieRule } from '../model/types.ts';
import { AverageGuard, QueryHit, checkFinite, resized } from './key-store.ts';
import type { KeyStore } from './key-store.ts';

export class BruteScan implements KeyStore {
  readonly hit = new QueryHit();
  private n = 0;
  private kx = new Float64Array(16); // [n] key x of each token
  private ky = new Float64Array(16); // [n] key y of each token
  private pos = new Float64Array(16); // [n] position of each token
  private val: Float64Array; // [n * dv] value of each token
  private readonly guard: AverageGuard | null;

  constructor(readonly tieRule: TieRule, readonly dv: number, private readonly label = 'head') {
    this.val = new Float64Array(16 * dv);
    this.guard = tieRule === 'average' ? new AverageGuard(dv, label) : null;
  }

  get size(): number {
    return this.n;
  }

  private grow(): void {
    const cap = this.kx.length * 2;
    this.kx = resized(this.kx, cap);
    this.ky = resized(this.ky, cap);
    this.pos = resized(this.pos, cap);
    this.val = resized(this.val, cap * this.dv);
  }

  insert(kx: number, ky: number, position: number, values: Float64Array, offset: number): void {
    checkFinite(kx, ky, 'key', this.label);
    this.guard?.check(values, offset, position);
    if (this.n === this.kx.length) this.grow();
    const i = this.n++;
    this.kx[i] = kx;
    this.ky[i] = ky;
    this.pos[i] = position;
    for (let c = 0; c < this.dv; c++) this.val[i * this.dv + c] = values[offset + c];
  }

  query(qx: number, qy: number, out: Float64Array, offset: number): void {
    const { n, kx, ky, pos, val, dv } = this;
    const average = this.tieRule === 'average';
    let best = -Infinity;
    let second = -Infinity;
    let win = -1; // the winning key of largest position
    let count = 0;
    checkFinite(qx, qy, 'query', this.label);
    for (let c = 0; c < dv; c++) out[offset + c] = 0;

    // One pass in position order: a new maximum restarts the sum, an equal score joins it.
    for (let j = 0; j < n; j++) {
      const s = qx * kx[j] + qy * ky[j];
      if (s > best) {
        second = best;
        best = s;
        win = j;
        count = 1;
        if (average) for (let c = 0; c < dv; c++) out[offset + c] = val[j * dv + c];
      } else if (s === best) {
        if (pos[j] >= pos[win]) win = j;
        count++;
        if (average) for (let c = 0; c < dv; c++) out[offset + c] += val[j * dv + c];
      } else if (s > second) {
        second = s;
      }
    }

    const hit = this.hit;
    hit.score = best;
    hit.gap = n === 0 ? Infinity : best - second;
    hit.count = count;
    hit.position = win < 0 ? -1 : pos[win];
    hit.termMax = win < 0 ? 0 : Math.max(Math.abs(qx * kx[win]), Math.abs(qy * ky[win]));
    if (!average && win >= 0) for (let c = 0; c < dv; c++) out[offset + c] = val[win * dv + c];
  }

  reset(): void {
    this.n = 0;
    this.guard?.reset();
  }
}
