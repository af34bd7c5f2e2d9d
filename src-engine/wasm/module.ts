// The compiler's view of a WebAssembly module: functions as nested instruction lists with
// canonical text-format names (`i32.add`, `local.get`, `memory.grow`), imports, globals,
// memory and data. wasm-to-module.ts builds it from the binary; the feature check and the
// lowering read it. Instruction order is the binary's, one entry per instruction, so that
// counts of WebAssembly instructions stay exact.

export type ValType = 'i32' | 'i64' | 'f32' | 'f64';

/** A block's result: none, one value type, or a type index (multi-value, refused). */
export type BlockResult = ValType | null | { typeIndex: number };

export type Instr =
  /** no immediates: numeric ops, drop, select, nop, return, unreachable, memory.size/grow */
  | { kind: 'op'; name: string }
  /** `lo`/`hi`: the unsigned 32-bit halves of an integer constant (hi = 0 for i32) */
  | { kind: 'const'; type: ValType; lo: number; hi: number }
  | { kind: 'local'; name: 'local.get' | 'local.set' | 'local.tee'; index: number }
  | { kind: 'global'; name: 'global.get' | 'global.set'; index: number }
  /** loads and stores, e.g. `i32.load8_u`, `i64.store32` */
  | { kind: 'memory'; name: string; offset: number }
  /** a direct call; `func` counts imports first, as in the binary */
  | { kind: 'call'; func: number }
  | { kind: 'call_indirect' }
  | { kind: 'br' | 'br_if'; depth: number }
  | { kind: 'br_table'; depths: number[]; fallback: number }
  | { kind: 'block' | 'loop'; result: BlockResult; body: Instr[] }
  | { kind: 'if'; result: BlockResult; then: Instr[]; else: Instr[] | null };

export interface Signature {
  params: ValType[];
  results: ValType[];
}

export interface WasmImport extends Signature {
  /** function index */
  index: number;
  module: string;
  name: string;
}

export interface WasmFunction extends Signature {
  /** function index (imports come first) */
  index: number;
  /** from the name section, else `func<index>` */
  name: string;
  /** declared locals after the parameters */
  locals: ValType[];
  body: Instr[];
}

export interface WasmGlobal {
  type: ValType;
  mutable: boolean;
  /** constant initial value as unsigned 32-bit halves, or null if not a constant */
  init: { lo: number; hi: number } | null;
}

export interface WasmData {
  /** constant start address, or null if not a constant (a relocatable module) */
  offset: number | null;
  bytes: Uint8Array;
}

export interface WasmModule {
  /** function imports, in index order */
  imports: WasmImport[];
  /** `module.name (kind)` of imports that are not functions */
  otherImports: string[];
  functions: WasmFunction[];
  globals: WasmGlobal[];
  /** memory limits in 64 KiB pages, or null if the module has no memory */
  memory: { min: number; max: number | null } | null;
  data: WasmData[];
  /** exported functions: export name → function index */
  exports: Map<string, number>;
  start: number | null;
}

/** Signature of function `index`, whether imported or defined. */
export function signatureOf(module: WasmModule, index: number): Signature {
  const fn =
    index < module.imports.length
      ? module.imports[index]
      : module.functions[index - module.imports.length];
  if (fn === undefined) throw new RangeError(`no function ${index}`);
  return fn;
}

/** Name of function `index` for messages. */
export function functionName(module: WasmModule, index: number): string {
  const imp = module.imports[index];
  if (imp !== undefined) return `${imp.module}.${imp.name}`;
  return module.functions[index - module.imports.length]?.name ?? `func${index}`;
}
