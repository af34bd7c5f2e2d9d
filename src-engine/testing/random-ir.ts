// Random token programs built directly in the IR, for fast fuzzing of anything that runs token
// programs (the reference against the oracle, the machine graph against the reference) without
// a C compiler. Programs are straight-line code with forward branches, BR_TABLE switches, an
// optional counted loop, leaf calls and one bounded recursion, so every one of them ends.

import type { Instruction, TokenProgram } from '../program/instruction.ts';
import { instruction } from '../program/instruction.ts';
import { Flag, Machine, Op } from '../program/opcodes.ts';
import { irProgram } from './ir.ts';
import { Random } from './random.ts';

export interface RandomIrCase {
  name: string;
  program: TokenProgram;
  input: Uint8Array;
}

export interface RandomIrOptions {
  /** random items in main's body (default 40) */
  items?: number;
}

/** Binary register-writing opcodes that never trap, and the unary ones. */
export const ALU_BINARY: readonly number[] = [
  Op.ADD,
  Op.SUB,
  Op.MUL,
  Op.AND,
  Op.OR,
  Op.XOR,
  Op.SHL,
  Op.SHR_S,
  Op.SHR_U,
  Op.ROTL,
  Op.ROTR,
  Op.EQ,
  Op.NE,
  Op.LT_S,
  Op.LT_U,
  Op.LE_S,
  Op.LE_U,
];
export const ALU_UNARY: readonly number[] = [
  Op.MOV,
  Op.CLZ,
  Op.CTZ,
  Op.POPCNT,
  Op.EQZ,
  Op.EXTEND8_S,
  Op.EXTEND16_S,
];
export const DIVISIONS: readonly number[] = [Op.DIV_S, Op.DIV_U, Op.REM_S, Op.REM_U];
const LOADS = [Op.LOAD8_S, Op.LOAD8_U, Op.LOAD16_S, Op.LOAD16_U, Op.LOAD32];
const STORES = [Op.STORE8, Op.STORE16, Op.STORE32];

/** Registers the random code works on; r13 is the loop counter, r14 a scratch address. */
const WORK = 12;
const COUNTER = 13;
const SCRATCH = 14;
const GLOBALS = 4;
const { RV } = Machine;

/** Emits instructions with forward labels, patched once every label has a pc. */
class Emitter {
  readonly code: Instruction[] = [];
  private readonly fixups: { pc: number; label: number }[] = [];
  private readonly labels = new Map<number, number>();
  private nextLabel = 0;

  emit(op: number, fields: Partial<Instruction> = {}): void {
    this.code.push(instruction(op, fields));
  }
  label(): number {
    return this.nextLabel++;
  }
  place(label: number): void {
    this.labels.set(label, this.code.length);
  }
  jump(op: number, label: number, fields: Partial<Instruction> = {}): void {
    this.fixups.push({ pc: this.code.length, label });
    this.emit(op, fields);
  }
  pcOf(label: number): number {
    return this.labels.get(label)!;
  }
  finish(): Instruction[] {
    for (const { pc, label } of this.fixups) this.code[pc]!.target = this.labels.get(label)!;
    return this.code;
  }
}

/** A random operand: a work register, a global, or an immediate word (for A or B). */
function operand(rnd: Random, side: 'a' | 'b'): Partial<Instruction> {
  const roll = rnd.int(0, 9);
  if (roll < 2) {
    const flags = side === 'a' ? Flag.A_IMM : Flag.B_IMM;
    return { flags, imm: rnd.word() };
  }
  if (roll < 3) {
    return { flags: side === 'a' ? Flag.A_GLOBAL : Flag.B_GLOBAL, [side]: rnd.int(0, GLOBALS) };
  }
  return { flags: 0, [side]: rnd.int(1, WORK) };
}

/** A random destination: mostly a work register, sometimes a global. */
function destination(rnd: Random): Partial<Instruction> {
  if (rnd.chance(0.15)) return { flags: Flag.DST_GLOBAL, dst: rnd.int(0, GLOBALS) };
  return { flags: 0, dst: rnd.int(1, WORK) };
}

/** `dst = op(A, B)` with random operands (immediate A and B share the one imm field). */
function aluItem(e: Emitter, rnd: Random, op: number): void {
  const a = operand(rnd, 'a');
  const b = operand(rnd, 'b');
  const d = destination(rnd);
  const imm = a.imm ?? b.imm ?? 0;
  e.emit(op, { ...a, ...b, ...d, imm, flags: (a.flags ?? 0) | (b.flags ?? 0) | (d.flags ?? 0) });
}

/** A division whose divisor is made odd first (so nonzero) unless the case wants a trap. */
function divisionItem(e: Emitter, rnd: Random, mayTrap: boolean): void {
  const divisor = rnd.int(1, WORK);
  if (!mayTrap || rnd.chance(0.9)) {
    e.emit(Op.OR, { dst: divisor, a: divisor, flags: Flag.B_IMM, imm: 1 });
  }
  e.emit(rnd.pick(DIVISIONS), { ...destination(rnd), a: rnd.int(1, WORK), b: divisor });
}

/** A load or store at DATA_BASE + (register & 0xffc) + small offset, so inside memory. */
function memoryItem(e: Emitter, rnd: Random, mayTrap: boolean): void {
  const wild = mayTrap && rnd.chance(0.1);
  e.emit(Op.AND, {
    dst: SCRATCH,
    a: rnd.int(1, WORK),
    flags: Flag.B_IMM,
    imm: wild ? 0xffffffff : 0xffc,
  });
  const imm = wild ? rnd.word() : Machine.DATA_BASE + rnd.int(0, 3);
  if (rnd.chance(0.5)) e.emit(rnd.pick(STORES), { a: SCRATCH, b: rnd.int(1, WORK), imm });
  else e.emit(rnd.pick(LOADS), { dst: rnd.int(1, WORK), a: SCRATCH, imm });
}

/** BR_TABLE on a register over up to 4 arms, each arm jumping forward to `after`. */
function switchItem(e: Emitter, rnd: Random, after: number): void {
  const arms = rnd.int(0, 3);
  e.emit(Op.BR_TABLE, { a: rnd.int(1, WORK), imm: arms });
  const armLabels = Array.from({ length: arms + 1 }, () => e.label());
  armLabels.forEach((l) => e.jump(Op.BR, l));
  for (const l of armLabels) {
    e.place(l);
    e.emit(Op.OUT, { flags: Flag.A_IMM, imm: 0x61 + armLabels.indexOf(l) });
    e.jump(Op.BR, after);
  }
}

interface Functions {
  leaf: number;
  recursive: number;
}

/** One random item of main's body. */
function bodyItem(e: Emitter, rnd: Random, fns: Functions, mayTrap: boolean): void {
  const roll = rnd.int(0, 99);
  if (roll < 40) aluItem(e, rnd, rnd.pick(ALU_BINARY));
  else if (roll < 50) aluItem(e, rnd, rnd.pick(ALU_UNARY));
  else if (roll < 55) {
    const [a, b, c] = [rnd.int(1, WORK), rnd.int(1, WORK), rnd.int(1, WORK)];
    e.emit(Op.SELECT, { ...destination(rnd), a, b, c, flags: rnd.chance(0.2) ? Flag.C_GLOBAL : 0 });
  } else if (roll < 62) divisionItem(e, rnd, mayTrap);
  else if (roll < 74) memoryItem(e, rnd, mayTrap);
  else if (roll < 79) e.emit(Op.GETCHAR, { dst: rnd.int(1, WORK) });
  else if (roll < 85) e.emit(Op.OUT, { a: rnd.int(1, WORK) });
  else if (roll < 92) {
    const skip = e.label();
    e.jump(rnd.pick([Op.BR_IF, Op.BR_IFZ]), skip, { a: rnd.int(1, WORK) });
    aluItem(e, rnd, rnd.pick(ALU_BINARY));
    e.place(skip);
  } else if (roll < 95) {
    const after = e.label();
    switchItem(e, rnd, after);
    e.place(after);
  } else callItem(e, rnd, rnd.chance(0.5) ? fns.leaf : fns.recursive);
}

/** Calls a function with two arguments in the callee frame, then copies RV to a register. */
function callItem(e: Emitter, rnd: Random, fn: number): void {
  e.emit(Op.AND, { dst: 1, a: rnd.int(1, WORK), flags: Flag.B_IMM | Flag.DST_CALLEE, imm: 15 });
  e.emit(Op.MOV, { dst: 2, a: rnd.int(1, WORK), flags: Flag.DST_CALLEE });
  e.jump(Op.CALL, fn);
  e.emit(Op.MOV, { dst: rnd.int(1, WORK), a: RV, flags: Flag.A_GLOBAL });
}

/** leaf(r1, r2): a few ALU steps on its own registers; RV = the last result. */
function leafFunction(e: Emitter, rnd: Random, label: number): void {
  e.place(label);
  for (let i = 0; i < rnd.int(1, 6); i++) {
    e.emit(rnd.pick(ALU_BINARY), { dst: rnd.int(1, 4), a: rnd.int(1, 4), b: rnd.int(1, 4) });
  }
  e.emit(Op.MOV, { dst: RV, a: rnd.int(1, 4), flags: Flag.DST_GLOBAL });
  e.emit(Op.RET);
}

/** rec(n, x): n == 0 ? x : rec(n - 1, op(x, n)) + n, with n < 16. */
function recursiveFunction(e: Emitter, rnd: Random, label: number): void {
  const base = e.label();
  e.place(label);
  e.jump(Op.BR_IFZ, base, { a: 1 });
  e.emit(Op.SUB, { dst: 1, a: 1, flags: Flag.B_IMM | Flag.DST_CALLEE, imm: 1 });
  e.emit(rnd.pick(ALU_BINARY), { dst: 2, a: 2, b: 1, flags: Flag.DST_CALLEE });
  e.jump(Op.CALL, label);
  e.emit(Op.ADD, { dst: RV, a: RV, b: 1, flags: Flag.A_GLOBAL | Flag.DST_GLOBAL });
  e.emit(Op.RET);
  e.place(base);
  e.emit(Op.MOV, { dst: RV, a: 2, flags: Flag.DST_GLOBAL });
  e.emit(Op.RET);
}

/** Builds one random program and its input from a seed. */
export function randomIrCase(seed: number, opts: RandomIrOptions = {}): RandomIrCase {
  const rnd = new Random(seed);
  const e = new Emitter();
  const fns = { leaf: e.label(), recursive: e.label() };
  const mayTrap = rnd.chance(0.15);
  const input = Uint8Array.from({ length: rnd.int(0, 8) }, () => rnd.int(0, 255));

  for (let r = 1; r <= WORK; r++) e.emit(Op.MOV, { dst: r, flags: Flag.A_IMM, imm: rnd.word() });
  const loop = e.label();
  e.emit(Op.MOV, { dst: COUNTER, flags: Flag.A_IMM, imm: rnd.int(1, 4) });
  e.place(loop);
  const items = opts.items ?? 40;
  for (let i = 0; i < items; i++) bodyItem(e, rnd, fns, mayTrap);
  e.emit(Op.SUB, { dst: COUNTER, a: COUNTER, flags: Flag.B_IMM, imm: 1 });
  e.jump(Op.BR_IF, loop, { a: COUNTER });
  for (let r = 1; r <= 4; r++) e.emit(Op.OUT, { a: rnd.int(1, WORK) });
  if (mayTrap && rnd.chance(0.3)) e.emit(Op.UNREACHABLE);
  if (rnd.chance(0.5)) e.emit(Op.EXIT, { a: rnd.int(1, WORK) });
  e.emit(rnd.chance(0.8) ? Op.RET : Op.HALT);

  leafFunction(e, rnd, fns.leaf);
  recursiveFunction(e, rnd, fns.recursive);
  const data = Uint8Array.from({ length: rnd.int(0, 64) }, () => rnd.int(0, 255));
  const functions: [string, number][] = [
    ['main', 0],
    ['leaf', e.pcOf(fns.leaf)],
    ['rec', e.pcOf(fns.recursive)],
  ];
  return { name: `ir-${seed}`, program: irProgram(e.finish(), { data, functions }), input };
}
