// WebAssembly module → TokenProgram: checks features, lowers every function reachable from
// main, and lays the code out as one instruction list:
//
//   [entry stub] [main] [other functions, in module order]
//
// The stub runs once at depth 1, where the boot record lands: it sets each global to its
// initial value, the ZERO register and the registers of stored constants (store-constants.ts),
// zeroes the parameters main reads (argc 0, argv NULL) in the callee frame, calls main, and
// ends with EXIT of main's result (its exit status) and HALT; exit() ends the same way. Branch targets,
// function-relative until now, are moved by each function's start; CALLs get their callee's
// start. Machine limits are checked last, all at once.

import type { Diagnostic } from '../api.ts';
import { CompileError } from '../c/compile-error.ts';
import type { FunctionInfo, Instruction, TokenProgram } from '../program/instruction.ts';
import { instruction } from '../program/instruction.ts';
import { Flag, Machine, Op } from '../program/opcodes.ts';
import type { CheckOptions } from './check-features.ts';
import { checkFeatures, sourceName } from './check-features.ts';
import { dataImage } from './data-image.ts';
import type { FunctionCode, LoweringContext } from './function-to-code.ts';
import { functionToCode } from './function-to-code.ts';
import type { Instr, WasmFunction, WasmModule } from './module.ts';
import { Reserved } from './operand.ts';
import { MAX_STORE_CONSTANTS, frequentStoreConstants } from './store-constants.ts';
import { DIVIDE64_HELPERS, entryFunction } from './supported.ts';

export const ENTRY_STUB_NAME = '_start';

/** Global registers for the module's globals (an i64 takes two), from g0 up. */
function globalRegisters(module: WasmModule): number[] {
  let next = 0;
  return module.globals.map((g) => {
    const r = next;
    next += g.type === 'i64' ? 2 : 1;
    return r;
  });
}

function calledFrom(list: Instr[], helpers: ReadonlyMap<string, number>, out: number[]): void {
  for (const instr of list) {
    if (instr.kind === 'call') out.push(instr.func);
    else if (instr.kind === 'op' && helpers.has(instr.name)) out.push(helpers.get(instr.name)!);
    else if (instr.kind === 'block' || instr.kind === 'loop') calledFrom(instr.body, helpers, out);
    else if (instr.kind === 'if') {
      calledFrom(instr.then, helpers, out);
      calledFrom(instr.else ?? [], helpers, out);
    }
  }
}

/** Defined functions reachable from `entry`: the entry first, the rest in index order. */
function reachable(
  module: WasmModule,
  entry: number,
  helpers: ReadonlyMap<string, number>,
): WasmFunction[] {
  const seen = new Set<number>([entry]);
  const work = [entry];
  while (work.length > 0) {
    const fn = module.functions[work.pop()! - module.imports.length];
    if (fn === undefined) continue;
    const callees: number[] = [];
    calledFrom(fn.body, helpers, callees);
    for (const c of callees) {
      if (!seen.has(c) && c >= module.imports.length) {
        seen.add(c);
        work.push(c);
      }
    }
  }
  const order = [...seen].sort((x, y) => (x === entry ? -1 : y === entry ? 1 : x - y));
  return order.map((i) => module.functions[i - module.imports.length]!);
}

/** Whether a function reads its parameter `index`. */
function readsParam(list: Instr[], index: number): boolean {
  return list.some((instr) => {
    if (instr.kind === 'local') return instr.name === 'local.get' && instr.index === index;
    if (instr.kind === 'block' || instr.kind === 'loop') return readsParam(instr.body, index);
    if (instr.kind === 'if')
      return readsParam(instr.then, index) || readsParam(instr.else ?? [], index);
    return false;
  });
}

/**
 * Sets the globals, ZERO and the stored constants; zeroes the parameters main reads; calls
 * main, which is laid out right after the stub; exits with its result (0 if it has none).
 */
function entryStub(
  module: WasmModule,
  globalRegs: number[],
  constants: ReadonlyMap<number, number>,
  main: WasmFunction,
): Instruction[] {
  const stub: Instruction[] = [];
  const set = (dst: number, value: number, flags: number): void => {
    stub.push(
      instruction(Op.MOV, { dst, imm: value >>> 0, flags: flags | Flag.A_IMM, wasmCount: 0 }),
    );
  };
  module.globals.forEach((g, i) => {
    set(globalRegs[i]!, g.init?.lo ?? 0, Flag.DST_GLOBAL);
    if (g.type === 'i64') set(globalRegs[i]! + 1, g.init?.hi ?? 0, Flag.DST_GLOBAL);
  });
  set(Reserved.ZERO, 0, Flag.DST_GLOBAL);
  for (const [value, r] of constants) set(r, value, Flag.DST_GLOBAL);
  let r = 0;
  main.params.forEach((type, index) => {
    const read = readsParam(main.body, index);
    for (let k = 0; k < (type === 'i64' ? 2 : 1); k++, r++) if (read) set(r, 0, Flag.DST_CALLEE);
  });
  const end = stub.length + 3;
  stub.push(instruction(Op.CALL, { target: end, wasmCount: 0 }));
  const status =
    main.results.length > 0
      ? { a: Reserved.RV, flags: Flag.A_GLOBAL }
      : { imm: 0, flags: Flag.A_IMM };
  stub.push(instruction(Op.EXIT, { ...status, wasmCount: 0 }));
  stub.push(instruction(Op.HALT, { wasmCount: 0 }));
  return stub;
}

const BRANCHES: ReadonlySet<number> = new Set([Op.BR, Op.BR_IF, Op.BR_IFZ]);

/** Concatenates the functions, relocating branches and resolving calls. */
function layout(
  stub: Instruction[],
  codes: FunctionCode[],
): { instructions: Instruction[]; functions: FunctionInfo[] } {
  const instructions = [...stub];
  const functions: FunctionInfo[] = [{ name: ENTRY_STUB_NAME, entry: 0, length: stub.length }];
  const starts = new Map<number, number>();
  for (const fc of codes) {
    const start = instructions.length;
    starts.set(fc.index, start);
    functions.push({ name: fc.name, entry: start, length: fc.code.length });
    for (const ins of fc.code) {
      if (BRANCHES.has(ins.op)) ins.target += start;
      instructions.push(ins);
    }
  }
  for (const fc of codes) {
    for (const { at, func } of fc.calls) fc.code[at]!.target = starts.get(func)!;
  }
  return { instructions, functions };
}

function limits(
  codes: FunctionCode[],
  total: number,
  globals: number,
  options: CheckOptions,
): Diagnostic[] {
  const file = options.file ?? 'program.c';
  const problems: Diagnostic[] = [];
  const error = (where: { file: string; line: number; column: number }, message: string): void => {
    problems.push({ ...where, severity: 'error', message });
  };
  for (const fc of codes) {
    if (fc.registers > Machine.REGS_PER_FRAME) {
      const where = options.locate?.(sourceName(fc.name)) ?? { file, line: 0, column: 0 };
      error(
        where,
        `function '${sourceName(fc.name)}' needs ${fc.registers} registers per frame; the ` +
          `machine has ${Machine.REGS_PER_FRAME}: split it into smaller functions or use fewer ` +
          'local variables',
      );
    }
  }
  if (globals > Reserved.FIRST_RESERVED) {
    error(
      { file, line: 0, column: 0 },
      `the module needs ${globals} global registers; at most ` +
        `${Reserved.FIRST_RESERVED} are available`,
    );
  }
  if (total > Machine.MAX_INSTRUCTIONS) {
    error(
      { file, line: 0, column: 0 },
      `the program compiles to ${total} instructions; the ` +
        `machine addresses at most ${Machine.MAX_INSTRUCTIONS}: make the program smaller`,
    );
  }
  return problems;
}

/** Checks and lowers a module; throws CompileError('UNSUPPORTED' | 'LIMIT'). */
export function moduleToProgram(module: WasmModule, options: CheckOptions = {}): TokenProgram {
  const helperNames = new Map<string, string>(Object.entries(DIVIDE64_HELPERS));
  checkFeatures(module, { ...options, helpers: helperNames });
  const helpers = new Map<string, number>();
  for (const [op, name] of helperNames) {
    const index = module.exports.get(name);
    if (index !== undefined) helpers.set(op, index);
  }
  const helperIndices = new Set(helpers.values());
  const globalRegs = globalRegisters(module);
  const globals = module.globals.reduce((n, g) => n + (g.type === 'i64' ? 2 : 1), 0);
  const main = entryFunction(module.exports)!;
  const functions = reachable(module, main, helpers);
  const room = Math.min(MAX_STORE_CONSTANTS, Reserved.FIRST_RESERVED - globals);
  const stored = frequentStoreConstants(functions, room);
  const constants = new Map(stored.map((value, i) => [value, globals + i]));
  const ctx: LoweringContext = { module, globalRegs, helpers, constants };
  const codes = functions.map((fn) => functionToCode(ctx, fn, !helperIndices.has(fn.index)));
  const stub = entryStub(module, globalRegs, constants, functions[0]!);
  const { instructions, functions: infos } = layout(stub, codes);
  const problems = limits(codes, instructions.length, globals, options);
  if (problems.length > 0) throw new CompileError('LIMIT', problems);
  return {
    format: 'inweights-program',
    version: 1,
    instructions,
    data: dataImage(module.data),
    functions: infos,
    entry: 0,
  };
}
