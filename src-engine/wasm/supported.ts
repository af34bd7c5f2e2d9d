// The WebAssembly instructions the lowering accepts, by text-format name, gathered from the
// lowering's own tables so that the feature check and the lowering cannot disagree.

import { I32_BINARY, I32_LOADS, I32_STORES, I32_UNARY } from './lower-i32.ts';
import { I64_LOADS, I64_STORES } from './lower-i64.ts';

const I64_OPS = [
  'add',
  'sub',
  'mul',
  'div_s',
  'div_u',
  'rem_s',
  'rem_u',
  'and',
  'or',
  'xor',
  'shl',
  'shr_s',
  'shr_u',
  'rotl',
  'rotr',
  'eqz',
  'eq',
  'ne',
  'lt_s',
  'lt_u',
  'gt_s',
  'gt_u',
  'le_s',
  'le_u',
  'ge_s',
  'ge_u',
  'clz',
  'ctz',
  'popcnt',
  'extend8_s',
  'extend16_s',
  'extend32_s',
  'extend_i32_s',
  'extend_i32_u',
].map((name) => `i64.${name}`);

/** Instructions without immediates (`op` in module.ts) that the lowering handles. */
export const SUPPORTED_OPS: ReadonlySet<string> = new Set([
  ...I32_BINARY.keys(),
  ...I32_UNARY.keys(),
  ...I64_OPS,
  'i32.wrap_i64',
  'drop',
  'select',
  'nop',
  'unreachable',
  'return',
  'memory.size',
]);

/** Loads and stores the lowering handles. */
export const SUPPORTED_MEMORY: ReadonlySet<string> = new Set([
  ...I32_LOADS.keys(),
  ...I32_STORES.keys(),
  ...I64_LOADS.keys(),
  ...I64_STORES.keys(),
  'i64.load',
  'i64.store',
]);

/** Imports the machine provides as instructions, with their WebAssembly signatures. */
export const MACHINE_IMPORTS: ReadonlyMap<string, string> = new Map([
  ['putchar', '(i32) -> i32'],
  ['getchar', '() -> i32'],
  ['exit', '(i32) -> ()'],
]);

/** The libc functions (resources/libc/src/divide64.c) that stand in for i64 division. */
export const DIVIDE64_HELPERS = {
  'i64.div_s': '__inweights_sdiv64',
  'i64.div_u': '__inweights_udiv64',
  'i64.rem_s': '__inweights_srem64',
  'i64.rem_u': '__inweights_urem64',
} as const;

/**
 * Exports that can be the program's entry: Clang names `int main(void)`'s wrapper `main` and
 * `int main(int argc, char **argv)` `__main_argc_argv` (the entry stub passes argc = 0 and
 * argv = NULL).
 */
export const ENTRY_EXPORTS = ['main', '__main_argc_argv'] as const;

/** The function index of the module's entry, if it has one. */
export function entryFunction(exports: ReadonlyMap<string, number>): number | undefined {
  for (const name of ENTRY_EXPORTS) {
    const index = exports.get(name);
    if (index !== undefined) return index;
  }
  return undefined;
}
