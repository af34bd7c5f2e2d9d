// Finds the compiler and the native WebAssembly runner for the differential tests. They are
// loaded by path at run time so that the tests of the reference do not depend on them: while
// either is missing, the differential suite reports why and skips instead of failing to load.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TokenProgram } from '../program/instruction.ts';

/** What the compiler returns for one C source (api.ts CompiledProgram has this shape). */
export interface Compiled {
  wasm: Uint8Array;
  program: TokenProgram;
}

/** How a native run ended: its output, its trap message (vocab.ts TRAP_MESSAGES) or null,
 * and when it halted its exit status. */
export interface NativeOutcome {
  output: Uint8Array;
  trap: string | null;
  exitStatus: number | null;
}

export interface Engines {
  /** `compileC(source)` of src-engine/c/compile.ts */
  compile: (source: string) => Promise<Compiled>;
  /** `runNative(wasm, input)` of src-engine/native/run.ts */
  runNative: (wasm: Uint8Array, input: Uint8Array) => NativeOutcome | Promise<NativeOutcome>;
}

const COMPILER = { file: '../c/compile.ts', name: 'compileC' };
const NATIVE = { file: '../native/run.ts', name: 'runNative' };

/** The named function of a module, or a sentence saying why it is not there. */
async function findFunction(spec: { file: string; name: string }): Promise<unknown> {
  const url = new URL(spec.file, import.meta.url);
  if (!existsSync(fileURLToPath(url))) return `src-engine/${spec.file.slice(3)} does not exist`;
  const module = (await import(url.href)) as Record<string, unknown>;
  const fn = module[spec.name];
  return typeof fn === 'function' ? fn : `src-engine/${spec.file.slice(3)} exports no ${spec.name}`;
}

/** The engines, or the reason they cannot be loaded yet. */
export async function loadEngines(): Promise<Engines | string> {
  const compile = await findFunction(COMPILER);
  const runNative = await findFunction(NATIVE);
  for (const found of [compile, runNative]) if (typeof found === 'string') return found;
  // Checked to be functions above; their signatures are the contract stated in Engines.
  return { compile, runNative } as Engines;
}
