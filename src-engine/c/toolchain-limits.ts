// Limits that the toolchain meets before the machine's own checks can: static data too large
// for the machine's fixed memory (wasm-ld reports it as "initial memory too small"), and a
// program too large for Clang itself (its WebAssembly build runs out of the JavaScript call
// stack). Both become refusals that name the limit and say what to do; c-to-wasm.ts throws
// them as LIMIT errors. The WebAssembly decoder (wasm-to-module.ts) detects its own stack
// overflow with the same test.

import type { Diagnostic } from '../api.ts';
import { Machine } from '../program/opcodes.ts';
import { STACK_SIZE } from './clang-flags.ts';
import { programDiagnostic } from './compile-error.ts';

const MEMORY_TOO_SMALL = /^initial memory too small, (\d+) bytes needed$/;

/**
 * wasm-ld's message that the data, placed at DATA_BASE and followed by the stack, does not fit
 * the memory it was told to create, rewritten to name the machine's 2 MiB; null for any other.
 */
export function memoryLimit(d: Diagnostic): Diagnostic | null {
  const match = MEMORY_TOO_SMALL.exec(d.message);
  if (match === null) return null;
  const needed = Number(match[1]);
  const data = needed - Machine.DATA_BASE - STACK_SIZE;
  const message =
    `the program's static data (about ${data} bytes of global and static variables) does not ` +
    `fit the machine's fixed 2 MiB of memory (${Machine.MEM_SIZE} bytes): placed at address ` +
    `${Machine.DATA_BASE} and followed by the ${STACK_SIZE / 1024} KiB stack, it needs ` +
    `${needed} bytes; make global and static arrays smaller by at least ` +
    `${needed - Machine.MEM_SIZE} bytes`;
  return { ...d, message };
}

/** V8's error when WebAssembly (or JavaScript) recursion exhausts the call stack. */
export const isStackOverflow = (error: unknown): boolean =>
  error instanceof RangeError && /call stack size/i.test(error.message);

/**
 * Clang recursed deeper than the JavaScript call stack allows. A function whose statements
 * form one long chain, each using the result of the one before, does it: from about 2500
 * statements `s ^= s >> 1`, or 9000 calls `s = f(s)`, while as many independent statements
 * compile. So that is what to split.
 */
export const clangStackLimit = (file: string): Diagnostic =>
  programDiagnostic(
    file,
    'clang ran out of stack while compiling the program (it runs as WebAssembly on the ' +
      'JavaScript call stack, about 1 MB): a function of thousands of statements, each ' +
      'using the result of the one before, makes it recurse that deep; split the longest ' +
      'functions into smaller ones (the machine holds at most ' +
      `${Machine.MAX_INSTRUCTIONS} instructions in any case)`,
  );
