// The flags clang and wasm-ld run with. They keep the module inside what the register
// machine can run: the MVP instruction set plus sign extension (no bulk memory, multi-value or
// reference types), one fixed 2 MiB memory, data at DATA_BASE, the stack after the data.

import { Machine } from '../program/opcodes.ts';
import { DIVIDE64_HELPERS, ENTRY_EXPORTS } from '../wasm/supported.ts';

export const STACK_SIZE = 65536;

export const COMPILE_FLAGS: readonly string[] = [
  '--target=wasm32',
  '-O2',
  '-std=gnu17',
  '-nostdlib',
  '-nostdlibinc',
  '-isystem',
  'libc/include',
  '-Wall',
  '-fno-caret-diagnostics',
  '-fno-color-diagnostics',
  // Only what the machine has: the MVP instruction set plus sign extension.
  '-mcpu=mvp',
  '-msign-ext',
];

export const LINK_FLAGS: readonly string[] = [
  '-Wl,--no-entry',
  // The entry, whichever form main has (wasm/supported.ts ENTRY_EXPORTS).
  ...ENTRY_EXPORTS.map((name) => `-Wl,--export-if-defined=${name}`),
  ...Object.values(DIVIDE64_HELPERS).map((name) => `-Wl,--export=${name}`),
  `-Wl,--initial-memory=${Machine.MEM_SIZE}`,
  `-Wl,--max-memory=${Machine.MEM_SIZE}`,
  `-Wl,--global-base=${Machine.DATA_BASE}`,
  // Data first at DATA_BASE, then the stack, then the heap (__heap_base).
  '-Wl,--no-stack-first',
  `-Wl,-z,stack-size=${STACK_SIZE}`,
];
