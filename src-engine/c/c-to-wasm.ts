// C source → WebAssembly module, with clang and wasm-ld (through @yowasp/clang): the user's
// file is compiled and linked with the project's libc (compiled once, libc-objects.ts) using
// the flags of clang-flags.ts. Errors come back as a CompileError with diagnostics; the limits
// only the toolchain meets (toolchain-limits.ts) as LIMIT errors.

import type { Diagnostic } from '../api.ts';
import { runClang } from './clang.ts';
import { CompileError, programDiagnostic } from './compile-error.ts';
import { hasErrors, parseDiagnostics } from './diagnostics.ts';
import { COMPILE_FLAGS, LINK_FLAGS } from './clang-flags.ts';
import { libcFiles } from './libc-files.ts';
import { libcObjects } from './libc-objects.ts';
import { clangStackLimit, memoryLimit } from './toolchain-limits.ts';

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
  if (run.stackOverflow) throw new CompileError('LIMIT', [clangStackLimit(fileName)]);
  const diagnostics = parseDiagnostics(run.stderr, fileName);
  if (hasErrors(diagnostics) || run.files === null) {
    const explained = diagnostics.map((d) => memoryLimit(d) ?? d);
    if (explained.some((d, i) => d !== diagnostics[i])) throw new CompileError('LIMIT', explained);
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

/** The parsed errors, or clang's raw stderr when it said nothing in the usual format. */
function orFallback(diagnostics: Diagnostic[], stderr: string, file: string): Diagnostic[] {
  if (hasErrors(diagnostics)) return diagnostics;
  const text = stderr.trim() || 'clang failed without a message';
  return [...diagnostics, programDiagnostic(file, text)];
}
