// The contract shared by the two attention back-ends of one head: the convex hull
// (convex-hull.ts, O(log n)) and the brute-force scan (brute-scan.ts, O(n), the reference).
// A store receives one key per token and answers hard-max queries under its tie rule.

import { EngineError } from '../model/errors.ts';
import type { TieRule } from '../model/types.ts';

/** Filled by every query (one object per store, reused, so queries allocate nothing). */
export class QueryHit {
  /** Maximal score s = qx*kx + qy*ky (-Infinity when the store is empty). */
  score = -Infinity;
  /** score minus the best score of a key that is not tied (+Infinity if there is none). */
  gap = Infinity;
  /** max(|qx*kx|, |qy*ky|) of a winning key: the magnitude that sets the rounding scale. */
  termMax = 0;
  /** Number of tokens whose key reached the maximal score. */
  count = 0;
  /** Largest position among those tokens (-1 when empty). */
  position = -1;
}

export interface KeyStore {
  readonly tieRule: TieRule;
  /** Width of the value vectors. */
  readonly dv: number;
  /** Result details of the most recent query. */
  readonly hit: QueryHit;
  /**
   * Adds the key of the token at `position`, with value values[offset .. offset+dv). Every
   * token has its own position (they may arrive in any order); the latest is the largest.
   */
  insert(kx: number, ky: number, position: number, values: Float64Array, offset: number): void;
  /**
   * Writes into out[offset .. offset+dv) the value of the winning key of largest position
   * (tie rule "latest") or the SUM of the values of all winning keys (tie rule "average";
   * hit.count holds the divisor). Writes zeros when the store is empty.
   */
  query(qx: number, qy: number, out: Float64Array, offset: number): void;
  /** Forgets every key. */
  reset(): void;
}

/** Throws KEY_NOT_FINITE unless both components of a key or query are finite. */
export function checkFinite(x: number, y: number, what: 'key' | 'query', label: string): void {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    throw new EngineError(
      'KEY_NOT_FINITE',
      `${label}: ${what} (${x}, ${y}) is not finite; ` + `keys and queries must be finite numbers`,
    );
  }
}

const EXACT_LIMIT = 2 ** 53;

/**
 * Keeps average heads exact on every back-end: values must be integers and, per component,
 * the sum of their magnitudes must stay below 2^53. Then every partial sum, in any order or
 * grouping, is an exactly representable integer, so hull and scan give identical sums.
 */
export class AverageGuard {
  private readonly magnitude: Float64Array; // [dv] running sum of |value| per component

  constructor(
    readonly dv: number,
    private readonly label: string,
  ) {
    this.magnitude = new Float64Array(dv);
  }

  check(values: Float64Array, offset: number, position: number): void {
    for (let c = 0; c < this.dv; c++) {
      const v = values[offset + c];
      if (!Number.isInteger(v)) {
        throw new EngineError(
          'AVERAGE_NOT_INTEGER',
          `${this.label}: value component ${c} ` +
            `at position ${position} is ${v}; average heads need integer values so that ` +
            `every back-end sums them exactly`,
        );
      }
      const total = this.magnitude[c] + Math.abs(v);
      if (total >= EXACT_LIMIT) {
        throw new EngineError(
          'AVERAGE_SUM_RANGE',
          `${this.label}: the sum of |value| of ` +
            `component ${c} reaches ${total} at position ${position}, not below 2^53; ` +
            `scale the values down`,
        );
      }
      this.magnitude[c] = total;
    }
  }

  reset(): void {
    this.magnitude.fill(0);
  }
}

/** A copy of `a` in a new, longer array (flat arrays grow by doubling). */
export function resized(a: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(length);
  b.set(a);
  return b;
}
