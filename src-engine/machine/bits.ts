// Splits a nonnegative integer below 2^52 into its low 32 bits. Digit by digit from the top,
// 4 bits at a time: s_t = [x >= t·2^k] for t = 1..15 is a thermometer code of the digit, the
// digit is Σ s_t, x drops by 2^k·digit (linear), and bit i of the digit is Σ_t s_t·Δ_t where
// Δ_t = bit_i(t) - bit_i(t-1). Each threshold compares exact integers, so every bit is exact;
// inputs within ε of an integer give bits within ε of those of the nearest integer.

import type { Graph, Lin } from '../graph/graph.ts';
import { sum } from '../graph/graph.ts';
import { step } from '../graph/ops.ts';

const DIGIT = 4;
const TOP = 48;

export function lowBits(g: Graph, name: string, x: Lin): Lin[] {
  const bits: Lin[] = new Array<Lin>(32);
  let rest = x;
  for (let k = TOP; k >= 0; k -= DIGIT) {
    const s = Array.from({ length: (1 << DIGIT) - 1 }, (_, i) =>
      step(g, `${name}.d${k}.${i + 1}`, sum([1, rest], [-(i + 1) * 2 ** k, 1])),
    );
    rest = sum([1, rest], ...s.map((st): [number, Lin] => [-(2 ** k), st]));
    if (k >= 32) continue;
    for (let i = 0; i < DIGIT; i++) {
      const terms = s.map((st, j): [number, Lin] => [(((j + 1) >> i) & 1) - ((j >> i) & 1), st]);
      bits[k + i] = sum(...terms);
    }
  }
  return bits;
}

/** Byte j of a word given as bits. */
export const byteOf = (bits: Lin[], j: number): Lin =>
  sum(...Array.from({ length: 8 }, (_, i): [number, Lin] => [2 ** i, bits[8 * j + i]!]));
