// Lowering of i32 arithmetic, comparisons, select, loads and stores, and of local and global
// accesses (of both integer types). Each WebAssembly instruction becomes at most one machine
// instruction: operands come straight from the stack entries (registers, globals or the
// immediate), the result goes to the entry's slot, and `local.set`/`global.set` redirect the
// producing instruction instead of adding a move when they can (frame.ts explains when).

import { Op } from '../program/opcodes.ts';
import type { EmitFields } from './emitter.ts';
import type { Entry, Frame, IntType } from './frame.ts';
import type { Dest, Operand } from './operand.ts';
import { Reserved, glob, imm, reg, sameOperand, toGlobal, toReg } from './operand.ts';

/** i32 binary operations; `swap` compiles a greater-than as a less-than of swapped operands. */
export const I32_BINARY: ReadonlyMap<string, { op: number; swap: boolean }> = new Map(
  (
    [
      ['add', Op.ADD],
      ['sub', Op.SUB],
      ['mul', Op.MUL],
      ['div_s', Op.DIV_S],
      ['div_u', Op.DIV_U],
      ['rem_s', Op.REM_S],
      ['rem_u', Op.REM_U],
      ['and', Op.AND],
      ['or', Op.OR],
      ['xor', Op.XOR],
      ['shl', Op.SHL],
      ['shr_s', Op.SHR_S],
      ['shr_u', Op.SHR_U],
      ['rotl', Op.ROTL],
      ['rotr', Op.ROTR],
      ['eq', Op.EQ],
      ['ne', Op.NE],
      ['lt_s', Op.LT_S],
      ['lt_u', Op.LT_U],
      ['le_s', Op.LE_S],
      ['le_u', Op.LE_U],
      ['gt_s', Op.LT_S, true],
      ['gt_u', Op.LT_U, true],
      ['ge_s', Op.LE_S, true],
      ['ge_u', Op.LE_U, true],
    ] as [string, number, boolean?][]
  ).map(([name, op, swap]) => [`i32.${name}`, { op, swap: swap ?? false }]),
);

export const I32_UNARY: ReadonlyMap<string, number> = new Map([
  ['i32.clz', Op.CLZ],
  ['i32.ctz', Op.CTZ],
  ['i32.popcnt', Op.POPCNT],
  ['i32.eqz', Op.EQZ],
  ['i32.extend8_s', Op.EXTEND8_S],
  ['i32.extend16_s', Op.EXTEND16_S],
]);

export const I32_LOADS: ReadonlyMap<string, number> = new Map([
  ['i32.load', Op.LOAD32],
  ['i32.load8_s', Op.LOAD8_S],
  ['i32.load8_u', Op.LOAD8_U],
  ['i32.load16_s', Op.LOAD16_S],
  ['i32.load16_u', Op.LOAD16_U],
]);

export const I32_STORES: ReadonlyMap<string, number> = new Map([
  ['i32.store', Op.STORE32],
  ['i32.store8', Op.STORE8],
  ['i32.store16', Op.STORE16],
]);

export function binary32(f: Frame, op: number, swap: boolean): void {
  const b = f.pop();
  const a = f.pop();
  const [x, y] = swap ? [b, a] : [a, b];
  if (x.parts[0]!.kind === 'imm' && y.parts[0]!.kind === 'imm') f.materialize(x);
  const count = 1 + a.count + b.count;
  const at = f.emit(op, toReg(a.slot), { a: x.parts[0], b: y.parts[0], wasmCount: count });
  f.pushHome('i32', at);
}

export function unary32(f: Frame, op: number): void {
  const a = f.pop();
  const at = f.emit(op, toReg(a.slot), { a: a.parts[0], wasmCount: 1 + a.count });
  f.pushHome('i32', at);
}

/** `select` of i32 values: SELECT takes its condition in C, which must be a register. */
export function select32(f: Frame): void {
  const c = f.pop();
  const v2 = f.pop();
  const v1 = f.pop();
  if (c.parts[0]!.kind === 'imm') f.materialize(c);
  if (v1.parts[0]!.kind === 'imm' && v2.parts[0]!.kind === 'imm') f.materialize(v1);
  const count = 1 + c.count + v1.count + v2.count;
  const fields = { a: v1.parts[0], b: v2.parts[0], c: c.parts[0], wasmCount: count };
  f.pushHome('i32', f.emit(Op.SELECT, toReg(v1.slot), fields));
}

/**
 * The address fields of a memory access: A and the immediate offset, or, for a constant
 * address, an immediate address (the machine adds without wrap-around, as WebAssembly does).
 */
export function addressFields(f: Frame, addr: Entry, offset: number): EmitFields {
  const part = addr.parts[0]!;
  if (part.kind === 'imm' && part.value + offset <= 0xffffffff)
    return { a: imm(part.value + offset) };
  if (part.kind === 'imm') f.materialize(addr);
  return { a: addr.parts[0], imm: offset };
}

export function load32(f: Frame, op: number, offset: number): void {
  const addr = f.pop();
  const fields = { ...addressFields(f, addr, offset), wasmCount: 1 + addr.count };
  f.pushHome('i32', f.emit(op, toReg(addr.slot), fields));
}

/**
 * The value operand of a store. The immediate field holds the address offset, so a
 * constant value can only be an immediate when it equals that field; 0 and the program's
 * most frequently stored constants are read from global registers that hold them (the entry
 * stub sets them); any other constant is first moved into its slot.
 */
export function storeValue(f: Frame, value: Entry, part: number, fields: EmitFields): Operand {
  const v = value.parts[part]!;
  if (v.kind !== 'imm') return v;
  if (v.value === 0) return glob(Reserved.ZERO);
  const held = f.constants.get(v.value);
  if (held !== undefined) return glob(held);
  const used = fields.a?.kind === 'imm' ? fields.a.value : (fields.imm ?? 0);
  if (v.value === used) return v;
  const r = value.slot + part;
  f.emit(Op.MOV, toReg(r), { a: v });
  return reg(r);
}

export function store32(f: Frame, op: number, offset: number): void {
  const value = f.pop();
  const addr = f.pop();
  const fields = addressFields(f, addr, offset);
  const b = storeValue(f, value, 0, fields);
  f.emit(op, null, { ...fields, b, wasmCount: 1 + addr.count + value.count });
}

/** The operands of a local of the given type starting at register r. */
const localParts = (type: IntType, r: number): Operand[] =>
  type === 'i64' ? [reg(r), reg(r + 1)] : [reg(r)];

const globalParts = (type: IntType, g: number): Operand[] =>
  type === 'i64' ? [glob(g), glob(g + 1)] : [glob(g)];

/** Writes an entry to a local or global (parts `targets`, destinations `dests`). */
function assign(f: Frame, e: Entry, targets: Operand[], dests: Dest[]): void {
  const readByOthers = targets.some((t) => f.isRead(t, e));
  if (dests.length === 1 && f.canRedirect(e) && !readByOthers) {
    if (!sameOperand(e.parts[0]!, targets[0]!)) f.redirect(e, dests[0]!, 1);
    return;
  }
  for (const t of targets) f.materializeReaders(t, e);
  let count = 1 + e.count;
  targets.forEach((t, k) => {
    if (sameOperand(e.parts[k]!, t)) return;
    f.emit(Op.MOV, dests[k]!, { a: e.parts[k], wasmCount: count });
    count = 0;
  });
}

export function localGet(f: Frame, index: number, type: IntType): void {
  f.push(type, localParts(type, f.localRegs[index]!), 1);
}

export function localSet(f: Frame, index: number, type: IntType, tee: boolean): void {
  const e = f.pop();
  const parts = localParts(type, f.localRegs[index]!);
  const regs = parts.map((p) => p.value);
  if (
    type !== 'i64' ||
    f.isRead(parts[0]!) ||
    f.isRead(parts[1]!) ||
    !f.renameSequence(e, regs, 1)
  ) {
    assign(f, e, parts, regs.map(toReg));
  }
  if (tee) f.push(type, localParts(type, f.localRegs[index]!), 0);
}

export function globalGet(f: Frame, g: number, type: IntType): void {
  f.push(type, globalParts(type, g), 1);
}

export function globalSet(f: Frame, g: number, type: IntType): void {
  const e = f.pop();
  const parts = globalParts(type, g);
  assign(
    f,
    e,
    parts,
    parts.map((p) => toGlobal(p.value)),
  );
}
