// The compiled program: register-machine instructions, the data image and the function table.
// Produced by the compiler, consumed by the prompt builder and the reference interpreter.

export interface Instruction {
  op: number;
  flags: number;
  dst: number;
  a: number;
  b: number;
  c: number;
  /** unsigned 32-bit immediate */
  imm: number;
  /** instruction index (0..65535) */
  target: number;
  /** WebAssembly instructions this one stands for (folded gets, consts, sets) */
  wasmCount: number;
}

export interface FunctionInfo {
  name: string;
  /** index of the function's first instruction */
  entry: number;
  /** number of instructions */
  length: number;
}

export interface TokenProgram {
  format: 'inweights-program';
  version: 1;
  instructions: Instruction[];
  /** memory image starting at Machine.DATA_BASE */
  data: Uint8Array;
  functions: FunctionInfo[];
  /** pc of main's first instruction */
  entry: number;
}

export const instruction = (op: number, fields: Partial<Instruction> = {}): Instruction => ({
  op,
  flags: 0,
  dst: 0,
  a: 0,
  b: 0,
  c: 0,
  imm: 0,
  target: 0,
  wasmCount: 1,
  ...fields,
});

/** The 12 field bytes of an instruction, in prompt order. */
export function fieldBytes(ins: Instruction): number[] {
  const imm = ins.imm >>> 0;
  return [
    ins.op,
    ins.flags,
    ins.dst,
    ins.a,
    ins.b,
    ins.c,
    imm & 255,
    (imm >>> 8) & 255,
    (imm >>> 16) & 255,
    imm >>> 24,
    ins.target & 255,
    ins.target >>> 8,
  ];
}
