// Control flow in the reference: branches, BR_TABLE, calls and returns, recursion, frames that
// keep their registers, globals and callee arguments, the depth limit, HALT and UNREACHABLE.

import { describe, expect, it } from 'vitest';
import type { Instruction } from '../program/instruction.ts';
import { instruction } from '../program/instruction.ts';
import { Flag, Machine, Op } from '../program/opcodes.ts';
import { Tok } from '../program/vocab.ts';
import { irProgram, movImm, splitSteps, traceText } from '../testing/ir.ts';
import type { IrProgramOptions } from '../testing/ir.ts';
import { runReference } from './interpreter.ts';

const I = instruction;
const RET = I(Op.RET);
const out = (reg: number, flags = 0): Instruction => I(Op.OUT, { a: reg, flags });
const outImm = (byte: number): Instruction => I(Op.OUT, { flags: Flag.A_IMM, imm: byte });
const text = (s: string): number[] => Array.from(s, (ch) => ch.charCodeAt(0));

function run(code: Instruction[], opts: IrProgramOptions = {}, input = new Uint8Array()) {
  return runReference(irProgram(code, opts), input, { keepTrace: true });
}

describe('reference branches', () => {
  const branch = (op: number, value: number): string => {
    const code = [
      movImm(1, value),
      I(op, { a: 1, target: 4 }),
      outImm(0x6e),
      RET,
      outImm(0x79),
      RET,
    ];
    return String.fromCharCode(...run(code).output);
  };

  it('BR_IF jumps when A is nonzero (any bit) and falls through on 0', () => {
    expect([0, 1, 0x80000000, 0xffffffff].map((v) => branch(Op.BR_IF, v))).toEqual([
      'n',
      'y',
      'y',
      'y',
    ]);
  });

  it('BR_IFZ jumps only when A is 0', () => {
    expect([0, 1, 0xffffffff].map((v) => branch(Op.BR_IFZ, v))).toEqual(['y', 'n', 'n']);
  });

  it('BR jumps unconditionally, also backwards', () => {
    const code = [
      movImm(1, 3),
      out(1, Flag.A_IMM), // imm 0: a zero byte per round
      I(Op.SUB, { dst: 1, a: 1, flags: Flag.B_IMM, imm: 1 }),
      I(Op.BR_IFZ, { a: 1, target: 5 }),
      I(Op.BR, { target: 1 }),
      RET,
    ];
    expect(Array.from(run(code).output)).toEqual([0, 0, 0]);
  });
});

describe('reference BR_TABLE', () => {
  // 0: BR_TABLE r1, imm 2; 1..3: BRs to the three arms; each arm prints one letter.
  const table = (index: number): { out: string; trace: string } => {
    const code = [
      movImm(1, index),
      I(Op.BR_TABLE, { a: 1, imm: 2 }),
      I(Op.BR, { target: 5 }),
      I(Op.BR, { target: 7 }),
      I(Op.BR, { target: 9 }),
      outImm(0x61),
      RET,
      outImm(0x62),
      RET,
      outImm(0x64),
      RET,
    ];
    const r = run(code);
    return { out: String.fromCharCode(...r.output), trace: traceText(r.trace!.subarray(5, 11)) };
  };

  it('picks entry A, and the last (default) entry for every A >= imm, unsigned', () => {
    const picks = [0, 1, 2, 3, 1000, 0x80000000, 0xffffffff].map((i) => table(i).out);
    expect(picks.join('')).toBe('abddddd');
  });

  it('takes two jumps: one into the table, then the BR found there', () => {
    expect(table(1).trace).toBe('J b03 b00 J b07 b00');
  });
});

describe('reference calls', () => {
  // main: r1' = 5 (callee's r1); CALL fact; OUT RV; RET.
  // fact(r1): if r1 == 0 { RV = 1 } else { r1' = r1 - 1; CALL fact; RV = r1 * RV }.
  const factorial = (n: number): Instruction[] => [
    movImm(1, n, Flag.DST_CALLEE),
    I(Op.CALL, { target: 4 }),
    out(Machine.RV, Flag.A_GLOBAL),
    RET,
    I(Op.BR_IFZ, { a: 1, target: 9 }),
    I(Op.SUB, { dst: 1, a: 1, flags: Flag.B_IMM | Flag.DST_CALLEE, imm: 1 }),
    I(Op.CALL, { target: 4 }),
    I(Op.MUL, { dst: Machine.RV, a: 1, b: Machine.RV, flags: Flag.B_GLOBAL | Flag.DST_GLOBAL }),
    RET,
    I(Op.MOV, { dst: Machine.RV, flags: Flag.A_IMM | Flag.DST_GLOBAL, imm: 1 }),
    RET,
  ];

  it('recurses with arguments in the callee frame and results in RV', () => {
    expect(Array.from(run(factorial(5)).output)).toEqual([120]);
    expect(Array.from(run(factorial(0)).output)).toEqual([1]);
  });

  it('emits C with the entry and new depth, R with the return pc and new depth', () => {
    const steps = splitSteps(run(factorial(1)).trace!);
    const calls = steps.filter((s) => s.token === Tok.C || s.token === Tok.R);
    expect(calls).toEqual([
      { token: Tok.C, payload: [4, 0, 2, 0] },
      { token: Tok.C, payload: [4, 0, 3, 0] },
      { token: Tok.R, payload: [7, 0, 2, 0] },
      { token: Tok.R, payload: [2, 0, 1, 0] },
    ]);
  });

  it('keeps every frame register across calls: frames are never cleared', () => {
    // f writes r7 on its first call only (when r1 = 1) and prints r7 on both calls.
    const code = [
      movImm(1, 1, Flag.DST_CALLEE),
      I(Op.CALL, { target: 5 }),
      movImm(1, 0, Flag.DST_CALLEE),
      I(Op.CALL, { target: 5 }),
      RET,
      I(Op.BR_IFZ, { a: 1, target: 7 }),
      movImm(7, 42),
      out(7),
      RET,
    ];
    expect(Array.from(run(code).output)).toEqual([42, 42]);
  });

  it('gives the caller back its own registers after the callee wrote its own r1', () => {
    const code = [movImm(1, 9), I(Op.CALL, { target: 4 }), out(1), RET, movImm(1, 77), out(1), RET];
    expect(Array.from(run(code).output)).toEqual([77, 9]);
  });

  it('starts at the program entry at depth 1 and halts on RET there', () => {
    const code = [outImm(0x78), RET, RET, outImm(0x6d), I(Op.CALL, { target: 0 }), RET];
    const r = run(code, {
      entry: 3,
      functions: [
        ['f', 0],
        ['main', 3],
      ],
    });
    expect(String.fromCharCode(...r.output)).toBe('mx');
    expect(traceText(r.trace!)).toBe('O b6d C b00 b00 b02 b00 O b78 R b05 b00 b01 b00 H');
  });

  it('traps T_STACK on the call that would pass depth 65535', () => {
    const r = run([I(Op.CALL, { target: 0 })]);
    const depthLimit = Machine.MAX_DEPTH;
    expect(r.end).toBe('trap');
    expect(r.trap).toBe('call stack exhausted');
    expect(r.steps).toBe(depthLimit); // depths 2..65535 entered, then the trapping step
    expect(Array.from(r.trace!.subarray(-6))).toEqual([Tok.C, 0, 0, 255, 255, Tok.T_STACK]);
  });

  it('can write callee arguments at the deepest frame before trapping', () => {
    const code = [movImm(3, 1, Flag.DST_CALLEE), I(Op.CALL, { target: 0 })];
    expect(run(code).stopToken).toBe(Tok.T_STACK);
  });
});

describe('reference globals', () => {
  it('shares depth-0 registers between frames; RV is g255', () => {
    const code = [
      movImm(3, 65, Flag.DST_GLOBAL),
      I(Op.CALL, { target: 3 }),
      RET,
      out(3, Flag.A_GLOBAL),
      I(Op.ADD, { dst: 3, a: 3, flags: Flag.A_GLOBAL | Flag.B_IMM | Flag.DST_GLOBAL, imm: 1 }),
      I(Op.SELECT, { dst: 4, a: 3, b: 3, c: 3, flags: Flag.A_GLOBAL | Flag.C_GLOBAL }),
      out(4),
      RET,
    ];
    expect(String.fromCharCode(...run(code).output)).toBe('AB');
  });

  it('reads a global register through B_GLOBAL and C_GLOBAL, not the frame register', () => {
    const code = [
      movImm(5, 0, Flag.DST_GLOBAL),
      movImm(5, 1),
      movImm(6, 10),
      I(Op.SELECT, { dst: 7, a: 6, b: 5, c: 5, flags: Flag.C_GLOBAL }),
      I(Op.ADD, { dst: 8, a: 7, b: 5, flags: Flag.B_GLOBAL }),
      out(8),
      RET,
    ];
    expect(Array.from(run(code).output)).toEqual([1]);
  });
});

describe('reference stops', () => {
  it('HALT ends the run with H at any depth', () => {
    const r = run([I(Op.CALL, { target: 2 }), RET, outImm(0x21), I(Op.HALT), RET]);
    expect(traceText(r.trace!)).toBe('C b02 b00 b02 b00 O b21 H');
    expect(r.end).toBe('halted');
  });

  it('UNREACHABLE traps with T_UNREACH', () => {
    const r = run([outImm(1), I(Op.UNREACHABLE)]);
    expect(traceText(r.trace!)).toBe('O b01 T_UNREACH');
    expect(r.trap).toBe('unreachable executed');
    expect(Array.from(r.output)).toEqual([1]);
  });

  it('prints the low byte of A', () => {
    expect(Array.from(run([outImm(0x1234), RET]).output)).toEqual([0x34]);
  });

  it('does not read input for GETCHAR-free programs even when input is given', () => {
    expect(run([outImm(0x41), RET], {}, Uint8Array.from(text('zz'))).output).toEqual(
      Uint8Array.from([0x41]),
    );
  });
});
