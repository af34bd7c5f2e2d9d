// Splits a nonnegative integer below 2^52 into the four bytes of its low 32 bits. Digit by
// digit from the top, 4 bits at a time: the digit at 2^k is Σ_{t=1..15} [x_k >= t·2^k], one
// FFN node of 15 steps, where x_k is what is left after the higher digits. Every threshold
// compares exact integers, so each digit is exact; an input within ε of an integer gives digits
// within ε of those of the nearest integer. Byte j is 16·digit(8j+4) + digit(8j).
//
// To keep each threshold row short, x_k is written as (a stored remainder) - 2^(k+4)·(the digit
// just above): the remainder two digits up is stored by a unit in the same layer as the digit
// below it, so the cascade stays one FFN layer per digit.

import type { Graph, Lin } from '../graph/graph.ts';
import { add, sum } from '../graph/graph.ts';

const DIGIT = 4;
const TOP = 52 - DIGIT;

export function lowBytes(g: Graph, name: string, x: Lin): Lin[] {
  const digits = new Map<number, Lin>();
  let stored = x; // x minus the digits above `pending`, as a short expression
  let pending: [number, Lin] | null = null; // the last digit, not yet subtracted from `stored`
  for (let k = TOP; k >= 0; k -= DIGIT) {
    const rest = pending ? sum([1, stored], [-(2 ** pending[0]), pending[1]]) : stored;
    const units = Array.from({ length: (1 << DIGIT) - 1 }, (_, i) => {
      const z = sum([1, rest], [-(i + 1) * 2 ** k, 1]);
      return [
        { a: 1, b: add(z, 1) },
        { a: 1, b: z, c: -1 },
      ];
    }).flat();
    const digit = g.ffn(`${name}.digit${k}`, units);
    digits.set(k, digit);
    if (pending) stored = g.ffn(`${name}.rest${k}`, [{ a: rest, b: 1 }]);
    pending = [k, digit];
  }
  return [0, 1, 2, 3].map((j) =>
    sum(
      ...Array.from({ length: 8 / DIGIT }, (_, i): [number, Lin] => [
        2 ** (i * DIGIT),
        digits.get(8 * j + i * DIGIT)!,
      ]),
    ),
  );
}

/** Byte j of a word given as bits. */
export const byteOf = (bits: Lin[], j: number): Lin =>
  sum(...Array.from({ length: 8 }, (_, i): [number, Lin] => [2 ** i, bits[8 * j + i]!]));
