// One WebAssembly function → register-machine code. Walks the structured body once, keeping
// the operand stack as entries (frame.ts) and the open blocks as labels. Arithmetic, memory
// and variable accesses are delegated to lower-i32.ts and lower-i64.ts; this file owns
// control flow, calls and returns.
//
// Control flow: a block's result travels in the register of the block's stack height
// (`label.slot`), so every path to the end leaves it there. Forward branches are patched when
// the end is reached; a loop's branches go to its first instruction. Where paths meet,
// deferred entries that read locals or globals are materialised first (frame.ts).
// `eqz` followed by `if` or `br_if` becomes a single branch on the opposite condition.
//
// Counting: each machine instruction records the WebAssembly instructions it stands for, so
// that summing over executed steps counts executed WebAssembly instructions. Folded
// `local.get`, `const`, `local.set` and the like are credited to the instruction that
// consumes or produces the value; `if`, `else` (the jump over the else arm), `br*`, `call` and
// `return` to their branch, call or return. `block`, `loop` and `end` mark structure and
// execute nothing: they count 0, as does the implicit return at a function's end.

import type { Instruction } from '../program/instruction.ts';
import { Flag, Op } from '../program/opcodes.ts';
import type { Label, IntType, Entry } from './frame.ts';
import { Frame } from './frame.ts';
import { operandA } from './emitter.ts';
import * as i32 from './lower-i32.ts';
import * as i64 from './lower-i64.ts';
import type { BlockResult, Instr, WasmFunction, WasmImport, WasmModule } from './module.ts';
import { signatureOf } from './module.ts';
import type { Operand } from './operand.ts';
import { Reserved, glob, imm, reg, sameOperand, toCallee, toGlobal, toReg } from './operand.ts';
import { localsNeedingZero } from './zero-init.ts';

export interface LoweringContext {
  module: WasmModule;
  /** first global register of each WebAssembly global */
  globalRegs: number[];
  /** function index of the libc helper standing in for `i64.div_s` etc. */
  helpers: ReadonlyMap<string, number>;
  /** constants held in global registers (value → register) for stores of constants */
  constants?: ReadonlyMap<number, number>;
}

export interface FunctionCode {
  index: number;
  name: string;
  /** branch targets are relative to the function's first instruction */
  code: Instruction[];
  /** CALL instructions and the function index each calls */
  calls: { at: number; func: number }[];
  /** registers one frame of this function uses */
  registers: number;
}

/** Lowers one function. Helpers (`counted` false) credit no WebAssembly instructions. */
export function functionToCode(
  ctx: LoweringContext,
  fn: WasmFunction,
  counted = true,
): FunctionCode {
  const lowering = new FunctionLowering(ctx, fn);
  lowering.run();
  const { f } = lowering;
  if (!counted) for (const ins of f.code) ins.wasmCount = 0;
  return { index: fn.index, name: fn.name, code: f.code, calls: f.calls, registers: f.maxReg + 1 };
}

const intType = (t: string): IntType => (t === 'i64' ? 'i64' : 'i32');
const resultType = (r: BlockResult): IntType | null =>
  r === null || typeof r === 'object' ? null : intType(r);

interface Condition {
  operand: Operand;
  /** true when the condition is the operand being zero (a fused eqz) */
  negated: boolean;
  count: number;
}

class FunctionLowering {
  readonly f: Frame;

  constructor(
    private readonly ctx: LoweringContext,
    private readonly fn: WasmFunction,
  ) {
    this.f = new Frame([...fn.params, ...fn.locals], ctx.constants);
  }

  run(): void {
    for (const index of localsNeedingZero(this.fn)) {
      const r = this.f.localRegs[index]!;
      this.f.emit(Op.MOV, toReg(r), { a: imm(0) });
      if (this.f.localTypes[index] === 'i64') this.f.emit(Op.MOV, toReg(r + 1), { a: imm(0) });
    }
    this.openLabel(
      'function',
      this.fn.results[0] === undefined ? null : intType(this.fn.results[0]),
    );
    if (this.lowerList(this.fn.body)) this.returnFrom(0, true);
  }

  /** Lowers a list; false when its end is unreachable. */
  private lowerList(list: Instr[]): boolean {
    for (let i = 0; i < list.length; i++) {
      if (!this.lowerInstr(list[i]!, list[i + 1])) return false;
    }
    return true;
  }

  /** Lowers one instruction; false when the code after it is unreachable. */
  private lowerInstr(instr: Instr, next: Instr | undefined): boolean {
    const f = this.f;
    switch (instr.kind) {
      case 'const':
        f.push(
          intType(instr.type),
          instr.type === 'i64' ? [imm(instr.lo), imm(instr.hi)] : [imm(instr.lo)],
          1,
        );
        return true;
      case 'local': {
        const type = intType(f.localTypes[instr.index]!);
        if (instr.name === 'local.get') i32.localGet(f, instr.index, type);
        else i32.localSet(f, instr.index, type, instr.name === 'local.tee');
        return true;
      }
      case 'global': {
        const g = this.ctx.globalRegs[instr.index]!;
        const type = intType(this.ctx.module.globals[instr.index]!.type);
        if (instr.name === 'global.get') i32.globalGet(f, g, type);
        else i32.globalSet(f, g, type);
        return true;
      }
      case 'memory':
        this.memory(instr.name, instr.offset);
        return true;
      case 'op':
        return this.operation(instr.name);
      case 'call':
        return this.call(instr.func, next);
      case 'br':
        return this.br(instr.depth, 1);
      case 'br_if':
        return this.brIf(instr.depth);
      case 'br_table':
        return this.brTable(instr.depths, instr.fallback);
      case 'block':
      case 'loop':
        return this.block(instr.kind, instr.result, instr.body);
      case 'if':
        return this.ifElse(instr.result, instr.then, instr.else);
      case 'call_indirect':
        throw new Error('internal: call_indirect reached the lowering');
    }
  }

  private memory(name: string, offset: number): void {
    const f = this.f;
    const load = i32.I32_LOADS.get(name);
    const store = i32.I32_STORES.get(name);
    const load64 = i64.I64_LOADS.get(name);
    const store64 = i64.I64_STORES.get(name);
    if (load !== undefined) i32.load32(f, load, offset);
    else if (store !== undefined) i32.store32(f, store, offset);
    else if (name === 'i64.load') i64.load64(f, offset);
    else if (name === 'i64.store') i64.store64(f, offset);
    else if (load64 !== undefined) i64.loadNarrow64(f, load64.op, load64.signed, offset);
    else if (store64 !== undefined) i64.storeNarrow64(f, store64, offset);
    else throw new Error(`internal: no lowering for ${name}`);
  }

  private operation(name: string): boolean {
    const f = this.f;
    const binary = i32.I32_BINARY.get(name);
    const unary = i32.I32_UNARY.get(name);
    if (binary !== undefined) i32.binary32(f, binary.op, binary.swap);
    else if (unary !== undefined) i32.unary32(f, unary);
    else if (name.startsWith('i64.') || name === 'i32.wrap_i64')
      return this.operation64(name.slice(4));
    else if (name === 'drop') f.creditLast(1 + f.pop().count);
    else if (name === 'select') {
      if (f.stack[f.stack.length - 2]?.type === 'i64') i64.select64(f);
      else i32.select32(f);
    } else if (name === 'memory.size') f.push('i32', [imm(32)], 1);
    else if (name === 'unreachable') {
      f.emit(Op.UNREACHABLE, null, { wasmCount: 1 });
      return false;
    } else if (name === 'return') {
      this.returnFrom(1, true);
      return false;
    } else if (name !== 'nop') throw new Error(`internal: no lowering for ${name}`);
    return true;
  }

  /** An i64 operation (`name` without the `i64.` prefix), or i32.wrap_i64. */
  private operation64(name: string): boolean {
    const f = this.f;
    const helper = this.ctx.helpers.get(`i64.${name}`);
    if (helper !== undefined) return this.callFunction(helper, 1);
    switch (name) {
      case 'add':
        i64.add64(f);
        break;
      case 'sub':
        i64.sub64(f);
        break;
      case 'mul':
        i64.mul64(f);
        break;
      case 'and':
        i64.bitwise64(f, Op.AND);
        break;
      case 'or':
        i64.bitwise64(f, Op.OR);
        break;
      case 'xor':
        i64.bitwise64(f, Op.XOR);
        break;
      case 'shl':
      case 'shr_s':
      case 'shr_u':
        i64.shift64(f, name);
        break;
      case 'rotl':
      case 'rotr':
        i64.rotate64(f, name === 'rotl');
        break;
      case 'eqz':
        i64.eqz64(f);
        break;
      case 'clz':
      case 'ctz':
      case 'popcnt':
        i64.count64(f, name);
        break;
      case 'extend8_s':
        i64.signExtend64(f, 8);
        break;
      case 'extend16_s':
        i64.signExtend64(f, 16);
        break;
      case 'extend32_s':
        i64.signExtend64(f, 32);
        break;
      case 'extend_i32_s':
        i64.extendI32(f, true);
        break;
      case 'extend_i32_u':
        i64.extendI32(f, false);
        break;
      case 'wrap_i64':
        i64.wrap64(f);
        break;
      default:
        i64.compare64(f, name);
    }
    return true;
  }

  // ---- blocks ----

  private openLabel(kind: Label['kind'], result: IntType | null): Label {
    const f = this.f;
    const label: Label = {
      kind,
      result,
      height: f.stack.length,
      slot: f.nextSlot(),
      start: 0,
      forward: [],
      reached: false,
    };
    f.labels.push(label);
    return label;
  }

  /** Closes a label at the current point; returns whether code after it is reachable. */
  private closeLabel(label: Label, falls: boolean): boolean {
    const f = this.f;
    if (falls && label.kind !== 'loop') this.leaveResult(label);
    f.labels.pop();
    if (label.kind === 'loop') return falls;
    if (label.forward.length > 0) {
      const end = f.bind();
      for (const at of label.forward) f.code[at]!.target = end;
    }
    f.stack.length = label.height;
    if (label.result !== null) f.pushHome(label.result);
    return falls || label.reached;
  }

  /** On falling out of a block: its result into the label's slot. */
  private leaveResult(label: Label): void {
    if (label.result === null) return;
    const e = this.f.pop();
    if (e.slot !== label.slot) throw new Error('internal: block result is not at the block height');
    this.f.materialize(e);
  }

  private block(kind: 'block' | 'loop', result: BlockResult, body: Instr[]): boolean {
    this.f.materializeDeferred();
    const label = this.openLabel(kind, resultType(result));
    if (kind === 'loop') label.start = this.f.bind();
    return this.closeLabel(label, this.lowerList(body));
  }

  private ifElse(result: BlockResult, then: Instr[], otherwise: Instr[] | null): boolean {
    const f = this.f;
    const cond = this.condition();
    f.materializeDeferred();
    const label = this.openLabel('if', resultType(result));
    const skipOp = cond.negated ? Op.BR_IF : Op.BR_IFZ;
    const skip = f.emit(skipOp, null, { a: cond.operand, wasmCount: 1 + cond.count });
    const thenFalls = this.lowerList(then);
    if (otherwise === null) {
      label.forward.push(skip);
      label.reached = true;
      return this.closeLabel(label, thenFalls);
    }
    if (thenFalls) {
      this.leaveResult(label);
      this.jump(Op.BR, label, { wasmCount: 1 });
    }
    f.stack.length = label.height;
    f.code[skip]!.target = f.bind();
    return this.closeLabel(label, this.lowerList(otherwise));
  }

  // ---- branches ----

  /** Pops a branch condition, fusing a just-computed `eqz` into the branch. */
  private condition(): Condition {
    const f = this.f;
    const c = f.pop();
    if (f.canRedirect(c) && f.code[c.producer]!.op === Op.EQZ) {
      const eqz = f.code.pop()!;
      return { operand: operandA(eqz), negated: true, count: eqz.wasmCount + c.count };
    }
    return { operand: c.parts[0]!, negated: false, count: c.count };
  }

  private labelAt(depth: number): Label {
    const label = this.f.labels[this.f.labels.length - 1 - depth];
    if (label === undefined) throw new Error(`internal: no label at depth ${depth}`);
    return label;
  }

  /** The value a branch to `label` carries (loops carry none). */
  private carried(label: Label): Entry | null {
    return label.kind === 'loop' || label.result === null ? null : this.f.peek();
  }

  private inSlot(e: Entry, slot: number): boolean {
    return e.parts.every((p, k) => sameOperand(p, reg(slot + k)));
  }

  /** Copies an entry into the registers at `slot`; `consume` credits its count. */
  private moveInto(e: Entry, slot: number, consume: boolean): void {
    if (consume && this.f.canRedirect(e)) {
      this.f.redirect(e, toReg(slot), 0);
      return;
    }
    e.parts.forEach((p, k) => {
      if (sameOperand(p, reg(slot + k))) return;
      this.f.emit(Op.MOV, toReg(slot + k), { a: p, wasmCount: consume ? e.count : 0 });
      if (consume) e.count = 0;
    });
  }

  private jump(op: number, label: Label, fields: { a?: Operand; wasmCount?: number }): number {
    const at = this.f.emit(op, null, fields);
    if (label.kind === 'loop') this.f.code[at]!.target = label.start;
    else {
      label.forward.push(at);
      label.reached = true;
    }
    return at;
  }

  private br(depth: number, count: number): false {
    const label = this.labelAt(depth);
    if (label.kind === 'function') {
      this.returnFrom(count, true);
      return false;
    }
    const value = this.carried(label);
    if (value !== null) this.moveInto(value, label.slot, true);
    this.jump(Op.BR, label, { wasmCount: count });
    return false;
  }

  /** Whether live values (other than the carried one) sit in registers at label.slot and up. */
  private occupied(label: Label): boolean {
    const f = this.f;
    return f.stack.slice(label.height, -1).some((e) => e.parts.some((_, k) => f.isHome(e, k)));
  }

  private brIf(depth: number): true {
    const f = this.f;
    const cond = this.condition();
    const label = this.labelAt(depth);
    const [taken, notTaken] = cond.negated ? [Op.BR_IFZ, Op.BR_IF] : [Op.BR_IF, Op.BR_IFZ];
    const branch = { a: cond.operand, wasmCount: 1 + cond.count };
    const value = this.carried(label);
    if (label.kind !== 'function' && (value === null || this.inSlot(value, label.slot))) {
      this.jump(taken, label, branch);
    } else if (label.kind !== 'function' && value !== null && !this.occupied(label)) {
      this.moveInto(value, label.slot, false);
      this.jump(taken, label, branch);
    } else {
      // Skip over a move and an unconditional branch (or a return).
      const skip = f.emit(notTaken, null, branch);
      if (label.kind === 'function') this.returnFrom(0, false);
      else {
        this.moveInto(value!, label.slot, false);
        this.jump(Op.BR, label, {});
      }
      f.code[skip]!.target = f.bind();
    }
    return true;
  }

  private brTable(depths: number[], fallback: number): false {
    const f = this.f;
    const index = f.pop();
    const all = [...depths, fallback];
    const i = index.parts[0]!;
    if (i.kind === 'imm') return this.br(all[Math.min(i.value, depths.length)]!, 1 + index.count);
    f.emit(Op.BR_TABLE, null, { a: i, imm: depths.length, wasmCount: 1 + index.count });
    const table = all.map(() => f.emit(Op.BR, null));
    const stubs = new Map<Label, number>();
    all.forEach((depth, k) => {
      const label = this.labelAt(depth);
      const value = this.carried(label);
      const entry = f.code[table[k]!]!;
      if (label.kind !== 'function' && (value === null || this.inSlot(value, label.slot))) {
        if (label.kind === 'loop') entry.target = label.start;
        else {
          label.forward.push(table[k]!);
          label.reached = true;
        }
        return;
      }
      let stub = stubs.get(label);
      if (stub === undefined) {
        stub = f.bind();
        stubs.set(label, stub);
        if (label.kind === 'function') this.returnFrom(0, false);
        else {
          this.moveInto(value!, label.slot, false);
          this.jump(Op.BR, label, {});
        }
      }
      entry.target = stub;
    });
    return false;
  }

  // ---- calls and returns ----

  /** Leaves the function: the result into RV (and RV_HI), then RET. */
  private returnFrom(count: number, consume: boolean): void {
    const f = this.f;
    if (this.fn.results.length > 0) {
      const e = consume ? f.pop() : f.peek();
      const targets = [Reserved.RV, Reserved.RV_HI];
      if (consume && f.canRedirect(e)) f.redirect(e, toGlobal(Reserved.RV), 0);
      else {
        e.parts.forEach((p, k) => {
          if (sameOperand(p, glob(targets[k]!))) return;
          f.emit(Op.MOV, toGlobal(targets[k]!), { a: p, wasmCount: consume ? e.count : 0 });
          if (consume) e.count = 0;
        });
      }
    }
    f.emit(Op.RET, null, { wasmCount: count });
  }

  private call(func: number, next: Instr | undefined): boolean {
    const imp = this.ctx.module.imports[func];
    if (imp !== undefined) return this.callImport(imp, next);
    return this.callFunction(func, 1);
  }

  /** Whether an argument's producer can write the callee's register directly. */
  private canRedirectArg(e: Entry): boolean {
    const f = this.f;
    return (
      e.type === 'i32' && e.producer >= f.lastLabel && e.producer > f.lastCall && f.isHome(e, 0)
    );
  }

  private callFunction(func: number, count: number): true {
    const f = this.f;
    const sig = signatureOf(this.ctx.module, func);
    const args = f.stack.splice(f.stack.length - sig.params.length);
    f.materializeGlobals();
    let k = 0;
    for (const arg of args) {
      if (arg.producer >= 0 && this.canRedirectArg(arg)) {
        f.redirect(arg, toCallee(k++), 0);
        continue;
      }
      for (const part of arg.parts) {
        f.emit(Op.MOV, toCallee(k++), { a: part, wasmCount: arg.count });
        arg.count = 0;
      }
    }
    const at = f.emit(Op.CALL, null, { wasmCount: count });
    f.calls.push({ at, func });
    f.lastCall = at;
    const result = sig.results[0];
    if (result === 'i64') f.push('i64', [glob(Reserved.RV), glob(Reserved.RV_HI)]);
    else if (result !== undefined) f.push('i32', [glob(Reserved.RV)]);
    return true;
  }

  /**
   * OUT writes its operand mod 256, so a just-computed sign extension or `& 255` of the byte
   * (C's `putchar((char)c)`) is dropped and OUT reads its operand instead.
   */
  private lowByteSource(arg: Entry): { operand: Operand; count: number } | null {
    const f = this.f;
    if (!f.canRedirect(arg)) return null;
    const ins = f.code[arg.producer]!;
    const masks = ins.op === Op.AND && (ins.flags & Flag.B_IMM) !== 0 && (ins.imm & 255) === 255;
    if (ins.op !== Op.EXTEND8_S && ins.op !== Op.EXTEND16_S && !masks) return null;
    f.code.pop();
    return { operand: operandA(ins), count: ins.wasmCount };
  }

  /** putchar → OUT, getchar → GETCHAR, exit → HALT (check-features.ts refuses the rest). */
  private callImport(imp: WasmImport, next: Instr | undefined): boolean {
    const f = this.f;
    if (imp.name === 'getchar') {
      f.pushHome('i32', f.emit(Op.GETCHAR, toReg(f.nextSlot()), { wasmCount: 1 }));
      return true;
    }
    const arg = f.pop();
    const x = arg.parts[0]!;
    if (imp.name === 'exit') {
      f.emit(Op.HALT, null, { wasmCount: 1 + arg.count });
      return false;
    }
    const byte = this.lowByteSource(arg);
    const source = byte?.operand ?? x;
    f.emit(Op.OUT, null, { a: source, wasmCount: 1 + arg.count + (byte?.count ?? 0) });
    // putchar returns its argument as an unsigned char; usually the result is dropped.
    if (next?.kind === 'op' && next.name === 'drop') f.push('i32', [imm(0)]);
    else if (source.kind === 'imm') f.push('i32', [imm(source.value & 255)]);
    else f.pushHome('i32', f.emit(Op.AND, toReg(arg.slot), { a: source, b: imm(255) }));
    return true;
  }
}
