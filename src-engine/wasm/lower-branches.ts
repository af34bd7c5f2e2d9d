// Lowering of branches: br, br_if and br_table, with the values they carry. A branch to a
// block leaves the carried value in the block's result register (`label.slot`); a branch to
// a loop goes to its first instruction and carries nothing; a branch to the function's
// outermost label returns. `i32.eqz` just before a branch is folded into it (BR_IFZ).

import { Op } from '../program/opcodes.ts';
import { operandA } from './emitter.ts';
import type { Entry, Frame, Label } from './frame.ts';
import { returnFrom } from './lower-calls.ts';
import type { Operand } from './operand.ts';
import { reg, sameOperand, toReg } from './operand.ts';

export interface Condition {
  operand: Operand;
  /** true when the condition is the operand being zero (a fused eqz) */
  negated: boolean;
  count: number;
}

/** Pops a branch condition, fusing a just-computed `eqz` into the branch. */
export function condition(f: Frame): Condition {
  const c = f.pop();
  if (f.canRedirect(c) && f.code[c.producer]!.op === Op.EQZ) {
    const eqz = f.code.pop()!;
    return { operand: operandA(eqz), negated: true, count: eqz.wasmCount + c.count };
  }
  return { operand: c.parts[0]!, negated: false, count: c.count };
}

function labelAt(f: Frame, depth: number): Label {
  const label = f.labels[f.labels.length - 1 - depth];
  if (label === undefined) throw new Error(`internal: no label at depth ${depth}`);
  return label;
}

/** The value a branch to `label` carries (loops carry none). */
function carried(f: Frame, label: Label): Entry | null {
  return label.kind === 'loop' || label.result === null ? null : f.peek();
}

function inSlot(e: Entry, slot: number): boolean {
  return e.parts.every((p, k) => sameOperand(p, reg(slot + k)));
}

/** Copies an entry into the registers at `slot`; `consume` credits its count. */
export function moveInto(f: Frame, e: Entry, slot: number, consume: boolean): void {
  if (consume && f.canRedirect(e)) {
    f.redirect(e, toReg(slot), 0);
    return;
  }
  e.parts.forEach((p, k) => {
    if (sameOperand(p, reg(slot + k))) return;
    f.emit(Op.MOV, toReg(slot + k), { a: p, wasmCount: consume ? e.count : 0 });
    if (consume) e.count = 0;
  });
}

export function jump(
  f: Frame,
  op: number,
  label: Label,
  fields: { a?: Operand; wasmCount?: number },
): number {
  const at = f.emit(op, null, fields);
  if (label.kind === 'loop') f.code[at]!.target = label.start;
  else {
    label.forward.push(at);
    label.reached = true;
  }
  return at;
}

export function br(f: Frame, depth: number, count: number): false {
  const label = labelAt(f, depth);
  if (label.kind === 'function') {
    returnFrom(f, count, true);
    return false;
  }
  const value = carried(f, label);
  if (value !== null) moveInto(f, value, label.slot, true);
  jump(f, Op.BR, label, { wasmCount: count });
  return false;
}

/** Whether live values (other than the carried one) sit in registers at label.slot and up. */
function occupied(f: Frame, label: Label): boolean {
  return f.stack.slice(label.height, -1).some((e) => e.parts.some((_, k) => f.isHome(e, k)));
}

export function brIf(f: Frame, depth: number): true {
  const cond = condition(f);
  const label = labelAt(f, depth);
  const [taken, notTaken] = cond.negated ? [Op.BR_IFZ, Op.BR_IF] : [Op.BR_IF, Op.BR_IFZ];
  const branch = { a: cond.operand, wasmCount: 1 + cond.count };
  const value = carried(f, label);
  if (label.kind !== 'function' && (value === null || inSlot(value, label.slot))) {
    jump(f, taken, label, branch);
  } else if (label.kind !== 'function' && value !== null && !occupied(f, label)) {
    moveInto(f, value, label.slot, false);
    jump(f, taken, label, branch);
  } else {
    // Skip over a move and an unconditional branch (or a return).
    const skip = f.emit(notTaken, null, branch);
    if (label.kind === 'function') returnFrom(f, 0, false);
    else {
      moveInto(f, value!, label.slot, false);
      jump(f, Op.BR, label, {});
    }
    f.code[skip]!.target = f.bind();
  }
  return true;
}

export function brTable(f: Frame, depths: number[], fallback: number): false {
  const index = f.pop();
  const all = [...depths, fallback];
  const i = index.parts[0]!;
  if (i.kind === 'imm') return br(f, all[Math.min(i.value, depths.length)]!, 1 + index.count);
  f.emit(Op.BR_TABLE, null, { a: i, imm: depths.length, wasmCount: 1 + index.count });
  const table = all.map(() => f.emit(Op.BR, null));
  const stubs = new Map<Label, number>();
  all.forEach((depth, k) => {
    const label = labelAt(f, depth);
    const value = carried(f, label);
    const entry = f.code[table[k]!]!;
    if (label.kind !== 'function' && (value === null || inSlot(value, label.slot))) {
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
      if (label.kind === 'function') returnFrom(f, 0, false);
      else {
        moveInto(f, value!, label.slot, false);
        jump(f, Op.BR, label, {});
      }
    }
    entry.target = stub;
  });
  return false;
}
