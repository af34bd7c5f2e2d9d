// Chooses constants to keep in global registers for stores. A store's single immediate field
// holds the address offset, so `mem[i] = 1` would need a MOV of the 1 into a register on
// every execution; reading a global register that holds 1 costs nothing. The entry stub sets
// these registers once. Constants are ranked by how many stores in the program use them.

import type { Instr, WasmFunction } from './module.ts';

/** Most constants kept in registers. */
export const MAX_STORE_CONSTANTS = 8;

const isStore = (instr: Instr): boolean => instr.kind === 'memory' && /\.store/.test(instr.name);

function countIn(list: Instr[], counts: Map<number, number>): void {
  list.forEach((instr, i) => {
    const prev = list[i - 1];
    if (isStore(instr) && prev?.kind === 'const' && prev.type === 'i32' && prev.lo !== 0) {
      counts.set(prev.lo, (counts.get(prev.lo) ?? 0) + 1);
    }
    if (instr.kind === 'block' || instr.kind === 'loop') countIn(instr.body, counts);
    if (instr.kind === 'if') {
      countIn(instr.then, counts);
      countIn(instr.else ?? [], counts);
    }
  });
}

/** The nonzero constants stored most often (`i32.const` right before a store), at most `limit`. */
export function frequentStoreConstants(
  functions: readonly WasmFunction[],
  limit: number,
): number[] {
  const counts = new Map<number, number>();
  for (const fn of functions) countIn(fn.body, counts);
  return [...counts]
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, Math.max(0, limit))
    .map(([value]) => value);
}
