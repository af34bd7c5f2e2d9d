// Both attention back-ends of one head side by side: every key goes into a convex hull and
// into a brute-force scan, and a switch shared by all heads says which of them answers. A
// check can so reach a million tokens at hull speed, then time the brute-force scan at that
// trace length or compare the two on every query; a brute-force run from the first token
// would take hours (its cost per token grows with the trace).

import { BruteScan } from '../hull/brute-scan.ts';
import { ConvexHull } from '../hull/convex-hull.ts';
import type { KeyStore, QueryHit } from '../hull/key-store.ts';
import type { KeyStoreFactory } from '../inference/transformer.ts';
import type { TieRule } from '../model/types.ts';

/** Who answers queries: the hull, the scan, or the scan checked against the hull. */
export type PairMode = 'hull' | 'brute' | 'both';

/** The switch shared by the paired stores of one transformer, and what they found. */
export class PairSwitch {
  mode: PairMode = 'hull';
  /** queries answered by both back-ends */
  compared = 0;
  /** the first differences found in mode 'both' (at most ten kept) */
  readonly differences: string[] = [];

  /** A factory for TransformerOptions.keyStores whose stores obey this switch. */
  stores(): KeyStoreFactory {
    return (tieRule, dv, label) => new PairedStore(tieRule, dv, label, this);
  }
}

export class PairedStore implements KeyStore {
  private readonly hull: ConvexHull;
  private readonly brute: BruteScan;
  private readonly check: Float64Array; // [dv] the hull's answer in mode 'both'

  constructor(
    readonly tieRule: TieRule,
    readonly dv: number,
    private readonly label: string,
    private readonly by: PairSwitch,
  ) {
    this.hull = new ConvexHull(tieRule, dv, label);
    this.brute = new BruteScan(tieRule, dv, label);
    this.check = new Float64Array(dv);
  }

  get hit(): QueryHit {
    return this.by.mode === 'hull' ? this.hull.hit : this.brute.hit;
  }

  insert(kx: number, ky: number, position: number, values: Float64Array, offset: number): void {
    this.hull.insert(kx, ky, position, values, offset);
    this.brute.insert(kx, ky, position, values, offset);
  }

  query(qx: number, qy: number, out: Float64Array, offset: number): void {
    if (this.by.mode === 'hull') return this.hull.query(qx, qy, out, offset);
    this.brute.query(qx, qy, out, offset);
    if (this.by.mode === 'both') this.compare(qx, qy, out, offset);
  }

  /** The hull must give the scan's values, score, tie count and latest winner exactly. */
  private compare(qx: number, qy: number, out: Float64Array, offset: number): void {
    this.hull.query(qx, qy, this.check, 0);
    const h = this.hull.hit;
    const b = this.brute.hit;
    let same = h.score === b.score && h.count === b.count && h.position === b.position;
    for (let c = 0; c < this.dv; c++) same &&= this.check[c] === out[offset + c];
    this.by.compared++;
    if (same || this.by.differences.length >= 10) return;
    const values = (v: ArrayLike<number>): string => Array.from(v).join(',');
    this.by.differences.push(
      `${this.label}, query (${qx}, ${qy}) after ${this.brute.size} keys: ` +
        `scan [${values(out.subarray(offset, offset + this.dv))}] score ${b.score} ` +
        `count ${b.count} at ${b.position}, hull [${values(this.check)}] score ${h.score} ` +
        `count ${h.count} at ${h.position}`,
    );
  }

  reset(): void {
    this.hull.reset();
    this.brute.reset();
  }
}
