// Token programs that apply every register-writing opcode to every pair of edge operands
// (0, 1, -1, INT_MIN, INT_MAX, shift counts of 32 and more ...), from registers and from
// immediates, plus one small program per trap. Used to compare machine implementations
// against the reference step by step.

import type { Instruction, TokenProgram } from '../program/instruction.ts';
import { instruction } from '../program/instruction.ts';
import { Flag, Op, opName } from '../program/opcodes.ts';
import { irProgram, movImm } from './ir.ts';
import { ALU_BINARY, ALU_UNARY, DIVISIONS } from './random-ir.ts';

/** A smaller set for the slow exact evaluator. */
export const FEW_EDGE_OPERANDS: readonly number[] = [
  0, 1, 31, 32, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff, 0xdeadbeef,
];

export const EDGE_OPERANDS: readonly number[] = [
  0, 1, 2, 7, 31, 32, 33, 255, 256, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000,
  0x80000001, 0xfffffffe, 0xffffffff, 0x12345678, 0xdeadbeef,
];

const BINARY: readonly number[] = [...ALU_BINARY, ...DIVISIONS];
const UNARY = ALU_UNARY;

const traps = (op: number, a: number, b: number): boolean =>
  (op === Op.DIV_U || op === Op.REM_U || op === Op.DIV_S || op === Op.REM_S) && b === 0
    ? true
    : op === Op.DIV_S && a === 0x80000000 && b === 0xffffffff;

/**
 * One program per opcode: the opcode on all edge pairs, register and immediate forms. With
 * parts > 1 the first operands are split over that many programs per opcode, which keeps
 * traces short for back-ends whose cost per token grows with the trace.
 */
export function edgePrograms(
  operands: readonly number[] = EDGE_OPERANDS,
  parts = 1,
): { name: string; program: TokenProgram }[] {
  const out: { name: string; program: TokenProgram }[] = [];
  const size = Math.ceil(operands.length / parts);
  for (const op of [...BINARY, ...UNARY]) {
    for (let first = 0; first < operands.length; first += size) {
      const code: Instruction[] = [];
      for (const a of operands.slice(first, first + size)) {
        code.push(movImm(1, a));
        for (const b of UNARY.includes(op) ? [0] : operands) {
          if (traps(op, a, b)) continue;
          code.push(movImm(2, b));
          code.push(instruction(op, { dst: 3, a: 1, b: 2 }));
          code.push(instruction(op, { dst: 4, a: 1, flags: Flag.B_IMM, imm: b }));
        }
      }
      code.push(instruction(Op.HALT));
      const part = parts > 1 ? ` (part ${first / size + 1} of ${parts})` : '';
      out.push({ name: opName.get(op)! + part, program: irProgram(code) });
    }
  }
  out.push({ name: 'select', program: irProgram(selectCode()) });
  out.push({ name: 'out and exit', program: irProgram(lowByteCode(operands)) });
  for (const [name, code] of trapCases()) out.push({ name, program: irProgram(code) });
  return out;
}

function selectCode(): Instruction[] {
  const code: Instruction[] = [movImm(1, 0xaaaaaaaa), movImm(2, 0x55555555)];
  for (const c of [0, 1, 0x80000000, 0xffffffff]) {
    code.push(movImm(5, c));
    code.push(instruction(Op.SELECT, { dst: 3, a: 1, b: 2, c: 5 }));
  }
  code.push(instruction(Op.HALT));
  return code;
}

/** OUT and EXIT of every operand, from a register and as an immediate: each emits its low byte. */
function lowByteCode(operands: readonly number[]): Instruction[] {
  const code: Instruction[] = [];
  for (const a of operands) {
    code.push(movImm(1, a));
    for (const op of [Op.OUT, Op.EXIT]) {
      code.push(instruction(op, { a: 1 }), instruction(op, { flags: Flag.A_IMM, imm: a }));
    }
  }
  code.push(instruction(Op.HALT));
  return code;
}

function trapCases(): [string, Instruction[]][] {
  const div = (op: number, a: number, b: number): Instruction[] => [
    movImm(1, a),
    movImm(2, b),
    instruction(op, { dst: 3, a: 1, b: 2 }),
    instruction(Op.HALT),
  ];
  const mem = (op: number, address: number): Instruction[] => [
    movImm(1, address),
    instruction(op, { dst: 3, a: 1, b: 1 }),
    instruction(Op.HALT),
  ];
  return [
    ['div_u by zero', div(Op.DIV_U, 5, 0)],
    ['rem_s by zero', div(Op.REM_S, 5, 0)],
    ['div_s overflow', div(Op.DIV_S, 0x80000000, 0xffffffff)],
    ['rem_s of INT_MIN by -1', div(Op.REM_S, 0x80000000, 0xffffffff)],
    ['load32 past the end', mem(Op.LOAD32, 2 * 1024 * 1024 - 3)],
    ['load8 at the last byte', mem(Op.LOAD8_U, 2 * 1024 * 1024 - 1)],
    ['store16 past the end', mem(Op.STORE16, 2 * 1024 * 1024 - 1)],
    ['load at a huge address', mem(Op.LOAD8_S, 0xfffffff0)],
    ['unreachable', [instruction(Op.UNREACHABLE)]],
  ];
}
