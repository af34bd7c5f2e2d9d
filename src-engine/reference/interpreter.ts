// The reference interpreter: runs a TokenProgram on an input byte string and produces the trace
// tokens of docs/machine.md directly from the register-machine semantics. It is deliberately
// independent of the machine graph and the transformer, so that both can be checked against it.
// It owns no prompt: the prompt is fixed by the program and the input (program/prompt.ts).

import type { TokenProgram } from '../program/instruction.ts';
import { Machine, Op } from '../program/opcodes.ts';
import { dataProblem, entryProblem, undefinedOpcode } from '../program/validate-program.ts';
import { TRAP_MESSAGES, Tok } from '../program/vocab.ts';
import { ReferenceMachineError, toColumns } from './columns.ts';
import { ByteList, ChunkSink } from './sink.ts';

export { ReferenceMachineError } from './columns.ts';
export type { ReferenceErrorCode } from './columns.ts';

export interface ReferenceOptions {
  /** stop after this many trace tokens (the last step may be cut); default: no limit */
  maxTokens?: number;
  /** receives each chunk of trace tokens in order; the array is the callee's to keep */
  onChunk?: (tokens: Int32Array) => void;
  /** return the whole trace in the result */
  keepTrace?: boolean;
  /** tokens per chunk handed to onChunk (default 65536) */
  chunkTokens?: number;
}

export type ReferenceEnd = 'halted' | 'trap' | 'limit';

export interface ReferenceResult {
  /** the trace tokens (prompt not included), when keepTrace was set */
  trace?: Int32Array;
  /** trace tokens generated, at most maxTokens */
  tokens: number;
  /** steps begun within the limit, i.e. step tokens in the trace */
  steps: number;
  /** sum of Instruction.wasmCount over those steps */
  wasmInstructions: number;
  /** the O payloads present in the trace */
  output: Uint8Array;
  /** 'limit' means the trace is incomplete and must never count as a pass */
  end: ReferenceEnd;
  /** the trap's message (vocab.ts TRAP_MESSAGES) when end is 'trap' */
  trap: string | null;
  /** the latest EXIT's status (0 if none ran) when end is 'halted', else null */
  exitStatus: number | null;
  /** the token that ended the trace (H or a trap token), null when end is 'limit' */
  stopToken: number | null;
}

/** Initial memory: zero, with the data image at DATA_BASE. */
function initialMemory(program: TokenProgram): Uint8Array {
  const problem = dataProblem(program.data.length);
  if (problem !== null) throw new ReferenceMachineError('BAD_PROGRAM', problem);
  const mem = new Uint8Array(Machine.MEM_SIZE);
  mem.set(program.data, Machine.DATA_BASE);
  return mem;
}

/** Registers of frames 0..frames-1, 256 per frame; grown on deep calls, never cleared. */
function growRegisters(regs: Int32Array, frames: number): Int32Array {
  const most = (Machine.MAX_DEPTH + 2) * Machine.REGS_PER_FRAME;
  let size = regs.length;
  while (size < frames * Machine.REGS_PER_FRAME) size = Math.min(size * 2, most);
  const grown = new Int32Array(size);
  grown.set(regs);
  return grown;
}

const popcount = (x: number): number => {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
};

/** Slack at the end of the chunk buffer: the longest step has 5 tokens. */
const STEP_MAX = 5;

/**
 * Runs `program` on `input` from main's entry at depth 1 (the boot record) until it halts,
 * traps or reaches `maxTokens`. Throws ReferenceMachineError only for programs outside the
 * contract (an invalid opcode or a pc past the last instruction).
 */
export function runReference(
  program: TokenProgram,
  input: Uint8Array,
  options: ReferenceOptions = {},
): ReferenceResult {
  const { n, op, flags, dst, a, b, c, imm, target, wasm } = toColumns(program);
  const mem = initialMemory(program);
  const MEM = Machine.MEM_SIZE;
  const maxTokens = options.maxTokens ?? Infinity;
  const chunkTokens = Math.max(16, options.chunkTokens ?? 1 << 16);
  const sink = new ChunkSink(options);
  const out = new ByteList();
  const inputLength = input.length;

  let regs: Int32Array = new Int32Array(64 * Machine.REGS_PER_FRAME); // [frame * 256 + register]
  const returnPc = new Int32Array(Machine.MAX_DEPTH + 2); // [depth] = pc after its CALL
  const buf = new Int32Array(chunkTokens + STEP_MAX); // trace tokens not yet flushed
  let p = 0; // tokens in buf
  let pStop = Math.min(chunkTokens, maxTokens); // look at the limit or flush when p reaches it
  const badEntry = entryProblem(program.entry, n);
  if (badEntry !== null) throw new ReferenceMachineError('PC_OUT_OF_RANGE', badEntry);
  let pc = program.entry;
  let depth = 1;
  let base = Machine.REGS_PER_FRAME; // regs index of r0 of the current frame
  let cursor = 0; // GETCHAR steps so far
  let steps = 0;
  let wasmInstructions = 0;
  let stopToken = -1;
  let exitStatus = 0;

  run: for (;;) {
    // Limit and flush: one comparison per step on the fast path.
    if (p >= pStop) {
      if (sink.flushed + p >= maxTokens) break;
      sink.flush(buf, p);
      p = 0;
      pStop = Math.min(chunkTokens, maxTokens - sink.flushed);
    }

    // Operands: A and B are immediates or registers of frame 0 or of the current frame.
    const o = op[pc]!;
    const f = flags[pc]!;
    const A = f & 1 ? imm[pc]! : regs[(f & 4 ? 0 : base) + a[pc]!]!;
    const B = f & 2 ? imm[pc]! : regs[(f & 8 ? 0 : base) + b[pc]!]!;
    steps++;
    wasmInstructions += wasm[pc]!;

    // Execute. Case labels are literal opcode numbers (names in the comments, values in
    // opcodes.ts): V8 turns a switch over literals into a jump table, which more than doubles
    // the speed compared to labels read from Op. Register writes break out of the switch to
    // the W step below, other steps continue the loop, traps break `run`, and an access out
    // of bounds breaks `oob`.
    let v = 0; // the result of a register-write step
    let addr = 0; // a load's or store's address
    oob: {
      switch (o) {
        case 1: // MOV
          v = A;
          break;
        case 2: // ADD
          v = (A + B) | 0;
          break;
        case 3: // SUB
          v = (A - B) | 0;
          break;
        case 4: // MUL
          v = Math.imul(A, B);
          break;
        case 5: // DIV_S
          if (B === 0) {
            stopToken = Tok.T_DIV0;
            break run;
          }
          if (A === -0x80000000 && B === -1) {
            stopToken = Tok.T_OVF;
            break run;
          }
          v = (A / B) | 0; // exact: |A|, |B| < 2^31 cannot round across an integer
          break;
        case 6: // DIV_U
          if (B === 0) {
            stopToken = Tok.T_DIV0;
            break run;
          }
          v = ((A >>> 0) / (B >>> 0)) | 0;
          break;
        case 7: // REM_S
          if (B === 0) {
            stopToken = Tok.T_DIV0;
            break run;
          }
          v = (A % B) | 0; // sign of the dividend, as in WebAssembly; INT_MIN % -1 is -0 -> 0
          break;
        case 8: // REM_U
          if (B === 0) {
            stopToken = Tok.T_DIV0;
            break run;
          }
          v = ((A >>> 0) % (B >>> 0)) | 0;
          break;
        case 9: // AND
          v = A & B;
          break;
        case 10: // OR
          v = A | B;
          break;
        case 11: // XOR
          v = A ^ B;
          break;
        case 12: // SHL — JavaScript shifts already take the count mod 32
          v = A << B;
          break;
        case 13: // SHR_S
          v = A >> B;
          break;
        case 14: // SHR_U
          v = (A >>> B) | 0;
          break;
        case 15: // ROTL
          v = (A << B) | (A >>> (32 - (B & 31)));
          break;
        case 16: // ROTR
          v = (A >>> B) | (A << (32 - (B & 31)));
          break;
        case 17: // CLZ
          v = Math.clz32(A);
          break;
        case 18: // CTZ
          v = A === 0 ? 32 : 31 - Math.clz32(A & -A);
          break;
        case 19: // POPCNT
          v = popcount(A);
          break;
        case 20: // EQZ
          v = A === 0 ? 1 : 0;
          break;
        case 21: // EQ
          v = A === B ? 1 : 0;
          break;
        case 22: // NE
          v = A !== B ? 1 : 0;
          break;
        case 23: // LT_S
          v = A < B ? 1 : 0;
          break;
        case 24: // LT_U
          v = A >>> 0 < B >>> 0 ? 1 : 0;
          break;
        case 25: // LE_S
          v = A <= B ? 1 : 0;
          break;
        case 26: // LE_U
          v = A >>> 0 <= B >>> 0 ? 1 : 0;
          break;
        case 27: // EXTEND8_S
          v = (A << 24) >> 24;
          break;
        case 28: // EXTEND16_S
          v = (A << 16) >> 16;
          break;
        case 29: // SELECT
          v = regs[(f & 16 ? 0 : base) + c[pc]!] !== 0 ? A : B;
          break;

        // Loads and stores: address (A_IMM ? 0 : A) + imm as an exact sum, then the bounds rule.
        case 30: // LOAD8_S
          addr = (f & 1 ? 0 : A >>> 0) + (imm[pc]! >>> 0);
          if (addr + 1 > MEM) break oob;
          v = (mem[addr]! << 24) >> 24;
          break;
        case 31: // LOAD8_U
          addr = (f & 1 ? 0 : A >>> 0) + (imm[pc]! >>> 0);
          if (addr + 1 > MEM) break oob;
          v = mem[addr]!;
          break;
        case 32: // LOAD16_S
          addr = (f & 1 ? 0 : A >>> 0) + (imm[pc]! >>> 0);
          if (addr + 2 > MEM) break oob;
          v = ((mem[addr]! | (mem[addr + 1]! << 8)) << 16) >> 16;
          break;
        case 33: // LOAD16_U
          addr = (f & 1 ? 0 : A >>> 0) + (imm[pc]! >>> 0);
          if (addr + 2 > MEM) break oob;
          v = mem[addr]! | (mem[addr + 1]! << 8);
          break;
        case 34: // LOAD32
          addr = (f & 1 ? 0 : A >>> 0) + (imm[pc]! >>> 0);
          if (addr + 4 > MEM) break oob;
          v = mem[addr]! | (mem[addr + 1]! << 8) | (mem[addr + 2]! << 16) | (mem[addr + 3]! << 24);
          break;
        case 35: // GETCHAR
          v = cursor < inputLength ? input[cursor]! : -1;
          cursor++;
          break;
        case 40: // STORE8
          addr = (f & 1 ? 0 : A >>> 0) + (imm[pc]! >>> 0);
          if (addr + 1 > MEM) break oob;
          buf[p++] = Tok.S;
          buf[p++] = mem[addr] = B & 255;
          pc++;
          continue;
        case 41: // STORE16
          addr = (f & 1 ? 0 : A >>> 0) + (imm[pc]! >>> 0);
          if (addr + 2 > MEM) break oob;
          buf[p++] = Tok.S;
          buf[p++] = mem[addr] = B & 255;
          buf[p++] = mem[addr + 1] = (B >>> 8) & 255;
          pc++;
          continue;
        case 42: // STORE32
          addr = (f & 1 ? 0 : A >>> 0) + (imm[pc]! >>> 0);
          if (addr + 4 > MEM) break oob;
          buf[p++] = Tok.S;
          buf[p++] = mem[addr] = B & 255;
          buf[p++] = mem[addr + 1] = (B >>> 8) & 255;
          buf[p++] = mem[addr + 2] = (B >>> 16) & 255;
          buf[p++] = mem[addr + 3] = B >>> 24;
          pc++;
          continue;

        // Control: J with the new pc, N for a branch not taken.
        case 50: // BR
          pc = target[pc]!;
          buf[p++] = Tok.J;
          buf[p++] = pc & 255;
          buf[p++] = pc >>> 8;
          continue;
        case 51: // BR_IF
        case 52: // BR_IFZ
          if ((A !== 0) === (o === Op.BR_IF)) {
            pc = target[pc]!;
            buf[p++] = Tok.J;
            buf[p++] = pc & 255;
            buf[p++] = pc >>> 8;
          } else {
            pc++;
            buf[p++] = Tok.N;
          }
          continue;
        case 53: {
          // BR_TABLE
          const next = pc + 1 + Math.min(A >>> 0, imm[pc]! >>> 0);
          if (next >= n) throw pcOutOfRange(next, n, pc);
          pc = next;
          buf[p++] = Tok.J;
          buf[p++] = pc & 255;
          buf[p++] = pc >>> 8;
          continue;
        }
        case 54: // CALL
          if (depth + 1 > Machine.MAX_DEPTH) {
            stopToken = Tok.T_STACK;
            break run;
          }
          returnPc[++depth] = pc + 1;
          base += Machine.REGS_PER_FRAME;
          if (base + 2 * Machine.REGS_PER_FRAME > regs.length) {
            regs = growRegisters(regs, depth + 2); // the callee's own callee frame too
          }
          pc = target[pc]!;
          buf[p++] = Tok.C;
          buf[p++] = pc & 255;
          buf[p++] = pc >>> 8;
          buf[p++] = depth & 255;
          buf[p++] = depth >>> 8;
          continue;
        case 55: // RET
          if (depth === 1) {
            stopToken = Tok.H;
            break run;
          }
          pc = returnPc[depth--]!;
          base -= Machine.REGS_PER_FRAME;
          buf[p++] = Tok.R;
          buf[p++] = pc & 255;
          buf[p++] = pc >>> 8;
          buf[p++] = depth & 255;
          buf[p++] = depth >>> 8;
          continue;
        case 56: // OUT
          out.push(A & 255);
          buf[p++] = Tok.O;
          buf[p++] = A & 255;
          pc++;
          continue;
        case 57: // HALT
          stopToken = Tok.H;
          break run;
        case 58: // UNREACHABLE
          stopToken = Tok.T_UNREACH;
          break run;
        case 59: // EXIT
          exitStatus = A & 255;
          buf[p++] = Tok.X;
          buf[p++] = A & 255;
          pc++;
          continue;
        default:
          if (pc >= n) throw pcOutOfRange(pc, n, -1);
          throw new ReferenceMachineError('BAD_OPCODE', undefinedOpcode(pc, o));
      }

      // Register write: W and the result, least significant byte first.
      const d = dst[pc]!;
      regs[f & 32 ? d : f & 64 ? base + Machine.REGS_PER_FRAME + d : base + d] = v;
      buf[p++] = Tok.W;
      buf[p++] = v & 255;
      buf[p++] = (v >>> 8) & 255;
      buf[p++] = (v >>> 16) & 255;
      buf[p++] = v >>> 24;
      pc++;
      continue;
    }

    // Only a memory access outside [0, MEM_SIZE) leaves the block above.
    stopToken = Tok.T_OOB;
    break;
  }

  const keep = options.keepTrace === true;
  const counts = { steps, wasmInstructions, exitStatus };
  return finish(stopToken, buf, p, sink, out, maxTokens, keep, counts);
}

function pcOutOfRange(pc: number, n: number, from: number): ReferenceMachineError {
  const origin = from >= 0 ? ` (BR_TABLE at ${from})` : '';
  return new ReferenceMachineError(
    'PC_OUT_OF_RANGE',
    `pc ${pc}${origin} is past the last instruction ${n - 1}; ` +
      'every path of a program must end in RET, HALT or UNREACHABLE',
  );
}

/** Ends the run: emits the stop token or cuts the last step at the limit, flushes, sums up. */
function finish(
  stop: number,
  buf: Int32Array,
  p: number,
  sink: ChunkSink,
  out: ByteList,
  maxTokens: number,
  keepTrace: boolean,
  counts: { steps: number; wasmInstructions: number; exitStatus: number },
): ReferenceResult {
  if (stop >= 0) buf[p++] = stop; // the loop only starts a step below the limit
  const excess = sink.flushed + p - maxTokens;
  if (excess > 0) {
    // The last step was cut; an O step cut right after its step token lost its byte.
    if (excess === 1 && buf[p - 2] === Tok.O) out.length--;
    p -= excess;
  }
  sink.flush(buf, p);
  const trap = stop >= 0 && stop !== Tok.H ? (TRAP_MESSAGES.get(stop) ?? 'trap') : null;
  return {
    ...(keepTrace ? { trace: sink.trace() } : {}),
    tokens: sink.flushed,
    steps: counts.steps,
    wasmInstructions: counts.wasmInstructions,
    output: out.bytes.slice(0, out.length),
    end: stop < 0 ? 'limit' : stop === Tok.H ? 'halted' : 'trap',
    trap,
    exitStatus: stop === Tok.H ? counts.exitStatus : null,
    stopToken: stop < 0 ? null : stop,
  };
}
