// WebAssembly binary → WasmModule (module.ts). The engine's own WebAssembly.validate checks
// the binary first; @webassemblyjs/wasm-parser then decodes it. That parser was chosen over
// binaryen because it keeps the binary's stack-machine instruction sequence one to one
// (binaryen rebuilds expression trees and may add locals), which the lowering needs to fold
// operands and to count WebAssembly instructions exactly.

import type * as Ast from '@webassemblyjs/wasm-parser';
import { decode } from '@webassemblyjs/wasm-parser';
import { CompileError, programDiagnostic } from '../c/compile-error.ts';
import { isStackOverflow } from '../c/toolchain-limits.ts';
import { wasmRuntime } from '../native/webassembly-api.ts';
import type { BlockResult, Instr, ValType, WasmData, WasmFunction, WasmGlobal } from './module.ts';
import type { WasmImport, WasmModule, Signature } from './module.ts';

/**
 * The decoder recurses once per nested block, and the JavaScript stack runs out at roughly
 * 1500 to 2000 levels. Clang nests one block per case of a switch (around its br_table).
 */
const NESTING =
  'the program nests blocks more deeply than the WebAssembly decoder can follow: it ran out ' +
  'of stack (which happens at roughly 1500 to 2000 nested blocks). Clang nests one block ' +
  'per case of a switch, so split a switch of more than about 1500 cases into smaller ones ' +
  '(for example on the high and low bits of the value) or use a lookup table';

/** Validates and decodes a module; `file` names it in errors. */
export function wasmToModule(bytes: Uint8Array, file = 'program.wasm'): WasmModule {
  const invalid = (message: string): CompileError =>
    new CompileError('WASM_INVALID', [programDiagnostic(file, message)]);
  if (!wasmRuntime.validate(bytes)) throw invalid('not a valid WebAssembly module');
  let program: Ast.Program;
  try {
    program = decode(bytes, { ignoreCustomNameSection: true });
  } catch (error) {
    if (isStackOverflow(error)) {
      throw new CompileError('LIMIT', [programDiagnostic(file, NESTING)]);
    }
    throw invalid(`cannot decode the module: ${(error as Error).message}`);
  }
  const module = program.body[0];
  if (module === undefined) throw invalid('the binary holds no module');
  return convertModule(module);
}

function convertModule(ast: Ast.Module): WasmModule {
  const names = new Map((ast.metadata.functionNames ?? []).map((n) => [n.index, n.value]));
  const module: WasmModule = {
    imports: [],
    otherImports: [],
    functions: [],
    globals: [],
    memory: null,
    data: [],
    exports: new Map(),
    start: null,
  };
  for (const field of ast.fields) {
    switch (field.type) {
      case 'ModuleImport':
        addImport(module, field);
        break;
      case 'Func': {
        const index = module.imports.length + module.functions.length;
        module.functions.push(convertFunction(field, index, names.get(index)));
        break;
      }
      case 'Global':
        module.globals.push(convertGlobal(field));
        break;
      case 'Memory':
        module.memory = { min: field.limits.min, max: field.limits.max ?? null };
        break;
      case 'Data':
        module.data.push(convertData(field));
        break;
      case 'ModuleExport':
        if (field.descr.exportType === 'Func') module.exports.set(field.name, field.descr.id.value);
        break;
      case 'Start':
        module.start = field.index.value;
        break;
      default:
        break;
    }
  }
  return module;
}

function addImport(module: WasmModule, field: Ast.ModuleImport): void {
  const { descr } = field;
  if (descr.type === 'FuncImportDescr') {
    const index = module.imports.length;
    const imp: WasmImport = {
      index,
      module: field.module,
      name: field.name,
      ...signature(descr.signature),
    };
    module.imports.push(imp);
  } else {
    module.otherImports.push(`${field.module}.${field.name} (${descr.type})`);
  }
}

const signature = (sig: Ast.Signature): Signature => ({
  params: sig.params.map((p) => valType(p.valtype)),
  results: sig.results.map(valType),
});

/** The parser spells i32/i64 loads' and stores' type `u32`/`u64`. */
function valType(name: string): ValType {
  switch (name) {
    case 'i32':
    case 'u32':
      return 'i32';
    case 'i64':
    case 'u64':
      return 'i64';
    case 'f32':
    case 'f64':
      return name;
    default:
      throw new CompileError('WASM_INVALID', [
        programDiagnostic('program.wasm', `unsupported value type ${name}`),
      ]);
  }
}

function convertFunction(fn: Ast.Func, index: number, name?: string): WasmFunction {
  const locals: ValType[] = [];
  const body: Ast.Instruction[] = [];
  for (const instr of fn.body) {
    if (instr.type === 'Instr' && instr.id === 'local') {
      for (const arg of instr.args)
        if (arg.type === 'ValtypeLiteral') locals.push(valType(arg.name));
    } else {
      body.push(instr);
    }
  }
  return {
    index,
    name: name ?? `func${index}`,
    ...signature(fn.signature),
    locals,
    body: convertBody(body),
  };
}

function convertGlobal(global: Ast.Global): WasmGlobal {
  const first = global.init[0];
  const init = first !== undefined && first.type === 'Instr' ? constantOf(first) : null;
  return {
    type: valType(global.globalType.valtype),
    mutable: global.globalType.mutability === 'var',
    init,
  };
}

function convertData(data: Ast.Data): WasmData {
  const offset = data.offset.type === 'Instr' ? constantOf(data.offset) : null;
  return { offset: offset === null ? null : offset.lo, bytes: Uint8Array.from(data.init.values) };
}

/** The value of an integer `const` instruction as unsigned halves, else null. */
function constantOf(instr: Ast.PlainInstr): { lo: number; hi: number } | null {
  if (instr.id !== 'const') return null;
  const arg = instr.args[0];
  if (arg?.type === 'NumberLiteral') return { lo: arg.value >>> 0, hi: 0 };
  if (arg?.type === 'LongNumberLiteral')
    return { lo: arg.value.low >>> 0, hi: arg.value.high >>> 0 };
  return { lo: 0, hi: 0 };
}

/** Converts an instruction list, dropping the `end` markers the parser keeps. */
function convertBody(list: Ast.Instruction[]): Instr[] {
  const out: Instr[] = [];
  for (const instr of list) {
    if (instr.type === 'Instr' && instr.id === 'end') continue;
    out.push(convertInstr(instr));
  }
  return out;
}

function convertInstr(instr: Ast.Instruction): Instr {
  switch (instr.type) {
    case 'BlockInstruction':
      return { kind: 'block', result: blockResult(instr.result), body: convertBody(instr.instr) };
    case 'LoopInstruction':
      return {
        kind: 'loop',
        result: blockResult(instr.resulttype),
        body: convertBody(instr.instr),
      };
    case 'IfInstruction': {
      const alternate = instr.alternate.filter((i) => !(i.type === 'Instr' && i.id === 'end'));
      const result = blockResult(instr.result);
      return {
        kind: 'if',
        result,
        then: convertBody(instr.consequent),
        else: alternate.length > 0 ? convertBody(alternate) : null,
      };
    }
    case 'CallInstruction':
      return { kind: 'call', func: instr.index.value };
    case 'CallIndirectInstruction':
      return { kind: 'call_indirect' };
    case 'Instr':
      return convertPlain(instr);
  }
}

function blockResult(result: Ast.BlockResult): BlockResult {
  if (result === null || result === undefined) return null;
  if (typeof result === 'number') return { typeIndex: result };
  return valType(result);
}

const index = (instr: Ast.PlainInstr, k = 0): number => {
  const arg = instr.args[k];
  return arg?.type === 'NumberLiteral' ? arg.value : 0;
};

const LOCAL_NAMES: Record<string, 'local.get' | 'local.set' | 'local.tee'> = {
  get_local: 'local.get',
  set_local: 'local.set',
  tee_local: 'local.tee',
};

function convertPlain(instr: Ast.PlainInstr): Instr {
  const { id } = instr;
  const local = LOCAL_NAMES[id];
  if (local !== undefined) return { kind: 'local', name: local, index: index(instr) };
  if (id === 'get_global' || id === 'set_global') {
    return {
      kind: 'global',
      name: id === 'get_global' ? 'global.get' : 'global.set',
      index: index(instr),
    };
  }
  if (id === 'br' || id === 'br_if') return { kind: id, depth: index(instr) };
  if (id === 'br_table') {
    const depths = instr.args.map((_, k) => index(instr, k));
    const fallback = depths.pop() ?? 0;
    return { kind: 'br_table', depths, fallback };
  }
  const name = canonicalName(instr);
  if (id === 'const') {
    const value = constantOf(instr) ?? { lo: 0, hi: 0 };
    return { kind: 'const', type: valType(instr.object ?? 'i32'), ...value };
  }
  if (instr.namedArgs?.offset !== undefined) {
    return { kind: 'memory', name, offset: instr.namedArgs.offset.value };
  }
  return { kind: 'op', name };
}

/**
 * The text-format name: `wrap/i64` on i32 → `i32.wrap_i64`, `trunc_s/f32` on i64 →
 * `i64.trunc_f32_s`, `current_memory` → `memory.size`, loads' `u32` → `i32`.
 */
function canonicalName(instr: Ast.PlainInstr): string {
  const { id, object } = instr;
  if (id === 'current_memory') return 'memory.size';
  if (id === 'grow_memory') return 'memory.grow';
  if (object === undefined) return id;
  const type = object === 'u32' ? 'i32' : object === 'u64' ? 'i64' : object;
  const slash = /^(\w+?)(_[su])?\/(\w+)$/.exec(id);
  if (slash === null) return `${type}.${id}`;
  const [, op, sign, from] = slash;
  return `${type}.${op}_${from}${sign ?? ''}`;
}
