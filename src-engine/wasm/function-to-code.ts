// One WebAssembly function → register-machine code. Walks the structured body once, keeping
// the operand stack as entries (frame.ts) and the open blocks as labels. This file owns the
// walk and the structure (block, loop, if/else); arithmetic, memory and variables are in
// lower-i32.ts and lower-i64.ts, branches in lower-branches.ts, calls in lower-calls.ts.
//
// Structure: a block's result travels in the register of the block's stack height
// (`label.slot`), so every path to the end leaves it there. Forward branches are patched when
// the end is reached; a loop's branches go to its first instruction. Where paths meet,
// deferred entries that read locals or globals are materialised first (frame.ts).
//
// Counting: each machine instruction records the WebAssembly instructions it stands for, so
// that summing over executed steps counts executed WebAssembly instructions. Folded
// `local.get`, `const`, `local.set` and the like are credited to the instruction that
// consumes or produces the value; `if`, `else` (the jump over the else arm), `br*`, `call` and
// `return` to their branch, call or return. `block`, `loop` and `end` mark structure and
// execute nothing: they count 0, as does the implicit return at a function's end.

import type { Instruction } from '../program/instruction.ts';
import { Op } from '../program/opcodes.ts';
import type { IntType, Label } from './frame.ts';
import { Frame } from './frame.ts';
import { br, brIf, brTable, condition, jump } from './lower-branches.ts';
import { callFunction, callImport, returnFrom } from './lower-calls.ts';
import * as i32 from './lower-i32.ts';
import * as i64 from './lower-i64.ts';
import type { BlockResult, Instr, WasmFunction, WasmModule } from './module.ts';
import { imm, toReg } from './operand.ts';
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
    if (this.lowerList(this.fn.body)) returnFrom(this.f, 0, true);
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
        return br(this.f, instr.depth, 1);
      case 'br_if':
        return brIf(this.f, instr.depth);
      case 'br_table':
        return brTable(this.f, instr.depths, instr.fallback);
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
      returnFrom(this.f, 1, true);
      return false;
    } else if (name !== 'nop') throw new Error(`internal: no lowering for ${name}`);
    return true;
  }

  /** An i64 operation (`name` without the `i64.` prefix), or i32.wrap_i64. */
  private operation64(name: string): boolean {
    const f = this.f;
    const helper = this.ctx.helpers.get(`i64.${name}`);
    if (helper !== undefined) return callFunction(f, this.ctx.module, helper, 1);
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
    const cond = condition(this.f);
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
      jump(this.f, Op.BR, label, { wasmCount: 1 });
    }
    f.stack.length = label.height;
    f.code[skip]!.target = f.bind();
    return this.closeLabel(label, this.lowerList(otherwise));
  }

  private call(func: number, next: Instr | undefined): boolean {
    const imp = this.ctx.module.imports[func];
    if (imp !== undefined) return callImport(this.f, imp, next);
    return callFunction(this.f, this.ctx.module, func, 1);
  }
}
