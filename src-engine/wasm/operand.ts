// Operands and destinations of register-machine instructions as the lowering builds them,
// before they are packed into an Instruction's flags and fields (emitter.ts).

/** A value an instruction reads: a register of the current frame, a global, an immediate. */
export interface Operand {
  kind: 'reg' | 'global' | 'imm';
  /** register index, or the unsigned 32-bit immediate */
  value: number;
}

/** Where an instruction writes: the current frame, frame 0 (globals), or the callee's frame. */
export interface Dest {
  kind: 'reg' | 'global' | 'callee';
  value: number;
}

export const reg = (value: number): Operand => ({ kind: 'reg', value });
export const glob = (value: number): Operand => ({ kind: 'global', value });
export const imm = (value: number): Operand => ({ kind: 'imm', value: value >>> 0 });

export const toReg = (value: number): Dest => ({ kind: 'reg', value });
export const toGlobal = (value: number): Dest => ({ kind: 'global', value });
export const toCallee = (value: number): Dest => ({ kind: 'callee', value });

export const sameOperand = (x: Operand, y: Operand): boolean =>
  x.kind === y.kind && x.value === y.value;

/** Global registers the compiler reserves above the program's globals (docs/machine.md). */
export const Reserved = {
  /** return value (low half for i64) */
  RV: 255,
  /** high half of an i64 return value */
  RV_HI: 254,
  /** always 0 (set by the entry stub): the value operand of a store of 0 */
  ZERO: 253,
  /** globals of the program are g0 .. g(FIRST_RESERVED - 1) */
  FIRST_RESERVED: 253,
} as const;
