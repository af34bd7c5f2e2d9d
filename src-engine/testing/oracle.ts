// A slow, literal second model of the register machine for tests: BigInt arithmetic, maps for
// registers and memory, one step per call, written from docs/machine.md without looking at
// the fast reference. Random IR programs run through both must give identical traces.

import type { Instruction, TokenProgram } from '../program/instruction.ts';
import { Flag, Machine, Op } from '../program/opcodes.ts';
import { Tok } from '../program/vocab.ts';
import { STOP_TOKENS } from '../trace/decode.ts';

const u32 = (x: bigint): bigint => BigInt.asUintN(32, x);
const s32 = (x: bigint): bigint => BigInt.asIntN(32, x);
const bit = (cond: boolean): bigint => (cond ? 1n : 0n);

/** Result of a register-writing operation: a value (unsigned 32-bit) or a trap token. */
export type AluResult = { value: number } | { trap: number };

const DIVISIONS: ReadonlySet<number> = new Set([Op.DIV_S, Op.DIV_U, Op.REM_S, Op.REM_U]);

/** Leading zeros of a 32-bit value, by scanning bits from the top. */
function leadingZeros(x: bigint): bigint {
  let n = 0n;
  for (let k = 31n; k >= 0n && ((x >> k) & 1n) === 0n; k--) n++;
  return n;
}

function trailingZeros(x: bigint): bigint {
  let n = 0n;
  for (let k = 0n; k < 32n && ((x >> k) & 1n) === 0n; k++) n++;
  return n;
}

function ones(x: bigint): bigint {
  let n = 0n;
  for (let k = 0n; k < 32n; k++) n += (x >> k) & 1n;
  return n;
}

/** The semantics of the ALU opcodes (1..29) on unsigned 32-bit operands. */
export function alu(op: number, a: number, b: number, c = 0): AluResult {
  const ua = BigInt(a >>> 0);
  const ub = BigInt(b >>> 0);
  const sa = s32(ua);
  const sb = s32(ub);
  const k = ub % 32n;
  if (DIVISIONS.has(op) && ub === 0n) return { trap: Tok.T_DIV0 };
  if (op === Op.DIV_S && sa === -(2n ** 31n) && sb === -1n) return { trap: Tok.T_OVF };
  const value = ((): bigint => {
    switch (op) {
      case Op.MOV:
        return ua;
      case Op.ADD:
        return ua + ub;
      case Op.SUB:
        return ua - ub;
      case Op.MUL:
        return ua * ub;
      case Op.DIV_S:
        return sa / sb; // BigInt division truncates toward zero
      case Op.DIV_U:
        return ua / ub;
      case Op.REM_S:
        return sa % sb; // sign of the dividend
      case Op.REM_U:
        return ua % ub;
      case Op.AND:
        return ua & ub;
      case Op.OR:
        return ua | ub;
      case Op.XOR:
        return ua ^ ub;
      case Op.SHL:
        return ua << k;
      case Op.SHR_S:
        return sa >> k;
      case Op.SHR_U:
        return ua >> k;
      case Op.ROTL:
        return (ua << k) | (ua >> ((32n - k) % 32n));
      case Op.ROTR:
        return (ua >> k) | (ua << ((32n - k) % 32n));
      case Op.CLZ:
        return leadingZeros(ua);
      case Op.CTZ:
        return trailingZeros(ua);
      case Op.POPCNT:
        return ones(ua);
      case Op.EQZ:
        return bit(ua === 0n);
      case Op.EQ:
        return bit(ua === ub);
      case Op.NE:
        return bit(ua !== ub);
      case Op.LT_S:
        return bit(sa < sb);
      case Op.LT_U:
        return bit(ua < ub);
      case Op.LE_S:
        return bit(sa <= sb);
      case Op.LE_U:
        return bit(ua <= ub);
      case Op.EXTEND8_S:
        return BigInt.asIntN(8, ua);
      case Op.EXTEND16_S:
        return BigInt.asIntN(16, ua);
      case Op.SELECT:
        return c >>> 0 !== 0 ? ua : ub;
      default:
        throw new RangeError(`opcode ${op} is not an ALU opcode`);
    }
  })();
  return { value: Number(u32(value)) };
}

/** Machine state of the oracle. */
interface State {
  pc: number;
  depth: number;
  /** `${depth}:${register}` -> unsigned value */
  regs: Map<string, number>;
  /** address -> byte; absent = the data image or 0 */
  mem: Map<number, number>;
  returns: number[];
  cursor: number;
}

const LOADS: Record<number, [number, boolean]> = {
  [Op.LOAD8_S]: [1, true],
  [Op.LOAD8_U]: [1, false],
  [Op.LOAD16_S]: [2, true],
  [Op.LOAD16_U]: [2, false],
  [Op.LOAD32]: [4, false],
};
const STORES: Record<number, number> = { [Op.STORE8]: 1, [Op.STORE16]: 2, [Op.STORE32]: 4 };
const bytesOf = (v: number, n: number): number[] =>
  Array.from({ length: n }, (_, k) => (v >>> (8 * k)) & 255);
const pcBytes = (pc: number): number[] => [pc & 255, pc >> 8];

/**
 * Runs a program for at most `maxSteps` steps and returns the trace tokens; the trace is
 * complete iff its last token is H or a trap.
 */
export function runOracle(program: TokenProgram, input: Uint8Array, maxSteps: number): number[] {
  const image = (addr: number): number => {
    const k = addr - Machine.DATA_BASE;
    return k >= 0 && k < program.data.length ? program.data[k]! : 0;
  };
  const st: State = {
    pc: program.entry,
    depth: 1,
    regs: new Map(),
    mem: new Map(),
    returns: [],
    cursor: 0,
  };
  const read = (depth: number, r: number): number => st.regs.get(`${depth}:${r}`) ?? 0;
  const byte = (addr: number): number => st.mem.get(addr) ?? image(addr);
  const trace: number[] = [];
  for (let step = 0; step < maxSteps; step++) {
    const ins = program.instructions[st.pc];
    if (ins === undefined) throw new RangeError(`pc ${st.pc} outside the program`);
    const tokens = oracleStep(ins, st, read, byte, input);
    trace.push(...tokens);
    if (STOP_TOKENS.includes(tokens[0]!)) break;
  }
  return trace;
}

function oracleStep(
  ins: Instruction,
  st: State,
  read: (depth: number, r: number) => number,
  byte: (addr: number) => number,
  input: Uint8Array,
): number[] {
  const f = ins.flags;
  const imm = ins.imm >>> 0;
  const A = f & Flag.A_IMM ? imm : read(f & Flag.A_GLOBAL ? 0 : st.depth, ins.a);
  const B = f & Flag.B_IMM ? imm : read(f & Flag.B_GLOBAL ? 0 : st.depth, ins.b);
  const C = read(f & Flag.C_GLOBAL ? 0 : st.depth, ins.c);
  const dstDepth = f & Flag.DST_GLOBAL ? 0 : f & Flag.DST_CALLEE ? st.depth + 1 : st.depth;
  const write = (v: number): number[] => {
    st.regs.set(`${dstDepth}:${ins.dst}`, v >>> 0);
    st.pc++;
    return [Tok.W, ...bytesOf(v, 4)];
  };
  const address = (f & Flag.A_IMM ? 0 : A) + imm;
  const load = LOADS[ins.op];
  if (load !== undefined) {
    const [n, signed] = load;
    if (address + n > Machine.MEM_SIZE) return [Tok.T_OOB];
    let v = 0;
    for (let k = n - 1; k >= 0; k--) v = v * 256 + byte(address + k);
    if (signed && v >= 2 ** (8 * n - 1)) v -= 2 ** (8 * n);
    return write(v);
  }
  const store = STORES[ins.op];
  if (store !== undefined) {
    if (address + store > Machine.MEM_SIZE) return [Tok.T_OOB];
    const bytes = bytesOf(B, store);
    bytes.forEach((v, k) => st.mem.set(address + k, v));
    st.pc++;
    return [Tok.S, ...bytes];
  }
  if (ins.op === Op.GETCHAR) {
    return write(st.cursor < input.length ? input[st.cursor++]! : (st.cursor++, 0xffffffff));
  }
  const control = controlStep(ins, st, A);
  if (control !== null) return control;
  const r = alu(ins.op, A, B, C);
  return 'trap' in r ? [r.trap] : write(r.value);
}

/** The step of a control, output or stop instruction, or null for any other opcode. */
function controlStep(ins: Instruction, st: State, A: number): number[] | null {
  const jump = (pc: number): number[] => {
    st.pc = pc;
    return [Tok.J, ...pcBytes(pc)];
  };
  switch (ins.op) {
    case Op.BR:
      return jump(ins.target);
    case Op.BR_IF:
    case Op.BR_IFZ:
      if ((A !== 0) === (ins.op === Op.BR_IF)) return jump(ins.target);
      st.pc++;
      return [Tok.N];
    case Op.BR_TABLE:
      return jump(st.pc + 1 + Math.min(A, ins.imm >>> 0));
    case Op.CALL:
      if (st.depth + 1 > Machine.MAX_DEPTH) return [Tok.T_STACK];
      st.returns.push(st.pc + 1);
      st.depth++;
      st.pc = ins.target;
      return [Tok.C, ...pcBytes(st.pc), ...pcBytes(st.depth)];
    case Op.RET:
      if (st.depth === 1) return [Tok.H];
      st.depth--;
      st.pc = st.returns.pop()!;
      return [Tok.R, ...pcBytes(st.pc), ...pcBytes(st.depth)];
    case Op.OUT:
      st.pc++;
      return [Tok.O, A & 255];
    case Op.EXIT:
      st.pc++;
      return [Tok.X, A & 255];
    case Op.HALT:
      return [Tok.H];
    case Op.UNREACHABLE:
      return [Tok.T_UNREACH];
    default:
      return null;
  }
}
