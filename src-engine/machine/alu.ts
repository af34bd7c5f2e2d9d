// The result of every register-writing opcode, as an exact integer whose low 32 bits are the
// answer (higher bits are dropped by lowBits). No opcode loops: multiplication uses 16-bit
// halves, division is an 8-digit long division in base 16, shifts multiply or divide by 2^s.

import type { Graph, Lin } from '../graph/graph.ts';
import { add, scale, sub, sum } from '../graph/graph.ts';
import { and, gate, isZero, isZeroNonNeg, product, relu, select, step } from '../graph/ops.ts';
import { TWO32 } from './constants.ts';
import type { Fetched } from './fetch.ts';
import type { Operands } from './operands.ts';
import type { MemoryByte } from './memory.ts';

export interface AluInputs {
  op: Fetched['op'];
  x: Operands;
  /** the four memory bytes at the load address */
  mem: MemoryByte[];
  getchar: Lin;
}

const anyOf = (op: Fetched['op'], ...names: string[]): Lin => add(...names.map((n) => op[n]!));

/** 2^s and 2^(32-s) for s = B mod 32, by a chain of gated doublings/halvings. */
function powers(g: Graph, bit: Lin[]): { up: Lin; down: Lin } {
  let up = sum([1, 1], [1, bit[0]!]);
  let down = sum([TWO32, 1], [-(2 ** 31), bit[0]!]);
  for (let i = 1; i < 5; i++) {
    const f = 2 ** (2 ** i);
    up = sum([1, up], [f - 1, gate(g, `alu.pow${i}`, bit[i]!, up)]);
    down = sum([1, down], [1 / f - 1, gate(g, `alu.npow${i}`, bit[i]!, down)]);
  }
  return { up, down };
}

/** Low and high 16-bit halves of a power of two up to 2^32. */
function halvesOfPower(g: Graph, x: Lin): [Lin, Lin] {
  const high = gate(g, 'alu.powHigh', step(g, 'alu.powIsHigh', sum([1, x], [-65536, 1])), x);
  return [sum([1, x], [-1, high]), scale(1 / 65536, high)];
}

/**
 * floor(n / d) and n mod d for 0 <= n < 2^32, 1 <= d <= 2^32: long division in base 16. The
 * digit at 16^k counts the thresholds t·d·16^k (t = 1..15) that the remainder reaches; the
 * remainder is then stored as one node (remainder - digit·d·16^k, exact: at most n) so each
 * threshold row reads two slots.
 */
function divide(g: Graph, n: Lin, d: Lin): { q: Lin; r: Lin } {
  let rest = g.ffn('alu.dividend', [{ a: n, b: 1 }]);
  const digits: [number, Lin][] = [];
  for (let k = 7; k >= 0; k--) {
    const unit = 16 ** k;
    const digit = g.ffn(
      `alu.div${k}`,
      Array.from({ length: 15 }, (_, i) => i + 1).flatMap((t) => {
        const z = sum([1, rest], [-t * unit, d]);
        return [
          { a: 1, b: add(z, 1) },
          { a: 1, b: z, c: -1 },
        ];
      }),
    );
    digits.push([unit, digit]);
    rest = g.ffn(`alu.rest${k}`, [
      { a: rest, b: 1 },
      { a: scale(unit, d), b: digit, c: -1 },
    ]);
  }
  return { q: sum(...digits), r: rest };
}

export interface Alu {
  result: Lin;
  divideByZero: Lin;
  overflow: Lin;
}

export function alu(g: Graph, inp: AluInputs): Alu {
  const { op, x } = inp;
  const { A, B } = x;
  const a = A.bit;
  const [m0, m1, m2, m3] = inp.mem as [MemoryByte, MemoryByte, MemoryByte, MemoryByte];

  // Multiplication (also SHL and the left half of rotations): low 32 bits of A·X from halves.
  const pow = powers(g, B.bit);
  const isRotr = op['ROTR']!;
  const shiftMul = add(pow.up, gate(g, 'alu.rotrMul', isRotr, sub(pow.down, pow.up)));
  const [s0, s1] = halvesOfPower(g, shiftMul);
  const leftShift = anyOf(op, 'SHL', 'ROTL', 'ROTR');
  const b0 = sum([1, B.byte[0]!], [256, B.byte[1]!]);
  const b1 = sum([1, B.byte[2]!], [256, B.byte[3]!]);
  const x0 = add(b0, gate(g, 'alu.mulX0', leftShift, sub(s0, b0)));
  const x1 = add(b1, gate(g, 'alu.mulX1', leftShift, sub(s1, b1)));
  const a0 = sum([1, A.byte[0]!], [256, A.byte[1]!]);
  const a1 = sum([1, A.byte[2]!], [256, A.byte[3]!]);
  const mul = sum(
    [1, product(g, 'alu.a0x0', a0, x0)],
    [65536, product(g, 'alu.a0x1', a0, x1)],
    [65536, product(g, 'alu.a1x0', a1, x0)],
  );

  // Division (also right shifts and the right half of rotations) on magnitudes.
  const signA = a[31]!;
  const signB = B.bit[31]!;
  const absA = add(A.v, gate(g, 'alu.absA', signA, sum([TWO32, 1], [-2, A.v])));
  const absB = add(B.v, gate(g, 'alu.absB', signB, sum([TWO32, 1], [-2, B.v])));
  const signedDiv = anyOf(op, 'DIV_S', 'REM_S');
  const notA = gate(g, 'alu.notA', signA, sum([TWO32 - 1, 1], [-2, A.v]));
  const dividend = sum(
    [1, A.v],
    [1, gate(g, 'alu.dividendS', signedDiv, sub(absA, A.v))],
    [1, gate(g, 'alu.dividendShr', op['SHR_S']!, notA)],
  );
  const divisor = select(g, 'alu.divisor', [
    [anyOf(op, 'DIV_U', 'REM_U'), B.v],
    [signedDiv, absB],
    [anyOf(op, 'SHR_U', 'SHR_S', 'ROTR'), pow.up],
    [op['ROTL']!, pow.down],
  ]);
  const { q, r } = divide(g, dividend, divisor);
  const quotientSign = sub(add(signA, signB), scale(2, and(g, 'alu.bothNeg', signA, signB)));
  const negate = (name: string, flag: Lin, v: Lin): Lin =>
    add(v, gate(g, name, flag, sum([TWO32, 1], [-2, v])));

  // Bitwise operations from the bits of both operands.
  const andWord = g.ffn(
    'alu.and',
    a.map((ai, i) => ({ a: 2 ** i, b: sum([1, ai], [1, B.bit[i]!], [1, -1]) })),
  );
  // Leading zeros: 32 minus the bit length Σ_k [A >= 2^k]. Trailing zeros: the same on the
  // bit-reversed word, materialised first so each threshold reads one slot.
  const bitLength = (name: string, v: Lin): Lin =>
    g.ffn(
      name,
      a.flatMap((_, k) => [
        { a: 1, b: sum([1, v], [1 - 2 ** k, 1]) },
        { a: 1, b: sum([1, v], [-(2 ** k), 1]), c: -1 },
      ]),
    );
  const reversed = g.ffn('alu.reversed', [
    { a: sum(...a.map((ai, i): [number, Lin] => [2 ** (31 - i), ai])), b: 1 },
  ]);
  const clz = sum([32, 1], [-1, bitLength('alu.bitLength', A.v)]);
  const ctz = sum([32, 1], [-1, bitLength('alu.bitLengthReversed', reversed)]);
  const signedA = sum([1, A.v], [-TWO32, signA]);
  const signedB = sum([1, B.v], [-TWO32, signB]);
  const loaded16 = sum([1, m0.byte], [256, m1.byte]);

  const result = select(g, 'alu.result', [
    [op['MOV']!, A.v],
    [op['ADD']!, add(A.v, B.v)],
    [op['SUB']!, sum([1, A.v], [-1, B.v], [TWO32, 1])],
    [anyOf(op, 'MUL', 'SHL'), mul],
    [op['DIV_U']!, q],
    [op['REM_U']!, r],
    [op['DIV_S']!, negate('alu.negQ', quotientSign, q)],
    [op['REM_S']!, negate('alu.negR', signA, r)],
    [op['AND']!, andWord],
    [op['OR']!, sum([1, A.v], [1, B.v], [-1, andWord])],
    [op['XOR']!, sum([1, A.v], [1, B.v], [-2, andWord])],
    [op['SHR_U']!, q],
    [op['SHR_S']!, add(q, gate(g, 'alu.shrSign', signA, sum([TWO32 - 1, 1], [-2, q])))],
    [anyOf(op, 'ROTL', 'ROTR'), add(mul, q)],
    [op['CLZ']!, clz],
    [op['CTZ']!, ctz],
    [op['POPCNT']!, add(...a)],
    [op['EQZ']!, isZeroNonNeg(g, 'alu.eqz', A.v)],
    [op['EQ']!, isZero(g, 'alu.eq', sub(A.v, B.v))],
    [op['NE']!, sum([1, 1], [-1, isZero(g, 'alu.ne', sub(A.v, B.v))])],
    [op['LT_U']!, step(g, 'alu.ltu', sum([1, B.v], [-1, A.v], [-1, 1]))],
    [op['LE_U']!, step(g, 'alu.leu', sub(B.v, A.v))],
    [op['LT_S']!, step(g, 'alu.lts', sum([1, signedB], [-1, signedA], [-1, 1]))],
    [op['LE_S']!, step(g, 'alu.les', sub(signedB, signedA))],
    [op['EXTEND8_S']!, sum([1, A.byte[0]!], [TWO32 - 256, a[7]!])],
    [op['EXTEND16_S']!, sum([1, A.byte[0]!], [256, A.byte[1]!], [TWO32 - 65536, a[15]!])],
    [op['SELECT']!, add(A.v, gate(g, 'alu.select', isZeroNonNeg(g, 'alu.zC', x.C), sub(B.v, A.v)))],
    [op['LOAD8_U']!, m0.byte],
    [op['LOAD8_S']!, sum([1, m0.byte], [TWO32 - 256, m0.bit7])],
    [op['LOAD16_U']!, loaded16],
    [op['LOAD16_S']!, sum([1, loaded16], [TWO32 - 65536, m1.bit7])],
    [op['LOAD32']!, sum([1, loaded16], [65536, m2.byte], [2 ** 24, m3.byte])],
    [op['GETCHAR']!, inp.getchar],
  ]);

  const divRem = anyOf(op, 'DIV_S', 'DIV_U', 'REM_S', 'REM_U');
  return {
    result,
    divideByZero: and(g, 'alu.div0', divRem, isZeroNonNeg(g, 'alu.zB', B.v)),
    overflow: and(
      g,
      'alu.ovf',
      op['DIV_S']!,
      isZero(g, 'alu.aMin', sum([1, A.v], [-(2 ** 31), 1])),
      isZero(g, 'alu.bMinus1', sum([1, B.v], [-(TWO32 - 1), 1])),
    ),
  };
}

export { relu };
