// C source → WebAssembly module, with clang and wasm-ld (through @yowasp/clang). The user's
// file is compiled together with the project's libc. Flags keep the module inside what the
// register machine can run: only MVP features plus sign extension (no bulk memory, no
// multi-value, no reference types), one fixed 2 MiB memory, data linked at DATA_BASE and a
// 64 KiB stack placed after the data. Errors come back as a CompileError with diagnostics.

import type { Diagnostic } from '../api.ts';
import { Machine } from '../program/opcodes.ts';
import { runClang } from './clang.ts';
import { CompileError, programDiagnostic } from './compile-error.ts';
import { hasErrors, parseDiagnostics } from './diagnostics.ts';
import { libcFiles } from './libc-files.ts';
import { DIVIDE64_HELPERS } from '../wasm/supported.ts';

export const STACK_SIZE = 65536;

export interface CToWasmOptions {
  /** name of the source file in diagnostics (default `program.c`) */
  fileName?: string;
  /** folder of the libc (default: resources/libc of this checkout) */
  libcDir?: string;
}

export interface CToWasmResult {
  wasm: Uint8Array;
  /** warnings (errors throw) */
  diagnostics: Diagnostic[];
}

const COMPILE_FLAGS = [
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

const LINK_FLAGS = [
  '-Wl,--no-entry',
  '-Wl,--export=main',
  ...Object.values(DIVIDE64_HELPERS).map((name) => `-Wl,--export=${name}`),
  `-Wl,--initial-memory=${Machine.MEM_SIZE}`,
  `-Wl,--max-memory=${Machine.MEM_SIZE}`,
  `-Wl,--global-base=${Machine.DATA_BASE}`,
  // Data first at DATA_BASE, then the stack, then the heap (__heap_base).
  '-Wl,--no-stack-first',
  `-Wl,-z,stack-size=${STACK_SIZE}`,
];

/** Compiles one C file (plus the libc) into a WebAssembly module. */
export async function compileCToWasm(
  source: string,
  options: CToWasmOptions = {},
): Promise<CToWasmResult> {
  const fileName = options.fileName ?? 'program.c';
  const libc = libcFiles(options.libcDir);
  const objects = await libcObjects(options.libcDir);
  const output = 'program.wasm';
  const objectPaths = Object.keys(objects).map((name) => `obj/${name}`);
  const args = [...COMPILE_FLAGS, fileName, ...objectPaths, '-o', output, ...LINK_FLAGS];
  const run = await runClang(args, { [fileName]: source, libc: libc.tree, obj: objects });
  const diagnostics = parseDiagnostics(run.stderr, fileName);
  if (hasErrors(diagnostics) || run.files === null) {
    // Clang stops before linking when it finds errors, so linker errors come alone.
    const code = /^wasm-ld: error/m.test(run.stderr) ? 'LINK_ERROR' : 'C_ERROR';
    throw new CompileError(code, orFallback(diagnostics, run.stderr, fileName));
  }
  const wasm = run.files[output];
  if (!(wasm instanceof Uint8Array)) {
    throw new CompileError('TOOLCHAIN', [programDiagnostic(fileName, 'clang wrote no module')]);
  }
  return { wasm, diagnostics };
}

const objectCache = new Map<string, Promise<Record<string, Uint8Array>>>();

/**
 * The libc compiled to object files, once per process and libc folder: compiling it takes
 * most of a build, and linking the cached objects gives the same module.
 */
function libcObjects(dir?: string): Promise<Record<string, Uint8Array>> {
  const key = dir ?? '';
  let objects = objectCache.get(key);
  if (objects === undefined) {
    objects = compileLibc(dir);
    objectCache.set(key, objects);
    objects.catch(() => objectCache.delete(key));
  }
  return objects;
}

async function compileLibc(dir?: string): Promise<Record<string, Uint8Array>> {
  const libc = libcFiles(dir);
  const run = await runClang([...COMPILE_FLAGS, '-c', ...libc.sources], { libc: libc.tree });
  const objects: Record<string, Uint8Array> = {};
  for (const source of libc.sources) {
    const name = source.replace(/^.*\//, '').replace(/\.c$/, '.o');
    const object = run.files?.[name];
    if (!(object instanceof Uint8Array)) {
      const message = `the libc does not compile: ${run.stderr.trim() || name + ' missing'}`;
      throw new CompileError('TOOLCHAIN', [programDiagnostic(source, message)]);
    }
    objects[name] = object;
  }
  return objects;
}

/** The parsed errors, or clang's raw stderr when it said nothing in the usual format. */
function orFallback(diagnostics: Diagnostic[], stderr: string, file: string): Diagnostic[] {
  if (hasErrors(diagnostics)) return diagnostics;
  const text = stderr.trim() || 'clang failed without a message';
  return [...diagnostics, programDiagnostic(file, text)];
}
