// The reference's arithmetic, opcode by opcode, on edge operands and random ones, against the
// BigInt model in testing/oracle.ts and against literal values worked out by hand.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instruction } from '../program/instruction.ts';
import { Flag, Op } from '../program/opcodes.ts';
import type { OpName } from '../program/opcodes.ts';
import { Tok } from '../program/vocab.ts';
import { irProgram, movImm, payloadWord, splitSteps } from '../testing/ir.ts';
import { alu } from '../testing/oracle.ts';
import { runReference } from './interpreter.ts';

const INT_MIN = 0x80000000;
const INT_MAX = 0x7fffffff;
const EDGES = [
  0,
  1,
  2,
  3,
  7,
  31,
  32,
  33,
  63,
  64,
  0x7f,
  0x80,
  0xff,
  0x100,
  0x7fff,
  0x8000,
  0xffff,
  0x10000,
  INT_MAX,
  INT_MIN,
  INT_MIN + 1,
  0xfffffffe,
  0xffffffff,
  0x12345678,
  0xdeadbeef,
];

const BINARY: OpName[] = [
  'ADD',
  'SUB',
  'MUL',
  'DIV_S',
  'DIV_U',
  'REM_S',
  'REM_U',
  'AND',
  'OR',
  'XOR',
  'SHL',
  'SHR_S',
  'SHR_U',
  'ROTL',
  'ROTR',
  'EQ',
  'NE',
  'LT_S',
  'LT_U',
  'LE_S',
  'LE_U',
];
const UNARY: OpName[] = ['MOV', 'CLZ', 'CTZ', 'POPCNT', 'EQZ', 'EXTEND8_S', 'EXTEND16_S'];

type Case = [op: number, a: number, b: number];

/** Runs `r1 = a; r2 = b; r3 = op(r1, r2)` for every case in one program; returns each r3. */
function results(cases: Case[]): number[] {
  const code = cases.flatMap(([op, a, b]) => [
    movImm(1, a),
    movImm(2, b),
    instruction(op, { dst: 3, a: 1, b: 2 }),
  ]);
  const run = runReference(irProgram([...code, instruction(Op.RET)]), new Uint8Array(), {
    keepTrace: true,
  });
  expect(run.end).toBe('halted');
  const steps = splitSteps(run.trace!);
  return cases.map((_, i) => payloadWord(steps[3 * i + 2]!.payload));
}

const traps = (op: number, a: number, b: number): boolean => 'trap' in alu(op, a, b);

describe('reference arithmetic', () => {
  it.each(BINARY)('computes %s on all pairs of edge operands like the BigInt model', (name) => {
    const op = Op[name];
    const cases = EDGES.flatMap((a) => EDGES.map((b): Case => [op, a, b])).filter(
      ([o, a, b]) => !traps(o, a, b),
    );
    const expected = cases.map(([o, a, b]) => alu(o, a, b));
    expect(results(cases).map((value) => ({ value }))).toEqual(expected);
  });

  it.each(UNARY)('computes %s on every edge operand like the BigInt model', (name) => {
    const cases = EDGES.map((a): Case => [Op[name], a, 0]);
    const expected = cases.map(([o, a]) => alu(o, a, 0));
    expect(results(cases).map((value) => ({ value }))).toEqual(expected);
  });

  it('agrees with the BigInt model on random operands of every ALU opcode', () => {
    const ops = [...BINARY, ...UNARY].map((name) => Op[name]);
    const arbCase = fc.tuple(fc.constantFrom(...ops), fc.integer(), fc.integer());
    fc.assert(
      fc.property(fc.array(arbCase, { minLength: 1, maxLength: 64 }), (raw) => {
        const cases = raw
          .map(([o, a, b]): Case => [o, a >>> 0, b >>> 0])
          .filter(([o, a, b]) => !traps(o, a, b));
        const expected = cases.map(([o, a, b]) => alu(o, a, b));
        expect(results(cases).map((value) => ({ value }))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('reference arithmetic, worked by hand', () => {
  const u = (x: number): number => x >>> 0;
  const table: [OpName, number, number, number][] = [
    ['ADD', INT_MAX, 1, INT_MIN],
    ['SUB', 0, 1, 0xffffffff],
    ['MUL', 0x10000, 0x10000, 0],
    ['MUL', u(-3), 7, u(-21)],
    ['DIV_S', u(-7), 2, u(-3)],
    ['DIV_S', INT_MIN, 1, INT_MIN],
    ['DIV_U', u(-7), 2, 0x7ffffffc],
    ['REM_S', u(-7), 2, u(-1)],
    ['REM_S', 7, u(-2), 1],
    ['REM_S', INT_MIN, u(-1), 0],
    ['REM_U', u(-1), 10, 5],
    ['SHL', 1, 32, 1],
    ['SHL', 1, 33, 2],
    ['SHL', 1, 31, INT_MIN],
    ['SHR_S', INT_MIN, 31, u(-1)],
    ['SHR_S', INT_MIN, 63, u(-1)],
    ['SHR_U', INT_MIN, 31, 1],
    ['SHR_U', u(-1), 32, u(-1)],
    ['ROTL', 0x80000001, 1, 3],
    ['ROTL', 0x12345678, 32, 0x12345678],
    ['ROTR', 3, 1, 0x80000001],
    ['ROTR', 0x12345678, 36, 0x81234567],
    ['LT_S', INT_MIN, 0, 1],
    ['LT_U', INT_MIN, 0, 0],
    ['LE_S', u(-1), u(-1), 1],
    ['LE_U', 0, u(-1), 1],
  ];
  it.each(table)('%s(%i, %i) = %i', (name, a, b, want) => {
    expect(results([[Op[name], a, b]])).toEqual([want]);
  });

  const unary: [OpName, number, number][] = [
    ['CLZ', 0, 32],
    ['CLZ', 1, 31],
    ['CLZ', INT_MIN, 0],
    ['CTZ', 0, 32],
    ['CTZ', INT_MIN, 31],
    ['POPCNT', u(-1), 32],
    ['POPCNT', 0, 0],
    ['EQZ', 0, 1],
    ['EQZ', INT_MIN, 0],
    ['EXTEND8_S', 0x80, 0xffffff80],
    ['EXTEND8_S', 0x17f, 0x7f],
    ['EXTEND16_S', 0x8000, 0xffff8000],
    ['EXTEND16_S', 0xabcd7fff, 0x7fff],
  ];
  it.each(unary)('%s(%i) = %i', (name, a, want) => {
    expect(results([[Op[name], a, 0]])).toEqual([want]);
  });

  it('rebuilds Math.imul, >>> and >> exactly on random words', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (a, b) => {
        const got = results([
          [Op.MUL, a >>> 0, b >>> 0],
          [Op.SHR_U, a >>> 0, b >>> 0],
          [Op.SHR_S, a >>> 0, b >>> 0],
        ]);
        expect(got).toEqual([Math.imul(a, b) >>> 0, a >>> (b & 31), (a >> (b & 31)) >>> 0]);
      }),
    );
  });
});

describe('reference traps of division', () => {
  const trapOf = (name: OpName, a: number, b: number): number | null => {
    const code = [movImm(1, a), movImm(2, b), instruction(Op[name], { dst: 3, a: 1, b: 2 })];
    return runReference(irProgram([...code, instruction(Op.RET)]), new Uint8Array()).stopToken;
  };
  it.each(['DIV_S', 'DIV_U', 'REM_S', 'REM_U'] as OpName[])('%s by zero traps T_DIV0', (name) => {
    for (const a of [0, 1, INT_MIN, 0xffffffff]) expect(trapOf(name, a, 0)).toBe(Tok.T_DIV0);
  });
  it('DIV_S of INT_MIN by -1 traps T_OVF, and DIV_U / REM_S of the same do not', () => {
    expect(trapOf('DIV_S', INT_MIN, 0xffffffff)).toBe(Tok.T_OVF);
    expect(trapOf('DIV_U', INT_MIN, 0xffffffff)).toBe(Tok.H);
    expect(trapOf('REM_S', INT_MIN, 0xffffffff)).toBe(Tok.H);
  });
});

describe('reference operands', () => {
  it('reads A and B from the immediate when A_IMM or B_IMM is set', () => {
    const code = [
      movImm(1, 5),
      instruction(Op.SUB, { dst: 2, a: 1, flags: Flag.B_IMM, imm: 7 }),
      instruction(Op.SUB, { dst: 3, b: 1, flags: Flag.A_IMM, imm: 7 }),
      instruction(Op.SUB, { dst: 4, flags: Flag.A_IMM | Flag.B_IMM, imm: 7 }),
      instruction(Op.RET),
    ];
    const run = runReference(irProgram(code), new Uint8Array(), { keepTrace: true });
    const words = splitSteps(run.trace!)
      .slice(1, 4)
      .map((s) => payloadWord(s.payload));
    expect(words).toEqual([0xfffffffe, 2, 0]);
  });

  it('SELECT picks A when C is nonzero (even -1) and B when C is 0', () => {
    const sel = (c: number): number => {
      const code = [
        movImm(1, 11),
        movImm(2, 22),
        movImm(3, c),
        instruction(Op.SELECT, { dst: 4, a: 1, b: 2, c: 3 }),
        instruction(Op.RET),
      ];
      const run = runReference(irProgram(code), new Uint8Array(), { keepTrace: true });
      return payloadWord(splitSteps(run.trace!)[3]!.payload);
    };
    expect([sel(0), sel(1), sel(0xffffffff), sel(INT_MIN)]).toEqual([22, 11, 11, 11]);
  });
});
