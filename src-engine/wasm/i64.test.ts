// 64-bit arithmetic (C long long), which the lowering spreads over pairs of 32-bit registers:
// every operation, on edge values and random ones, compared with BigInt, run both natively
// and by the reference interpreter of the compiled token program; and one short program of
// products by wide constants inside the transformer too.

import { describe, expect, it } from 'vitest';
import { compileC } from '../c/compile.ts';
import { runNative } from '../native/run.ts';
import { runReference } from '../reference/interpreter.ts';
import { compareWithReference } from '../testing/token-runner.ts';
import { transformerMachine } from '../testing/transformer-machine.ts';

const M = (1n << 64n) - 1n;
const s64 = (x: bigint): bigint => BigInt.asIntN(64, x);
const u64 = (x: bigint): bigint => BigInt.asUintN(64, x);
const bit = (c: boolean): bigint => (c ? 1n : 0n);
const k = (b: bigint): bigint => b & 63n;
const rotl = (a: bigint, n: bigint): bigint => u64((a << n) | (a >> ((64n - n) & 63n)));
const clz = (a: bigint): bigint => (a === 0n ? 64n : 64n - BigInt(a.toString(2).length));
const ctz = (a: bigint): bigint => {
  let n = 0n;
  while (n < 64n && ((a >> n) & 1n) === 0n) n++;
  return n;
};
const popcount = (a: bigint): bigint => BigInt([...a.toString(2)].filter((c) => c === '1').length);

/** [C expression over u64 a, b (i64 sa, sb), expected value, whether b must be usable] */
const OPS: [string, (a: bigint, b: bigint) => bigint][] = [
  ['a + b', (a, b) => u64(a + b)],
  ['a - b', (a, b) => u64(a - b)],
  ['a * b', (a, b) => u64(a * b)],
  ['b ? a / b : 0', (a, b) => (b ? a / b : 0n)],
  ['b ? a % b : 0', (a, b) => (b ? a % b : 0n)],
  [
    'sb && !(sb == -1 && sa == INT64_MIN) ? sa / sb : 0',
    (a, b) => {
      const [x, y] = [s64(a), s64(b)];
      return y === 0n || (y === -1n && x === -(1n << 63n)) ? 0n : u64(x / y);
    },
  ],
  [
    'sb && sb != -1 ? sa % sb : 0',
    (a, b) => {
      const [x, y] = [s64(a), s64(b)];
      return y === 0n || y === -1n ? 0n : u64(x % y);
    },
  ],
  ['a & b', (a, b) => a & b],
  ['a | b', (a, b) => a | b],
  ['a ^ b', (a, b) => a ^ b],
  ['a << (b & 63)', (a, b) => u64(a << k(b))],
  ['a >> (b & 63)', (a, b) => a >> k(b)],
  ['sa >> (b & 63)', (a, b) => u64(s64(a) >> k(b))],
  ['a << (b & 63) | a >> (-b & 63)', (a, b) => rotl(a, k(b))],
  ['a >> (b & 63) | a << (-b & 63)', (a, b) => rotl(a, (64n - k(b)) & 63n)],
  ['a < b', (a, b) => bit(a < b)],
  ['sa < sb', (a, b) => bit(s64(a) < s64(b))],
  ['a <= b', (a, b) => bit(a <= b)],
  ['sa >= sb', (a, b) => bit(s64(a) >= s64(b))],
  ['sa > sb', (a, b) => bit(s64(a) > s64(b))],
  ['a == b', (a, b) => bit(a === b)],
  ['a != b', (a, b) => bit(a !== b)],
  ['!a', (a) => bit(a === 0n)],
  ['a ? __builtin_clzll(a) : 64', clz],
  ['a ? __builtin_ctzll(a) : 64', ctz],
  ['__builtin_popcountll(a)', popcount],
  ['a * 10', (a) => u64(a * 10n)],
  ['a * 65535', (a) => u64(a * 65535n)],
  ['a * 65537', (a) => u64(a * 65537n)],
  ['a * 1000003', (a) => u64(a * 1000003n)],
  ['sa * -3', (a) => u64(s64(a) * -3n)],
  ['a * 4294967297ULL', (a) => u64(a * 4294967297n)],
  ['a * 1099511628211ULL', (a) => u64(a * 1099511628211n)],
  ['(a >> 3) * 100000', (a) => u64((a >> 3n) * 100000n)],
  ['100000 - a', (a) => u64(100000n - a)],
  ['a + 4294967297ULL', (a) => u64(a + 4294967297n)],
  ['a << 7', (a) => u64(a << 7n)],
  ['a << 32', (a) => u64(a << 32n)],
  ['a << 45', (a) => u64(a << 45n)],
  ['a >> 7', (a) => a >> 7n],
  ['a >> 40', (a) => a >> 40n],
  ['sa >> 7', (a) => u64(s64(a) >> 7n)],
  ['sa >> 40', (a) => u64(s64(a) >> 40n)],
  ['a << 8 | a >> 56', (a) => rotl(a, 8n)],
  ['a >> 40 | a << 24', (a) => rotl(a, 24n)],
  ['(long long)(int)a', (a) => u64(BigInt.asIntN(32, a))],
  ['(unsigned long long)(unsigned)a', (a) => a & 0xffffffffn],
  ['(long long)(signed char)a', (a) => u64(BigInt.asIntN(8, a))],
  ['(long long)(short)a', (a) => u64(BigInt.asIntN(16, a))],
  ['a < b ? a : b', (a, b) => (a < b ? a : b)],
  ['(mem[b & 3] = a, mem[b & 3] + 1)', (a) => u64(a + 1n)],
  ['(mem32[b & 3] = (int)a, (long long)mem32[b & 3])', (a) => u64(BigInt.asIntN(32, a))],
];

const SOURCE = `#include <stdio.h>
#include <stdint.h>
typedef unsigned long long u64;
static volatile u64 mem[4];
static volatile int mem32[4];
static u64 read64(void) {
  u64 v = 0;
  for (int i = 0; i < 8; i++) v |= (u64)(unsigned char)getchar() << (8 * i);
  return v;
}
int main(void) {
  for (int op = getchar(); op != EOF; op = getchar()) {
    u64 a = read64(), b = read64(), r = 0;
    long long sa = (long long)a, sb = (long long)b;
    switch (op) {
${OPS.map(([expr], i) => `      case ${i}: r = (u64)(${expr}); break;`).join('\n')}
    }
    printf("%016llx\\n", r);
  }
  return 0;
}`;

/** A small deterministic generator (xorshift64*). */
function* randomValues(seed: bigint): Generator<bigint> {
  let x = seed;
  for (;;) {
    x ^= x >> 12n;
    x ^= u64(x << 25n);
    x ^= x >> 27n;
    yield u64(x * 0x2545f4914f6cdd1dn);
  }
}

const EDGES = [
  0n,
  1n,
  2n,
  3n,
  10n,
  0x7fffffffn,
  0x80000000n,
  0xffffffffn,
  1n << 32n,
  (1n << 32n) + 1n,
  (1n << 63n) - 1n,
  1n << 63n,
  M,
  M - 1n,
  0x123456789abcdefn,
];

function cases(count: number): [number, bigint, bigint][] {
  const rnd = randomValues(0x9e3779b97f4a7c15n);
  const value = (): bigint => {
    const r = rnd.next().value as bigint;
    const pick = Number(r & 3n);
    if (pick === 0) return EDGES[Number((r >> 8n) % BigInt(EDGES.length))]!;
    if (pick === 1) return r >> (r & 63n); // small magnitudes
    return r;
  };
  return Array.from({ length: count }, (_, i) => [i % OPS.length, value(), value()]);
}

const le64 = (x: bigint): number[] =>
  Array.from({ length: 8 }, (_, i) => Number((x >> BigInt(8 * i)) & 255n));
const hex = (x: bigint): string => x.toString(16).padStart(16, '0');

describe('64-bit arithmetic', () => {
  it('every i64 operation matches BigInt natively and on the reference', async () => {
    const { wasm, program } = await compileC(SOURCE);
    const all = cases(OPS.length * 12);
    const input = Uint8Array.from(all.flatMap(([op, a, b]) => [op, ...le64(a), ...le64(b)]));
    const expected = all.map(
      ([op, a, b]) => `${OPS[op]![0]} on ${hex(a)} ${hex(b)} = ${hex(OPS[op]![1](a, b))}`,
    );
    const label = (text: string): string[] =>
      text
        .trimEnd()
        .split('\n')
        .map((line, i) => {
          const [op, a, b] = all[i]!;
          return `${OPS[op]![0]} on ${hex(a)} ${hex(b)} = ${line}`;
        });
    const native = await runNative(wasm, input);
    expect(label(new TextDecoder().decode(native.output))).toEqual(expected);
    const reference = runReference(program, input, { maxTokens: 50_000_000 });
    expect(reference.end).toBe('halted');
    expect(label(new TextDecoder().decode(reference.output))).toEqual(expected);
  });

  it('64-bit division by zero traps like WebAssembly, on both engines', async () => {
    const source = `#include <stdio.h>
      int main(void) {
        long long a = getchar() + 5, b = getchar() - 'z';
        printf("%lld\\n", a / b);
        return 0;
      }`;
    const { wasm, program } = await compileC(source);
    const input = new TextEncoder().encode('az');
    expect((await runNative(wasm, input)).trap).toBe('integer divide by zero');
    expect(runReference(program, input).trap).toBe('integer divide by zero');
  });

  it('long long times a constant over 16 bits compiles and agrees on all engines', async () => {
    // Such products once stopped the compiler with "two immediates in one instruction".
    const source = `#include <stdio.h>
      int main(void) {
        unsigned long long h = 14695981039346656037ULL; /* FNV-1a */
        long long p = 0;
        for (int c; (c = getchar()) != EOF; p = p * 256 + c) {
          h ^= (unsigned char)c;
          h *= 1099511628211ULL;
        }
        printf("%016llx %lld %lld %lld %lld %lld\\n", h, p * 65537, p * 1000003, p * -3,
               p * 4294967297LL, (p >> 3) * 100000);
        return 0;
      }`;
    const text = 'abc';
    let h = 14695981039346656037n;
    for (const c of text) h = u64((h ^ BigInt(c.charCodeAt(0))) * 1099511628211n);
    const p = 0x616263n;
    const products = [p * 65537n, p * 1000003n, p * -3n, p * 4294967297n, (p >> 3n) * 100000n];
    const expected = `${hex(h)} ${products.join(' ')}\n`;

    const { wasm, program } = await compileC(source);
    const input = new TextEncoder().encode(text);
    const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
    expect(decode((await runNative(wasm, input)).output)).toBe(expected);
    expect(decode(runReference(program, input).output)).toBe(expected);
    const r = compareWithReference(transformerMachine('hull'), program, input);
    expect(r.mismatch).toBe('');
    expect(r.matched).toBe(r.expected);
  });
});
