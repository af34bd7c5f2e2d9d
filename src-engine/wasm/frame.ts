// The lowering's model of one function activation while it is being compiled: which
// register holds each local, what stands on the operand stack and where, and the open blocks.
//
// Register layout of a frame: the wasm locals first (parameters, then declared locals; an
// i64 takes two registers, low half first), then one slot per operand-stack position at
// `base + (registers of the entries below)`, then scratch registers above the stack top.
//
// A stack entry is either *materialised* (its value sits in its own slot, written by the
// instruction recorded as `producer`) or *deferred*: it still names a local, a global or an
// immediate, to be folded into the operand of whichever instruction consumes it. Deferred
// entries are what make `local.get`, `global.get` and `const` free; the price is that a write
// to a local or global must first materialise the entries that still read its old value, and
// that at every place where control paths meet, entries that could change are materialised.

import type { Instruction } from '../program/instruction.ts';
import { Flag, Op, writesRegister } from '../program/opcodes.ts';
import type { EmitFields } from './emitter.ts';
import { Emitter, readRegisters, renameReads, setDest } from './emitter.ts';
import type { ValType } from './module.ts';
import type { Dest, Operand } from './operand.ts';
import { reg, sameOperand, toReg } from './operand.ts';

export type IntType = 'i32' | 'i64';

export interface Entry {
  type: IntType;
  /** the value's operands: [lo] for i32, [lo, hi] for i64 */
  parts: Operand[];
  /** the register of this stack position (and slot + 1 for an i64's high half) */
  slot: number;
  /** WebAssembly instructions folded into this entry and not yet credited to an instruction */
  count: number;
  /** index of the single instruction that wrote the value into `slot`, or -1 */
  producer: number;
  /** i64: index of the first instruction of the straight-line code that computed it, or -1 */
  sequence: number;
}

export interface Label {
  kind: 'block' | 'loop' | 'if' | 'function';
  result: IntType | null;
  /** stack length when the block began */
  height: number;
  /** register where branches leave the block's result */
  slot: number;
  /** loop: index of its first instruction */
  start: number;
  /** branches to the end, patched when the end's index is known */
  forward: number[];
  /** whether some branch goes to the end */
  reached: boolean;
}

export const width = (type: IntType): number => (type === 'i64' ? 2 : 1);

export class Frame {
  readonly out = new Emitter();
  readonly stack: Entry[] = [];
  readonly labels: Label[] = [];
  /** CALL instructions and the function index each one calls */
  readonly calls: { at: number; func: number }[] = [];
  /** first register of each wasm local */
  readonly localRegs: number[] = [];
  readonly localTypes: ValType[];
  /** first register after the locals: the bottom of the operand stack */
  readonly base: number;
  /** highest register written or read so far */
  maxReg = -1;
  /** index of the latest place control can arrive from elsewhere (a label) */
  lastLabel = 0;
  /** index of the latest CALL */
  lastCall = -1;

  /** constants that global registers hold (value → register), for stores of constants */
  readonly constants: ReadonlyMap<number, number>;

  constructor(localTypes: ValType[], constants: ReadonlyMap<number, number> = new Map()) {
    this.localTypes = localTypes;
    this.constants = constants;
    let next = 0;
    for (const type of localTypes) {
      this.localRegs.push(next);
      next += type === 'i64' ? 2 : 1;
    }
    this.base = next;
    this.maxReg = next - 1;
  }

  get code(): Instruction[] {
    return this.out.code;
  }

  /** Register of the next stack position. */
  nextSlot(): number {
    const top = this.stack.at(-1);
    return top === undefined ? this.base : top.slot + width(top.type);
  }

  /** Scratch register k above the current stack top (free until the next push). */
  scratch(k: number): number {
    const r = this.nextSlot() + k;
    this.maxReg = Math.max(this.maxReg, r);
    return r;
  }

  push(type: IntType, parts: Operand[], count = 0, producer = -1): Entry {
    const entry: Entry = { type, parts, slot: this.nextSlot(), count, producer, sequence: -1 };
    this.maxReg = Math.max(this.maxReg, entry.slot + width(type) - 1);
    this.stack.push(entry);
    return entry;
  }

  /** Pushes a value that the caller is about to compute into its slot. */
  pushHome(type: IntType, producer = -1): Entry {
    const slot = this.nextSlot();
    const parts = type === 'i64' ? [reg(slot), reg(slot + 1)] : [reg(slot)];
    return this.push(type, parts, 0, producer);
  }

  /** Pushes an i64 that the instructions from `start` on computed into its slot. */
  pushSequence(start: number): Entry {
    const entry = this.pushHome('i64');
    entry.sequence = start;
    return entry;
  }

  pop(): Entry {
    const entry = this.stack.pop();
    if (entry === undefined) throw new Error('internal: operand stack underflow');
    return entry;
  }

  peek(): Entry {
    const entry = this.stack.at(-1);
    if (entry === undefined) throw new Error('internal: operand stack is empty');
    return entry;
  }

  emit(op: number, dst: Dest | null, fields: EmitFields = {}): number {
    if (dst?.kind === 'reg') this.maxReg = Math.max(this.maxReg, dst.value);
    return this.out.emit(op, dst, fields);
  }

  /** Whether part k of an entry is in its slot. */
  isHome(entry: Entry, k: number): boolean {
    return sameOperand(entry.parts[k]!, reg(entry.slot + k));
  }

  /** Moves the entry's parts into its slot (keeping immediates where they are if asked). */
  materialize(entry: Entry, keepImmediates = false): void {
    entry.parts.forEach((part, k) => {
      if (this.isHome(entry, k) || (keepImmediates && part.kind === 'imm')) return;
      const at = this.emit(Op.MOV, toReg(entry.slot + k), { a: part, wasmCount: entry.count });
      entry.count = 0;
      entry.parts[k] = reg(entry.slot + k);
      entry.producer = entry.type === 'i32' ? at : -1;
      entry.sequence = -1;
    });
  }

  /** Before control paths meet or split: entries must not depend on locals or globals. */
  materializeDeferred(): void {
    for (const entry of this.stack) this.materialize(entry, true);
  }

  /** Before a call: a callee may change any global, the return value registers included. */
  materializeGlobals(): void {
    for (const entry of this.stack) {
      if (entry.parts.some((p) => p.kind === 'global')) this.materialize(entry, true);
    }
  }

  /** Before writing `target`: entries that still read its old value take a copy. */
  materializeReaders(target: Operand, except?: Entry): void {
    for (const entry of this.stack) {
      if (entry !== except && entry.parts.some((p) => sameOperand(p, target))) {
        this.materialize(entry, true);
      }
    }
  }

  /** Whether any entry other than `except` reads `target`. */
  isRead(target: Operand, except?: Entry): boolean {
    return this.stack.some((e) => e !== except && e.parts.some((p) => sameOperand(p, target)));
  }

  /**
   * Whether the entry's producer may still be redirected to write elsewhere: it must be the
   * last instruction emitted, with no label after it (no other path reaches this point).
   */
  canRedirect(entry: Entry): boolean {
    const last = this.out.length - 1;
    const fresh = entry.producer === last && last >= this.lastLabel;
    return entry.type === 'i32' && fresh && this.isHome(entry, 0);
  }

  /** Makes the entry's producer write `dst` instead of the slot, crediting `count` to it. */
  redirect(entry: Entry, dst: Dest, count: number): void {
    const ins = this.code[entry.producer]!;
    setDest(ins, dst);
    ins.wasmCount += count + entry.count;
    entry.count = 0;
    if (dst.kind === 'reg') this.maxReg = Math.max(this.maxReg, dst.value);
  }

  /**
   * Makes the sequence that computed an i64 entry write `regs` (a local's two registers)
   * instead of its slot: writes to the slot, and reads of the slot after those writes, are
   * renamed. Allowed when the sequence is the latest code, no label lies inside it, and it
   * never reads `regs` (it would see them change). Returns whether it renamed.
   */
  renameSequence(entry: Entry, regs: readonly number[], count: number): boolean {
    const start = entry.sequence;
    if (start < 0 || start < this.lastLabel || !this.isHome(entry, 0) || !this.isHome(entry, 1)) {
      return false;
    }
    const code = this.code.slice(start);
    if (code.some((ins) => readRegisters(ins).some((r) => regs.includes(r)))) return false;
    const written = [false, false];
    for (const ins of code) {
      renameReads(ins, (r) => {
        const k = r - entry.slot;
        return (k === 0 || k === 1) && written[k] ? regs[k]! : r;
      });
      const k = ins.dst - entry.slot;
      if ((ins.flags & (Flag.DST_GLOBAL | Flag.DST_CALLEE)) === 0 && (k === 0 || k === 1)) {
        if (writesRegister(ins.op)) {
          ins.dst = regs[k]!;
          written[k] = true;
        }
      }
    }
    code[0]!.wasmCount += count + entry.count;
    entry.count = 0;
    return true;
  }

  /** Marks the current index as a place control can arrive at from elsewhere. */
  bind(): number {
    this.lastLabel = this.out.length;
    return this.lastLabel;
  }

  /**
   * Credits `count` executed WebAssembly instructions to the last emitted instruction when it
   * runs exactly when they do: no label since, and not a jump (a CALL returns to here).
   */
  creditLast(count: number): void {
    const last = this.code.at(-1);
    if (last === undefined || this.out.length - 1 < this.lastLabel) return;
    if (last.op >= Op.BR && last.op <= Op.BR_TABLE) return;
    last.wasmCount += count;
  }
}
