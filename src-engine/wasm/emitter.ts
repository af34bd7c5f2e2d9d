// Collects one function's instructions. Packs operands and destinations into an
// Instruction's flags and fields, and checks the one rule the encoding imposes: an
// instruction has a single immediate field, shared by A, B and a memory offset.

import type { Instruction } from '../program/instruction.ts';
import { instruction } from '../program/instruction.ts';
import { Flag, Op } from '../program/opcodes.ts';
import type { Dest, Operand } from './operand.ts';

export interface EmitFields {
  a?: Operand;
  b?: Operand;
  /** never an immediate */
  c?: Operand;
  /** the immediate when no operand is one: a memory offset, a BR_TABLE size */
  imm?: number;
  target?: number;
  wasmCount?: number;
}

export class Emitter {
  readonly code: Instruction[] = [];

  get length(): number {
    return this.code.length;
  }

  /** Appends an instruction and returns its index. */
  emit(op: number, dst: Dest | null, fields: EmitFields = {}): number {
    const ins = instruction(op, { wasmCount: fields.wasmCount ?? 0, target: fields.target ?? 0 });
    let immediate: number | null = fields.imm ?? null;
    const useImm = (value: number): void => {
      if (immediate !== null && immediate !== value) {
        throw new Error(`internal: two immediates in one instruction (op ${op})`);
      }
      immediate = value;
    };
    if (fields.a !== undefined) {
      if (fields.a.kind === 'imm') {
        ins.flags |= Flag.A_IMM;
        useImm(fields.a.value);
      } else {
        ins.a = fields.a.value;
        if (fields.a.kind === 'global') ins.flags |= Flag.A_GLOBAL;
      }
    }
    if (fields.b !== undefined) {
      if (fields.b.kind === 'imm') {
        ins.flags |= Flag.B_IMM;
        useImm(fields.b.value);
      } else {
        ins.b = fields.b.value;
        if (fields.b.kind === 'global') ins.flags |= Flag.B_GLOBAL;
      }
    }
    if (fields.c !== undefined) {
      if (fields.c.kind === 'imm') throw new Error('internal: operand C cannot be an immediate');
      ins.c = fields.c.value;
      if (fields.c.kind === 'global') ins.flags |= Flag.C_GLOBAL;
    }
    ins.imm = (immediate ?? 0) >>> 0;
    if (dst !== null) setDest(ins, dst);
    this.code.push(ins);
    return this.code.length - 1;
  }
}

/** Points an instruction's destination at `dst`, clearing the previous kind. */
export function setDest(ins: Instruction, dst: Dest): void {
  ins.flags &= ~(Flag.DST_GLOBAL | Flag.DST_CALLEE);
  ins.dst = dst.value;
  if (dst.kind === 'global') ins.flags |= Flag.DST_GLOBAL;
  if (dst.kind === 'callee') ins.flags |= Flag.DST_CALLEE;
}

/** The A operand of an emitted instruction, as an Operand. */
export function operandA(ins: Instruction): Operand {
  if (ins.flags & Flag.A_IMM) return { kind: 'imm', value: ins.imm };
  return { kind: ins.flags & Flag.A_GLOBAL ? 'global' : 'reg', value: ins.a };
}

/** Which of A, B and C an opcode reads. */
function readsOperands(op: number): { a: boolean; b: boolean; c: boolean } {
  if (op === Op.SELECT) return { a: true, b: true, c: true };
  const binary = (op >= Op.ADD && op <= Op.ROTR) || (op >= Op.EQ && op <= Op.LE_U);
  const store = op >= Op.STORE8 && op <= Op.STORE32;
  const readsA =
    binary ||
    store ||
    op === Op.MOV ||
    (op >= Op.CLZ && op <= Op.EQZ) ||
    op === Op.EXTEND8_S ||
    op === Op.EXTEND16_S ||
    (op >= Op.LOAD8_S && op <= Op.LOAD32) ||
    op === Op.OUT ||
    op === Op.BR_IF ||
    op === Op.BR_IFZ ||
    op === Op.BR_TABLE;
  return { a: readsA, b: binary || store, c: false };
}

/** Registers of the current frame that an instruction reads. */
export function readRegisters(ins: Instruction): number[] {
  const reads = readsOperands(ins.op);
  const regs: number[] = [];
  if (reads.a && !(ins.flags & (Flag.A_IMM | Flag.A_GLOBAL))) regs.push(ins.a);
  if (reads.b && !(ins.flags & (Flag.B_IMM | Flag.B_GLOBAL))) regs.push(ins.b);
  if (reads.c && !(ins.flags & Flag.C_GLOBAL)) regs.push(ins.c);
  return regs;
}

/** Replaces each register of the current frame that an instruction reads by `rename(r)`. */
export function renameReads(ins: Instruction, rename: (r: number) => number): void {
  const reads = readsOperands(ins.op);
  if (reads.a && !(ins.flags & (Flag.A_IMM | Flag.A_GLOBAL))) ins.a = rename(ins.a);
  if (reads.b && !(ins.flags & (Flag.B_IMM | Flag.B_GLOBAL))) ins.b = rename(ins.b);
  if (reads.c && !(ins.flags & Flag.C_GLOBAL)) ins.c = rename(ins.c);
}
