// The compiler's top level: C source → WebAssembly (clang) → checked module → token program.

import type { CompiledProgram, Diagnostic } from '../api.ts';
import { moduleToProgram } from '../wasm/module-to-program.ts';
import { wasmToModule } from '../wasm/wasm-to-module.ts';
import type { CToWasmOptions } from './c-to-wasm.ts';
import { compileCToWasm } from './c-to-wasm.ts';
import { functionLocator } from './function-locator.ts';

export interface CompileResult extends CompiledProgram {
  /** clang's warnings (errors throw a CompileError) */
  warnings: Diagnostic[];
}

/** Compiles a C program (with the project's libc) into a token program. */
export async function compileC(
  source: string,
  options: CToWasmOptions = {},
): Promise<CompileResult> {
  const file = options.fileName ?? 'program.c';
  const { wasm, diagnostics } = await compileCToWasm(source, options);
  const module = wasmToModule(wasm, file);
  const program = moduleToProgram(module, { file, locate: functionLocator(source, file) });
  return { source, wasm, program, warnings: diagnostics };
}
