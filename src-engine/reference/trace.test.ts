// The reference's trace as a token stream: the exact layout of every step kind (docs/machine.md,
// "Trace"), the token limit that cuts a run cleanly, chunked streaming, the counters, and the
// refusal of programs outside the contract.

import { describe, expect, it } from 'vitest';
import type { Instruction } from '../program/instruction.ts';
import { instruction } from '../program/instruction.ts';
import { Flag, Op } from '../program/opcodes.ts';
import { TraceDecoder } from '../trace/decode.ts';
import { irProgram, movImm, traceText, wordText } from '../testing/ir.ts';
import { ReferenceMachineError, runReference } from './interpreter.ts';

const I = instruction;
const RET = I(Op.RET);
const NOP_COUNT = 300; // puts the interesting code past pc 255, so `hi` bytes are not 0

/** Runs `code` placed after NOP_COUNT moves (main starts at 0 and jumps over them). */
function runFar(code: Instruction[], input = new Uint8Array()): string {
  const pad = Array.from({ length: NOP_COUNT }, () => movImm(200, 0));
  const program = irProgram([I(Op.BR, { target: NOP_COUNT + 1 }), ...pad, ...code]);
  const trace = runReference(program, input, { keepTrace: true }).trace!;
  return traceText(trace.subarray(3)); // after the first J
}

describe('reference trace layout', () => {
  const at = NOP_COUNT + 1; // pc of the first instruction of `code`

  it('writes a register as W and the four result bytes, least significant first', () => {
    expect(runFar([movImm(1, 0x11223344), RET])).toBe(`W ${wordText(0x11223344)} H`);
  });

  it('stores as S and the stored bytes: 1, 2 or 4 of them', () => {
    const store = (op: number): Instruction =>
      I(op, { flags: Flag.A_IMM | Flag.B_IMM, imm: 0x0a0b0c0d & 0xfffff });
    expect(runFar([store(Op.STORE8), store(Op.STORE16), store(Op.STORE32), RET])).toBe(
      'S b0d S b0d b0c S b0d b0c b0b b00 H',
    );
  });

  it('writes N for a branch not taken and J lo hi for a jump', () => {
    const target = at + 3;
    const code = [
      I(Op.BR_IF, { flags: Flag.A_IMM, imm: 0, target }),
      I(Op.BR_IFZ, { flags: Flag.A_IMM, imm: 0, target }),
      RET,
      RET,
    ];
    expect(runFar(code)).toBe(`N J b${(target & 255).toString(16)} b01 H`);
  });

  it('writes C entry depth and R return-pc depth, two bytes each, low first', () => {
    const code = [I(Op.CALL, { target: at + 2 }), RET, RET];
    const entry = `b${((at + 2) & 255).toString(16)} b01`;
    const back = `b${((at + 1) & 255).toString(16)} b01`;
    expect(runFar(code)).toBe(`C ${entry} b02 b00 R ${back} b01 b00 H`);
  });

  it('writes O and the output byte', () => {
    expect(runFar([I(Op.OUT, { flags: Flag.A_IMM, imm: 0x3f }), RET])).toBe('O b3f H');
  });

  it('writes X and the exit status byte, the low byte of its operand', () => {
    const exit = (imm: number) => runFar([I(Op.EXIT, { flags: Flag.A_IMM, imm }), I(Op.HALT)]);
    expect(exit(300)).toBe('X b2c H');
    expect(exit(0xffffffff)).toBe('X bff H');
  });

  it('ends with a single H or trap token', () => {
    expect(runFar([I(Op.HALT)])).toBe('H');
    expect(runFar([I(Op.UNREACHABLE)])).toBe('T_UNREACH');
    expect(runFar([I(Op.DIV_U, { flags: Flag.B_IMM })])).toBe('T_DIV0');
    expect(runFar([I(Op.LOAD8_U, { flags: Flag.A_IMM, imm: 0xffffffff })])).toBe('T_OOB');
  });

  it('writes GETCHAR results as W like any register write', () => {
    const get = I(Op.GETCHAR, { dst: 1 });
    expect(runFar([get, get, RET], Uint8Array.from([7]))).toBe(
      `W ${wordText(7)} W ${wordText(0xffffffff)} H`,
    );
  });
});

// A program with every step kind: W, S, N, J, C, R, O and H.
const mixed = irProgram([
  I(Op.GETCHAR, { dst: 1 }), // 0
  I(Op.STORE16, { a: 1, b: 1, imm: 4096 }), // 1
  I(Op.BR_IFZ, { a: 1, target: 4 }), // 2
  I(Op.CALL, { target: 8 }), // 3
  I(Op.OUT, { a: 1 }), // 4
  I(Op.BR_IF, { a: 1, target: 7, wasmCount: 3 }), // 5
  RET, // 6
  RET, // 7
  I(Op.OUT, { flags: Flag.A_IMM, imm: 0x2a }), // 8
  RET, // 9
]);

describe('reference token limit', () => {
  const input = Uint8Array.from([5]);
  const full = runReference(mixed, input, { keepTrace: true });

  it('counts tokens, steps and WebAssembly instructions of a complete run', () => {
    expect(traceText(full.trace!)).toBe(
      `W ${wordText(5)} S b05 b00 N C b08 b00 b02 b00 O b2a R b04 b00 b01 b00 O b05 ` +
        'J b07 b00 H',
    );
    expect([full.tokens, full.steps, full.wasmInstructions]).toEqual([27, 9, 11]);
    expect([full.end, full.trap, Array.from(full.output)]).toEqual(['halted', null, [42, 5]]);
  });

  it('gives every prefix of the trace when cut at each length, and only a full one halts', () => {
    const tokens = full.trace!;
    for (let k = 0; k <= tokens.length; k++) {
      const cut = runReference(mixed, input, { keepTrace: true, maxTokens: k });
      const decoder = new TraceDecoder();
      decoder.push(tokens.subarray(0, k));
      expect(Array.from(cut.trace!)).toEqual(Array.from(tokens.subarray(0, k)));
      expect(cut.tokens).toBe(k);
      expect(cut.end).toBe(k === tokens.length ? 'halted' : 'limit');
      expect(cut.stopToken).toBe(k === tokens.length ? full.stopToken : null);
      expect(cut.steps).toBe(decoder.steps);
      expect(cut.output).toEqual(decoder.output);
    }
  });

  it('streams the same tokens in chunks as it keeps in the trace', () => {
    const chunks: Int32Array[] = [];
    const streamed = runReference(mixed, input, {
      chunkTokens: 16,
      onChunk: (c) => chunks.push(c),
    });
    expect(streamed.trace).toBeUndefined();
    expect(chunks.length).toBe(2);
    expect(chunks.flatMap((c) => Array.from(c))).toEqual(Array.from(full.trace!));
  });

  it('stops an endless loop at the limit and says the trace is incomplete', () => {
    const loop = irProgram([I(Op.OUT, { flags: Flag.A_IMM, imm: 1 }), I(Op.BR, { target: 0 })]);
    const r = runReference(loop, new Uint8Array(), { maxTokens: 1_000_002 });
    expect([r.end, r.tokens, r.trap, r.stopToken]).toEqual(['limit', 1_000_002, null, null]);
    expect(r.output.length).toBe(200_001); // 200,000 rounds of O b01 J b00 b00, then O b01
  });

  it('drops the output byte of an O step cut after its step token', () => {
    const loop = irProgram([I(Op.OUT, { flags: Flag.A_IMM, imm: 1 }), I(Op.BR, { target: 0 })]);
    const r = runReference(loop, new Uint8Array(), { maxTokens: 6 });
    expect([r.output.length, r.steps]).toEqual([1, 3]);
  });
});

describe('reference refusals', () => {
  const refusal = (code: Instruction[], entry = 0): string => {
    try {
      runReference(irProgram(code, { entry }), new Uint8Array());
    } catch (e) {
      if (e instanceof ReferenceMachineError) return e.code;
      throw e;
    }
    return 'ran';
  };

  it('refuses an undefined opcode when it is reached, not before', () => {
    expect(refusal([I(36)])).toBe('BAD_OPCODE');
    expect(refusal([RET, I(36)])).toBe('ran');
  });

  it('refuses a pc that runs past the last instruction', () => {
    expect(refusal([movImm(1, 0)])).toBe('PC_OUT_OF_RANGE');
    expect(refusal([I(Op.BR_TABLE, { flags: Flag.A_IMM, imm: 1 }), RET])).toBe('PC_OUT_OF_RANGE');
    expect(refusal([RET], 1)).toBe('PC_OUT_OF_RANGE');
  });

  it('refuses jump and call targets past the last instruction before running', () => {
    expect(refusal([RET, I(Op.BR, { target: 2 })])).toBe('BAD_PROGRAM');
    expect(refusal([RET, I(Op.CALL, { target: 9 })])).toBe('BAD_PROGRAM');
  });
});
