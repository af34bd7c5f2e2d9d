// Random C expressions over `unsigned` values for the corpus generator. Every expression is
// free of undefined behaviour (signed operations go through helpers in the prelude that guard
// division and only shift unsigned values), and together they reach every i32 operation:
// arithmetic, division and remainder both ways, bitwise ops, shifts and rotates (with counts of
// 32 and more, see C_PRELUDE), comparisons, bit counts, sign extensions and select.

import type { Random } from './random.ts';

/** Helpers every corpus program starts with. Shift counts are masked with `& 31`, which Clang
 * drops because WebAssembly shifts take the count mod 32 themselves: counts of 32 and more read
 * from the input reach the machine unmasked, and C stays free of undefined behaviour.
 * Operands come in and results go out as 4 raw bytes, least significant first: a few steps per
 * word, where decimal text through scanf and printf would cost hundreds (and the libc's printf
 * alone is a thousand instructions of prompt). */
export const C_PRELUDE = `#include <stdio.h>
#include <stdlib.h>

#define INT_MIN_ (-2147483647 - 1)

/* getchar gives 0..255 while input lasts, and every case's input holds its operands. */
static unsigned read_u(void) {
  unsigned x = (unsigned)getchar();
  x |= (unsigned)getchar() << 8;
  x |= (unsigned)getchar() << 16;
  return x | (unsigned)getchar() << 24;
}

/* Through a pointer, so that the caller's variable lives in its stack frame in memory. */
static inline __attribute__((noinline)) void read_to(unsigned *x) { *x = read_u(); }

/* putchar writes c & 255. */
static void put_u(unsigned x) {
  putchar((int)x);
  putchar((int)(x >> 8));
  putchar((int)(x >> 16));
  putchar((int)(x >> 24));
}

static inline unsigned shl(unsigned x, unsigned n) { return x << (n & 31); }
static inline unsigned shr_u(unsigned x, unsigned n) { return x >> (n & 31); }
static inline unsigned shr_s(unsigned x, unsigned n) { return (unsigned)((int)x >> (n & 31)); }
static inline unsigned rotl(unsigned x, unsigned n) {
  return (x << (n & 31)) | (x >> ((32 - n) & 31));
}
static inline unsigned rotr(unsigned x, unsigned n) {
  return (x >> (n & 31)) | (x << ((32 - n) & 31));
}
static inline unsigned div_u(unsigned a, unsigned b) { return b ? a / b : a; }
static inline unsigned rem_u(unsigned a, unsigned b) { return b ? a % b : a; }
static inline unsigned div_s(unsigned a, unsigned b) {
  int x = (int)a, y = (int)b;
  if (y == 0 || (x == INT_MIN_ && y == -1)) return a;
  return (unsigned)(x / y);
}
static inline unsigned rem_s(unsigned a, unsigned b) {
  int x = (int)a, y = (int)b;
  if (y == 0 || y == -1) return 0;
  return (unsigned)(x % y);
}
static inline unsigned clz(unsigned x) { return x ? (unsigned)__builtin_clz(x) : 32u; }
static inline unsigned ctz(unsigned x) { return x ? (unsigned)__builtin_ctz(x) : 32u; }
static inline unsigned lt_s(unsigned a, unsigned b) { return (int)a < (int)b; }
static inline unsigned le_s(unsigned a, unsigned b) { return (int)a <= (int)b; }
static inline unsigned gt_s(unsigned a, unsigned b) { return (int)a > (int)b; }
static inline unsigned ge_s(unsigned a, unsigned b) { return (int)a >= (int)b; }
`;

/** Binary forms: `%a` and `%b` stand for the operands. */
const BINARY = [
  '(%a + %b)',
  '(%a - %b)',
  '(%a * %b)',
  '(%a & %b)',
  '(%a | %b)',
  '(%a ^ %b)',
  'div_u(%a, %b)',
  'rem_u(%a, %b)',
  'div_s(%a, %b)',
  'rem_s(%a, %b)',
  'shl(%a, %b)',
  'shr_u(%a, %b)',
  'shr_s(%a, %b)',
  'rotl(%a, %b)',
  'rotr(%a, %b)',
  '(unsigned)(%a == %b)',
  '(unsigned)(%a != %b)',
  '(unsigned)(%a < %b)',
  '(unsigned)(%a <= %b)',
  '(unsigned)(%a > %b)',
  '(unsigned)(%a >= %b)',
  'lt_s(%a, %b)',
  'le_s(%a, %b)',
  'gt_s(%a, %b)',
  'ge_s(%a, %b)',
];

const UNARY = [
  '(~%a)',
  '(0u - %a)',
  '(unsigned)!%a',
  '(unsigned)(signed char)%a',
  '(unsigned)(short)%a',
  '(unsigned)(unsigned char)%a',
  '(unsigned)(unsigned short)%a',
  'clz(%a)',
  'ctz(%a)',
  '(unsigned)__builtin_popcount(%a)',
  '(%a >> 31)',
];

/** What an expression may read: variables, globals and arrays of the enclosing case. */
export interface Scope {
  vars: readonly string[];
  /** array names; index expressions are masked to the array length */
  arrays: readonly string[];
  arrayLength: number;
}

/** A C literal for an unsigned word. */
export const cWord = (w: number): string => (w < 1000 ? `${w}u` : `0x${(w >>> 0).toString(16)}u`);

function leaf(rnd: Random, scope: Scope): string {
  const roll = rnd.int(0, 9);
  if (roll < 6) return rnd.pick(scope.vars);
  if (roll < 8 || scope.arrays.length === 0) return cWord(rnd.word());
  const index = `${rnd.pick(scope.vars)} & ${scope.arrayLength - 1}`;
  return `(unsigned)${rnd.pick(scope.arrays)}[${index}]`;
}

/** A random expression of at most `depth` operator levels. */
export function cExpr(rnd: Random, scope: Scope, depth: number): string {
  if (depth <= 0 || rnd.chance(0.2)) return leaf(rnd, scope);
  const roll = rnd.int(0, 9);
  if (roll < 6) {
    const form = rnd.pick(BINARY);
    return form
      .replace('%a', cExpr(rnd, scope, depth - 1))
      .replace('%b', cExpr(rnd, scope, depth - 1));
  }
  if (roll < 9) return rnd.pick(UNARY).replace('%a', cExpr(rnd, scope, depth - 1));
  const [c, x, y] = [0, 1, 2].map(() => cExpr(rnd, scope, depth - 1));
  return `(${c} ? ${x} : ${y})`;
}
