// Definite assignment: which declared locals some path may read before writing them.
// WebAssembly zeroes locals on every call, but machine frames are not cleared (a frame's
// registers keep what an earlier call at the same depth left), so the lowering inserts
// `MOV r, 0` at function entry for exactly these locals.
//
// A forward "must be assigned" analysis over the structured control flow. The state after a
// block is the intersection of the states of every branch to its end and of its fall-through.
// A loop's header needs no fixed point: a back edge starts from the header's state and only
// adds assignments, so the header state is the state on entry.

import type { Instr, WasmFunction } from './module.ts';

type State = Uint8Array | null; // null: unreachable

interface Scope {
  loop: boolean;
  /** intersection of the states of branches to the end */
  atEnd: State;
}

const meet = (x: State, y: State): State => {
  if (x === null) return y === null ? null : y.slice();
  if (y === null) return x.slice();
  return x.map((v, i) => v & y[i]!);
};

/** Indices (in the function's local numbering) of declared locals that need zeroing. */
export function localsNeedingZero(fn: WasmFunction): number[] {
  const total = fn.params.length + fn.locals.length;
  const start = new Uint8Array(total);
  start.fill(1, 0, fn.params.length);
  const needed = new Set<number>();
  walk(fn.body, start, [{ loop: false, atEnd: null }], needed);
  return [...needed].sort((x, y) => x - y);
}

function branch(scopes: Scope[], depth: number, state: Uint8Array): void {
  const scope = scopes[scopes.length - 1 - depth];
  if (scope !== undefined && !scope.loop) scope.atEnd = meet(scope.atEnd, state);
}

function nested(
  body: Instr[],
  state: Uint8Array,
  scopes: Scope[],
  loop: boolean,
  needed: Set<number>,
): State {
  scopes.push({ loop, atEnd: null });
  const end = walk(body, state.slice(), scopes, needed);
  const scope = scopes.pop()!;
  return loop ? end : meet(end, scope.atEnd);
}

function walk(list: Instr[], state: Uint8Array, scopes: Scope[], needed: Set<number>): State {
  let st = state;
  for (const instr of list) {
    switch (instr.kind) {
      case 'local':
        if (instr.name === 'local.get' && st[instr.index] === 0) needed.add(instr.index);
        else if (instr.name !== 'local.get') st[instr.index] = 1;
        break;
      case 'block':
      case 'loop': {
        const next = nested(instr.body, st, scopes, instr.kind === 'loop', needed);
        if (next === null) return null;
        st = next;
        break;
      }
      case 'if': {
        scopes.push({ loop: false, atEnd: null });
        const then = walk(instr.then, st.slice(), scopes, needed);
        const otherwise =
          instr.else === null ? st.slice() : walk(instr.else, st.slice(), scopes, needed);
        const next = meet(meet(then, otherwise), scopes.pop()!.atEnd);
        if (next === null) return null;
        st = next;
        break;
      }
      case 'br':
        branch(scopes, instr.depth, st);
        return null;
      case 'br_if':
        branch(scopes, instr.depth, st);
        break;
      case 'br_table':
        for (const depth of [...instr.depths, instr.fallback]) branch(scopes, depth, st);
        return null;
      case 'op':
        if (instr.name === 'return' || instr.name === 'unreachable') return null;
        break;
      default:
        break;
    }
  }
  return st;
}
