// Lowering of calls and returns. Arguments go into the callee's frame (DST_CALLEE) before
// CALL; a result comes back in RV (and RV_HI for an i64's high half) and stays there as a
// deferred entry until something else needs RV. The machine's imports are instructions:
// putchar → OUT, getchar → GETCHAR, exit → EXIT (the status) and HALT.

import { Flag, Op } from '../program/opcodes.ts';
import { operandA } from './emitter.ts';
import type { Entry, Frame } from './frame.ts';
import type { Instr, WasmImport, WasmModule } from './module.ts';
import { signatureOf } from './module.ts';
import type { Operand } from './operand.ts';
import { Reserved, glob, imm, sameOperand, toCallee, toGlobal, toReg } from './operand.ts';

/** Leaves the function: its result (the outermost label's) into RV and RV_HI, then RET. */
export function returnFrom(f: Frame, count: number, consume: boolean): void {
  const result = f.labels[0]?.result ?? null;
  if (result !== null) {
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

/** Whether an argument's producer can write the callee's register directly. */
function canRedirectArg(f: Frame, e: Entry): boolean {
  return e.type === 'i32' && e.producer >= f.lastLabel && e.producer > f.lastCall && f.isHome(e, 0);
}

export function callFunction(f: Frame, module: WasmModule, func: number, count: number): true {
  const sig = signatureOf(module, func);
  const args = f.stack.splice(f.stack.length - sig.params.length);
  f.materializeGlobals();
  let k = 0;
  for (const arg of args) {
    if (arg.producer >= 0 && canRedirectArg(f, arg)) {
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
function lowByteSource(f: Frame, arg: Entry): { operand: Operand; count: number } | null {
  if (!f.canRedirect(arg)) return null;
  const ins = f.code[arg.producer]!;
  const masks = ins.op === Op.AND && (ins.flags & Flag.B_IMM) !== 0 && (ins.imm & 255) === 255;
  if (ins.op !== Op.EXTEND8_S && ins.op !== Op.EXTEND16_S && !masks) return null;
  f.code.pop();
  return { operand: operandA(ins), count: ins.wasmCount };
}

/** putchar → OUT, getchar → GETCHAR, exit → EXIT + HALT (check-features.ts refuses the rest). */
export function callImport(f: Frame, imp: WasmImport, next: Instr | undefined): boolean {
  if (imp.name === 'getchar') {
    f.pushHome('i32', f.emit(Op.GETCHAR, toReg(f.nextSlot()), { wasmCount: 1 }));
    return true;
  }
  const arg = f.pop();
  const x = arg.parts[0]!;
  if (imp.name === 'exit') {
    f.emit(Op.EXIT, null, { a: x, wasmCount: 1 + arg.count });
    f.emit(Op.HALT, null, { wasmCount: 0 });
    return false;
  }
  const byte = lowByteSource(f, arg);
  const source = byte?.operand ?? x;
  f.emit(Op.OUT, null, { a: source, wasmCount: 1 + arg.count + (byte?.count ?? 0) });
  // putchar returns its argument as an unsigned char; usually the result is dropped.
  if (next?.kind === 'op' && next.name === 'drop') f.push('i32', [imm(0)]);
  else if (source.kind === 'imm') f.push('i32', [imm(source.value & 255)]);
  else f.pushHome('i32', f.emit(Op.AND, toReg(arg.slot), { a: source, b: imm(255) }));
  return true;
}
