// The token program as flat typed columns for the reference interpreter's hot loop, with the
// checks that make a program runnable at all (size, jump targets; the rules themselves are in
// program/validate-program.ts). Traps are not errors here: they are part of the trace.

import type { TokenProgram } from '../program/instruction.ts';
import { sizeProblem, targetProblem } from '../program/validate-program.ts';

export type ReferenceErrorCode = 'PC_OUT_OF_RANGE' | 'BAD_OPCODE' | 'BAD_PROGRAM';

/** A program the machine cannot run at all (not a trap: traps are part of the trace). */
export class ReferenceMachineError extends Error {
  readonly code: ReferenceErrorCode;
  constructor(code: ReferenceErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = 'ReferenceMachineError';
  }
}

/** The instructions as flat columns; one slot past the end holds opcode 0 (invalid). */
export interface Columns {
  n: number;
  op: Uint8Array;
  flags: Uint8Array;
  dst: Uint8Array;
  a: Uint8Array;
  b: Uint8Array;
  c: Uint8Array;
  /** the immediate read as int32 */
  imm: Int32Array;
  target: Uint16Array;
  wasm: Int32Array;
}

export function toColumns(program: TokenProgram): Columns {
  const list = program.instructions;
  const n = list.length;
  const size = sizeProblem(n);
  if (size !== null) throw new ReferenceMachineError('BAD_PROGRAM', size);
  const cols: Columns = {
    n,
    op: new Uint8Array(n + 1),
    flags: new Uint8Array(n + 1),
    dst: new Uint8Array(n + 1),
    a: new Uint8Array(n + 1),
    b: new Uint8Array(n + 1),
    c: new Uint8Array(n + 1),
    imm: new Int32Array(n + 1),
    target: new Uint16Array(n + 1),
    wasm: new Int32Array(n + 1),
  };
  list.forEach((ins, i) => {
    const target = targetProblem(ins, i, n);
    if (target !== null) throw new ReferenceMachineError('BAD_PROGRAM', target);
    cols.op[i] = ins.op;
    cols.flags[i] = ins.flags;
    cols.dst[i] = ins.dst;
    cols.a[i] = ins.a;
    cols.b[i] = ins.b;
    cols.c[i] = ins.c;
    cols.imm[i] = ins.imm;
    cols.target[i] = ins.target;
    cols.wasm[i] = ins.wasmCount;
  });
  return cols;
}
