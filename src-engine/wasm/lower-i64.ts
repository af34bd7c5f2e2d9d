// Lowering of i64 (C `long long`) to pairs of 32-bit registers, low half first. Every
// sequence is straight-line code (no loops, no branches), reads all of its operands before it
// overwrites the result slot where they may live, and keeps intermediate values in scratch
// registers above the stack. Division and remainder call the libc's helpers (divide64.c).
// An instruction has one immediate field, so no instruction may meet two constants:
// binaryOperands moves the first operand into registers when both have a constant word;
// shifts, counts and extensions take their value in registers; and a product splits a
// constant factor into its 16-bit halves at compile time (halves).
//
// Carries and borrows: lo = a.lo + b.lo wraps iff lo < b.lo (unsigned), and a.lo - b.lo
// borrows iff a.lo < b.lo. Products: with x = x1·2^16 + x0 and y = y1·2^16 + y0 (16-bit
// halves), x·y = p11·2^32 + (p01 + p10)·2^16 + p00, and every partial product fits 32 bits;
// the high word is p11 + (p01 >> 16) + (p10 >> 16) + (mid >> 16) with
// mid = (p00 >> 16) + (p01 & 0xffff) + (p10 & 0xffff) < 3·2^16.

import { Op } from '../program/opcodes.ts';
import type { Entry, Frame } from './frame.ts';
import { addressFields, storeValue } from './lower-i32.ts';
import type { Operand } from './operand.ts';
import { imm, reg, toReg } from './operand.ts';

type Pair = [Operand, Operand];

/** Emits a sequence that credits the WebAssembly instruction count to its first step. */
class Sequence {
  constructor(
    private readonly f: Frame,
    private count: number,
    /** first scratch register */
    private readonly scratchBase: number,
  ) {
    this.first = f.code.length;
  }

  /** Scratch register k (above everything the operation reads or writes). */
  t(k: number): Operand {
    this.f.maxReg = Math.max(this.f.maxReg, this.scratchBase + k);
    return reg(this.scratchBase + k);
  }

  /** index of the sequence's first instruction */
  readonly first: number;

  op(code: number, dst: Operand, a: Operand, b?: Operand, c?: Operand): number {
    const at = this.f.emit(code, toReg(dst.value), { a, b, c, wasmCount: this.count });
    this.count = 0;
    return at;
  }

  /** Pushes the i64 result the sequence left in its slot. */
  done(): void {
    this.f.pushSequence(this.first);
  }

  /** Credits the count to an instruction emitted elsewhere (or drops it if none was). */
  get pending(): number {
    return this.count;
  }
}

const anyImm = (e: Entry): boolean => e.parts.some((p) => p.kind === 'imm');
const pair = (e: Entry): Pair => [e.parts[0]!, e.parts[1]!];
const slots = (e: Entry): Pair => [reg(e.slot), reg(e.slot + 1)];

/** Pops b and a; makes sure no instruction will need two immediates. */
function binaryOperands(f: Frame): { a: Entry; b: Entry; s: Sequence } {
  const scratchBase = f.nextSlot();
  const b = f.pop();
  const a = f.pop();
  if (anyImm(a) && anyImm(b)) f.materialize(a);
  return { a, b, s: new Sequence(f, 1 + a.count + b.count, scratchBase) };
}

function unaryOperand(f: Frame, constantOk = false): { a: Entry; s: Sequence } {
  const scratchBase = f.nextSlot();
  const a = f.pop();
  if (!constantOk && anyImm(a)) f.materialize(a);
  return { a, s: new Sequence(f, 1 + a.count, scratchBase) };
}

export function add64(f: Frame): void {
  const { a, b, s } = binaryOperands(f);
  const [al, ah] = pair(a);
  const [bl, bh] = pair(b);
  const [dl, dh] = slots(a);
  s.op(Op.ADD, dl, al, bl);
  s.op(Op.LT_U, s.t(0), dl, bl);
  s.op(Op.ADD, dh, ah, bh);
  s.op(Op.ADD, dh, dh, s.t(0));
  s.done();
}

export function sub64(f: Frame): void {
  const { a, b, s } = binaryOperands(f);
  const [al, ah] = pair(a);
  const [bl, bh] = pair(b);
  const [dl, dh] = slots(a);
  s.op(Op.LT_U, s.t(0), al, bl);
  s.op(Op.SUB, dl, al, bl);
  s.op(Op.SUB, dh, ah, bh);
  s.op(Op.SUB, dh, dh, s.t(0));
  s.done();
}

export function bitwise64(f: Frame, op: number): void {
  const { a, b, s } = binaryOperands(f);
  const [dl, dh] = slots(a);
  s.op(op, dl, a.parts[0]!, b.parts[0]!);
  s.op(op, dh, a.parts[1]!, b.parts[1]!);
  s.done();
}

/** A small constant factor c < 2^16 (as x·c's high word is (x1·c + (x0·c >> 16)) >> 16). */
function smallFactor(e: Entry): number | null {
  const [lo, hi] = pair(e);
  if (lo.kind === 'imm' && hi.kind === 'imm' && hi.value === 0 && lo.value < 0x10000) {
    return lo.value;
  }
  return null;
}

/**
 * The 16-bit halves of a word, into scratch t(k) and t(k + 1). A constant is split at
 * compile time: `AND` or `SHR_U` of an immediate by an immediate cannot be encoded (the
 * instruction has one immediate field), and the split costs nothing.
 */
function halves(s: Sequence, x: Operand, k: number): Pair {
  if (x.kind === 'imm') return [imm(x.value & 0xffff), imm(x.value >>> 16)];
  s.op(Op.AND, s.t(k), x, imm(0xffff));
  s.op(Op.SHR_U, s.t(k + 1), x, imm(16));
  return [s.t(k), s.t(k + 1)];
}

export function mul64(f: Frame): void {
  const { a: first, b: second, s } = binaryOperands(f);
  const swap = smallFactor(first) !== null;
  const [a, b] = swap ? [second, first] : [first, second];
  const [dl, dh] = slots(first);
  const [al, ah] = pair(a);
  const factor = smallFactor(b);
  if (factor !== null) {
    const c = imm(factor);
    s.op(Op.SHR_U, s.t(0), al, imm(16));
    s.op(Op.MUL, s.t(0), s.t(0), c);
    s.op(Op.AND, s.t(1), al, imm(0xffff));
    s.op(Op.MUL, s.t(1), s.t(1), c);
    s.op(Op.SHR_U, s.t(1), s.t(1), imm(16));
    s.op(Op.ADD, s.t(0), s.t(0), s.t(1));
    s.op(Op.SHR_U, s.t(0), s.t(0), imm(16));
    s.op(Op.MUL, s.t(1), ah, c);
    s.op(Op.ADD, dh, s.t(1), s.t(0));
    s.op(Op.MUL, dl, al, c);
    s.done();
    return;
  }
  const [bl, bh] = pair(b);
  const t = (k: number): Operand => s.t(k);
  s.op(Op.MUL, t(0), al, bh);
  s.op(Op.MUL, t(1), ah, bl);
  s.op(Op.ADD, t(0), t(0), t(1)); // cross terms, low word
  const [x0, x1] = halves(s, al, 1);
  const [y0, y1] = halves(s, bl, 3);
  s.op(Op.MUL, t(5), x0, y0); // p00
  s.op(Op.MUL, t(6), x0, y1); // p01
  s.op(Op.MUL, t(7), x1, y0); // p10
  s.op(Op.MUL, t(8), x1, y1); // p11
  s.op(Op.SHR_U, t(5), t(5), imm(16));
  s.op(Op.AND, t(1), t(6), imm(0xffff));
  s.op(Op.ADD, t(5), t(5), t(1));
  s.op(Op.AND, t(1), t(7), imm(0xffff));
  s.op(Op.ADD, t(5), t(5), t(1)); // mid
  s.op(Op.SHR_U, t(5), t(5), imm(16));
  s.op(Op.SHR_U, t(6), t(6), imm(16));
  s.op(Op.SHR_U, t(7), t(7), imm(16));
  s.op(Op.ADD, t(8), t(8), t(6));
  s.op(Op.ADD, t(8), t(8), t(7));
  s.op(Op.ADD, t(8), t(8), t(5)); // high word of x·y
  s.op(Op.ADD, dh, t(8), t(0));
  s.op(Op.MUL, dl, al, bl);
  s.done();
}

export type ShiftKind = 'shl' | 'shr_s' | 'shr_u';

/** Shift of (lo, hi) by the constant k (1..63) into (dl, dh); scratch t(base). */
function shiftConstant(s: Sequence, kind: ShiftKind, x: Pair, k: number, d: Pair, base = 0): void {
  const [lo, hi] = x;
  const [dl, dh] = d;
  const t0 = s.t(base);
  if (kind === 'shl' && k < 32) {
    s.op(Op.SHR_U, t0, lo, imm(32 - k));
    s.op(Op.SHL, dh, hi, imm(k));
    s.op(Op.OR, dh, dh, t0);
    s.op(Op.SHL, dl, lo, imm(k));
  } else if (kind === 'shl') {
    s.op(Op.SHL, dh, lo, imm(k - 32));
    s.op(Op.MOV, dl, imm(0));
  } else if (k < 32) {
    s.op(Op.SHL, t0, hi, imm(32 - k));
    s.op(Op.SHR_U, dl, lo, imm(k));
    s.op(Op.OR, dl, dl, t0);
    s.op(kind === 'shr_s' ? Op.SHR_S : Op.SHR_U, dh, hi, imm(k));
  } else {
    s.op(kind === 'shr_s' ? Op.SHR_S : Op.SHR_U, dl, hi, imm(k - 32));
    if (kind === 'shr_s') s.op(Op.SHR_S, dh, hi, imm(31));
    else s.op(Op.MOV, dh, imm(0));
  }
}

/**
 * Shift of (lo, hi) by the register k (mod 64) into (dl, dh), branch-free. The machine's
 * shifts take their count mod 32; for s = k mod 32 the bits crossing halves are
 * (lo >> 1) >> (31 - s), which is 0 for s = 0 without a shift by 32 (31 - s = s ^ 31).
 * Bit 5 of k (k & 32) selects between the two results. Scratch t(base)..t(base + 4).
 */
function shiftVariable(s: Sequence, kind: ShiftKind, x: Pair, k: Operand, d: Pair, base = 0): void {
  const [lo, hi] = x;
  const [dl, dh] = d;
  const t = (i: number): Operand => s.t(base + i);
  s.op(Op.AND, t(0), k, imm(32)); // k >= 32
  s.op(Op.XOR, t(3), k, imm(31)); // 31 - s
  if (kind === 'shl') {
    s.op(Op.SHL, t(1), lo, k); // low word for k < 32
    s.op(Op.SHR_U, t(2), lo, imm(1));
    s.op(Op.SHR_U, t(2), t(2), t(3));
    s.op(Op.SHL, t(3), hi, k);
    s.op(Op.OR, t(2), t(2), t(3)); // high word for k < 32
    s.op(Op.SELECT, dh, t(1), t(2), t(0));
    s.op(Op.SELECT, dl, imm(0), t(1), t(0));
    return;
  }
  const shiftHi = kind === 'shr_s' ? Op.SHR_S : Op.SHR_U;
  s.op(shiftHi, t(1), hi, k); // high word for k < 32
  s.op(Op.SHL, t(2), hi, imm(1));
  s.op(Op.SHL, t(2), t(2), t(3));
  s.op(Op.SHR_U, t(3), lo, k);
  s.op(Op.OR, t(2), t(2), t(3)); // low word for k < 32
  if (kind === 'shr_s') s.op(Op.SHR_S, t(4), hi, imm(31));
  s.op(Op.SELECT, dl, t(1), t(2), t(0));
  s.op(Op.SELECT, dh, kind === 'shr_s' ? t(4) : imm(0), t(1), t(0));
}

/**
 * Pops a shift's or rotation's value a (into registers: its words meet immediate counts) and
 * count k (its low word). A constant k that is 0 mod 64 leaves a unchanged: a is pushed back
 * as it is and null returned, so the caller emits nothing.
 */
function shiftOperands(f: Frame): { a: Entry; k: Operand; s: Sequence } | null {
  const scratchBase = f.nextSlot();
  const b = f.pop();
  const a = f.pop();
  if (anyImm(a)) f.materialize(a);
  const s = new Sequence(f, 1 + a.count + b.count, scratchBase);
  const k = b.parts[0]!;
  if (k.kind === 'imm' && (k.value & 63) === 0) {
    f.push('i64', pair(a), s.pending);
    return null;
  }
  return { a, k, s };
}

export function shift64(f: Frame, kind: ShiftKind): void {
  const operands = shiftOperands(f);
  if (!operands) return;
  const { a, k, s } = operands;
  if (k.kind === 'imm') shiftConstant(s, kind, pair(a), k.value & 63, slots(a));
  else shiftVariable(s, kind, pair(a), k, slots(a));
  s.done();
}

/** rotl(x, k) = (x << k) | (x >> (64 - k)), both shifts taken mod 64. */
export function rotate64(f: Frame, left: boolean): void {
  const operands = shiftOperands(f);
  if (!operands) return;
  const { a, k, s } = operands;
  const [first, second]: ShiftKind[] = left ? ['shl', 'shr_u'] : ['shr_u', 'shl'];
  const p: Pair = [s.t(0), s.t(1)];
  const q: Pair = [s.t(2), s.t(3)];
  if (k.kind === 'imm') {
    const n = k.value & 63;
    shiftConstant(s, first, pair(a), n, p, 5);
    shiftConstant(s, second, pair(a), 64 - n, q, 5);
  } else {
    s.op(Op.SUB, s.t(4), imm(0), k);
    shiftVariable(s, first, pair(a), k, p, 5);
    shiftVariable(s, second, pair(a), s.t(4), q, 5);
  }
  const [dl, dh] = slots(a);
  s.op(Op.OR, dl, p[0], q[0]);
  s.op(Op.OR, dh, p[1], q[1]);
  s.done();
}

/** eq, ne, and the orderings (gt and ge swap operands into lt and le). */
export function compare64(f: Frame, name: string): void {
  const { a: first, b: second, s } = binaryOperands(f);
  const swap = name.startsWith('gt') || name.startsWith('ge');
  const [a, b] = swap ? [second, first] : [first, second];
  const [al, ah] = pair(a);
  const [bl, bh] = pair(b);
  const d = reg(first.slot);
  let last: number;
  if (name === 'eq' || name === 'ne') {
    s.op(Op.XOR, s.t(0), al, bl);
    s.op(Op.XOR, s.t(1), ah, bh);
    s.op(Op.OR, s.t(0), s.t(0), s.t(1));
    last = name === 'eq' ? s.op(Op.EQZ, d, s.t(0)) : s.op(Op.NE, d, s.t(0), imm(0));
  } else {
    const signed = name.endsWith('_s');
    const strict = name.startsWith('lt') || name.startsWith('gt');
    s.op(signed ? Op.LT_S : Op.LT_U, s.t(0), ah, bh);
    s.op(Op.EQ, s.t(1), ah, bh);
    s.op(strict ? Op.LT_U : Op.LE_U, s.t(2), al, bl);
    last = s.op(Op.SELECT, d, s.t(2), s.t(0), s.t(1));
  }
  f.pushHome('i32', last);
}

export function eqz64(f: Frame): void {
  const { a, s } = unaryOperand(f, true);
  const [lo, hi] = pair(a);
  const d = reg(a.slot);
  if (lo.kind === 'imm' && hi.kind === 'imm') {
    f.push('i32', [imm(lo.value === 0 && hi.value === 0 ? 1 : 0)], s.pending);
    return;
  }
  if (hi.kind === 'imm' && hi.value === 0) {
    f.pushHome('i32', s.op(Op.EQZ, d, lo));
    return;
  }
  s.op(Op.OR, s.t(0), lo, hi);
  f.pushHome('i32', s.op(Op.EQZ, d, s.t(0)));
}

/** clz, ctz and popcnt: the result fits the low word; the high word is 0. */
export function count64(f: Frame, name: 'clz' | 'ctz' | 'popcnt'): void {
  const { a, s } = unaryOperand(f);
  const [lo, hi] = pair(a);
  const d = reg(a.slot);
  if (name === 'popcnt') {
    s.op(Op.POPCNT, s.t(0), lo);
    s.op(Op.POPCNT, s.t(1), hi);
    s.op(Op.ADD, d, s.t(0), s.t(1));
  } else {
    // clz: hi != 0 ? clz(hi) : 32 + clz(lo); ctz: lo != 0 ? ctz(lo) : 32 + ctz(hi)
    const [first, second] = name === 'clz' ? [hi, lo] : [lo, hi];
    const op = name === 'clz' ? Op.CLZ : Op.CTZ;
    s.op(op, s.t(0), first);
    s.op(op, s.t(1), second);
    s.op(Op.ADD, s.t(1), s.t(1), imm(32));
    s.op(Op.EQZ, s.t(2), first);
    s.op(Op.SELECT, d, s.t(1), s.t(0), s.t(2));
  }
  f.push('i64', [d, imm(0)]);
}

/** i64.extend8_s, extend16_s, extend32_s: sign-extend the low bits into both words. */
export function signExtend64(f: Frame, bits: 8 | 16 | 32): void {
  const { a, s } = unaryOperand(f);
  const [dl, dh] = slots(a);
  const lo = a.parts[0]!;
  if (bits === 32) {
    s.op(Op.SHR_S, dh, lo, imm(31));
    f.push('i64', [lo, dh]);
    return;
  }
  s.op(bits === 8 ? Op.EXTEND8_S : Op.EXTEND16_S, dl, lo);
  s.op(Op.SHR_S, dh, dl, imm(31));
  s.done();
}

/** i64.extend_i32_s / _u: the i32 becomes the low word; the high word is its sign or 0. */
export function extendI32(f: Frame, signed: boolean): void {
  const e = f.pop();
  const lo = e.parts[0]!;
  if (!signed) {
    f.push('i64', [lo, imm(0)], 1 + e.count);
    return;
  }
  const hi = reg(e.slot + 1);
  if (lo.kind === 'imm') {
    f.push('i64', [lo, imm((lo.value | 0) < 0 ? 0xffffffff : 0)], 1 + e.count);
    return;
  }
  f.emit(Op.SHR_S, toReg(hi.value), { a: lo, b: imm(31), wasmCount: 1 + e.count });
  f.push('i64', [lo, hi]);
}

/** i32.wrap_i64: the low word. */
export function wrap64(f: Frame): void {
  const e = f.pop();
  f.push('i32', [e.parts[0]!], 1 + e.count, e.producer);
}

/** `select` of i64 values: one SELECT per word. */
export function select64(f: Frame): void {
  const c = f.pop();
  const v2 = f.pop();
  const v1 = f.pop();
  if (c.parts[0]!.kind === 'imm') f.materialize(c);
  if (anyImm(v1) && anyImm(v2)) f.materialize(v1);
  const s = new Sequence(f, 1 + c.count + v1.count + v2.count, c.slot + 1);
  const [dl, dh] = slots(v1);
  s.op(Op.SELECT, dl, v1.parts[0]!, v2.parts[0]!, c.parts[0]);
  s.op(Op.SELECT, dh, v1.parts[1]!, v2.parts[1]!, c.parts[0]);
  s.done();
}

export const I64_LOADS: ReadonlyMap<string, { op: number; signed: boolean }> = new Map([
  ['i64.load8_s', { op: Op.LOAD8_S, signed: true }],
  ['i64.load8_u', { op: Op.LOAD8_U, signed: false }],
  ['i64.load16_s', { op: Op.LOAD16_S, signed: true }],
  ['i64.load16_u', { op: Op.LOAD16_U, signed: false }],
  ['i64.load32_s', { op: Op.LOAD32, signed: true }],
  ['i64.load32_u', { op: Op.LOAD32, signed: false }],
]);

export const I64_STORES: ReadonlyMap<string, number> = new Map([
  ['i64.store8', Op.STORE8],
  ['i64.store16', Op.STORE16],
  ['i64.store32', Op.STORE32],
]);

/** i64.load: the high word first, as the low word's slot may hold the address. */
export function load64(f: Frame, offset: number): void {
  const addr = f.pop();
  const hi = addressFields(f, addr, offset + 4);
  const lo = addressFields(f, addr, offset);
  const start = f.code.length;
  f.emit(Op.LOAD32, toReg(addr.slot + 1), { ...hi, wasmCount: 1 + addr.count });
  f.emit(Op.LOAD32, toReg(addr.slot), lo);
  f.pushSequence(start);
}

/** The narrow i64 loads: a 32-bit load, then the high word as the sign or 0. */
export function loadNarrow64(f: Frame, op: number, signed: boolean, offset: number): void {
  const addr = f.pop();
  const fields = { ...addressFields(f, addr, offset), wasmCount: 1 + addr.count };
  const start = f.emit(op, toReg(addr.slot), fields);
  if (!signed) {
    f.push('i64', [reg(addr.slot), imm(0)]);
    return;
  }
  f.emit(Op.SHR_S, toReg(addr.slot + 1), { a: reg(addr.slot), b: imm(31) });
  f.pushSequence(start);
}

export function store64(f: Frame, offset: number): void {
  const value = f.pop();
  const addr = f.pop();
  const lo = addressFields(f, addr, offset);
  const count = 1 + addr.count + value.count;
  f.emit(Op.STORE32, null, { ...lo, b: storeValue(f, value, 0, lo), wasmCount: count });
  const hi = addressFields(f, addr, offset + 4);
  f.emit(Op.STORE32, null, { ...hi, b: storeValue(f, value, 1, hi) });
}

/** i64.store8/16/32: the low word's low bytes. */
export function storeNarrow64(f: Frame, op: number, offset: number): void {
  const value = f.pop();
  const addr = f.pop();
  const fields = addressFields(f, addr, offset);
  const b = storeValue(f, value, 0, fields);
  f.emit(op, null, { ...fields, b, wasmCount: 1 + addr.count + value.count });
}
