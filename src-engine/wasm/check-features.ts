// The static pass that runs before lowering: it walks the whole module and lists every
// construct the register machine cannot run — each instruction kind once per function, with
// how often it occurs, why it is refused and what to do instead — then fails once with all
// of them. Limits that only lowering can measure (registers, instruction count) are checked in
// module-to-program.ts in the same spirit.

import type { Diagnostic } from '../api.ts';
import { CompileError } from '../c/compile-error.ts';
import { Machine } from '../program/opcodes.ts';
import type { Instr, Signature, ValType, WasmFunction, WasmModule } from './module.ts';
import { MACHINE_IMPORTS, SUPPORTED_MEMORY, SUPPORTED_OPS, entryFunction } from './supported.ts';

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface CheckOptions {
  /** file named by diagnostics that concern the whole program */
  file?: string;
  /** where a function is defined in the source, if known */
  locate?: (functionName: string) => SourceLocation | undefined;
  /** libc helper for each i64 division instruction, by instruction name */
  helpers?: ReadonlyMap<string, string>;
}

const FLOAT =
  'floating point is not supported: the machine has only 32-bit integer registers; ' +
  'use integer or fixed-point arithmetic';
const INDIRECT =
  'calls through function pointers are not supported: the machine calls fixed addresses ' +
  'only; call functions by name (for example, dispatch with a switch)';
const GROW =
  'memory cannot grow: it is fixed at 2 MiB; use static arrays or malloc, which allocates ' +
  'within that memory';
const BULK = 'bulk memory instructions are not supported; the libc copies memory with loops';
const OTHER = 'the register machine has no equivalent of this instruction';

/** Why an instruction is refused, or null if the lowering handles it. */
function refusal(
  instr: Instr,
  helpers: ReadonlyMap<string, string>,
  module: WasmModule,
): string | null {
  switch (instr.kind) {
    case 'call_indirect':
      return INDIRECT;
    case 'const':
      return instr.type === 'f32' || instr.type === 'f64' ? FLOAT : null;
    case 'memory':
      if (SUPPORTED_MEMORY.has(instr.name)) return null;
      return isFloat(instr.name) ? FLOAT : OTHER;
    case 'op':
      return opRefusal(instr.name, helpers, module);
    case 'block':
    case 'loop':
    case 'if':
      return instr.result !== null && typeof instr.result === 'object'
        ? 'blocks with several results (multi-value) are not supported'
        : instr.result === 'f32' || instr.result === 'f64'
          ? FLOAT
          : null;
    default:
      return null;
  }
}

const isFloat = (name: string): boolean => /(^f(32|64)\.)|_f(32|64)/.test(name);

function opRefusal(
  name: string,
  helpers: ReadonlyMap<string, string>,
  module: WasmModule,
): string | null {
  const helper = helpers.get(name);
  if (helper !== undefined && !module.exports.has(helper)) {
    return `64-bit division needs the libc function ${helper}, which this module does not export`;
  }
  if (SUPPORTED_OPS.has(name)) return null;
  if (isFloat(name)) return FLOAT;
  if (name === 'memory.grow') return GROW;
  if (/^(memory\.(copy|fill|init)|data\.drop)$/.test(name)) return BULK;
  return OTHER;
}

/** The instruction's text-format name (`f32.mul`, `f64.const`, `call_indirect`). */
const instrName = (instr: Instr): string =>
  instr.kind === 'op' || instr.kind === 'memory'
    ? instr.name
    : instr.kind === 'const'
      ? `${instr.type}.const`
      : instr.kind;

function walk(list: Instr[], visit: (instr: Instr) => void): void {
  for (const instr of list) {
    visit(instr);
    if (instr.kind === 'block' || instr.kind === 'loop') walk(instr.body, visit);
    if (instr.kind === 'if') {
      walk(instr.then, visit);
      if (instr.else !== null) walk(instr.else, visit);
    }
  }
}

/** C's name of a function: clang renames `main` when it wraps it for the WebAssembly ABI. */
export function sourceName(name: string): string {
  return name === '__original_main' || name === '__main_argc_argv' ? 'main' : name;
}

/** Refusals within one function, one message per reason listing what triggered it. */
function functionRefusals(
  fn: WasmFunction,
  module: WasmModule,
  helpers: ReadonlyMap<string, string>,
): string[] {
  const found = new Map<string, Map<string, number>>();
  const note = (what: string, reason: string): void => {
    const whats = found.get(reason) ?? new Map<string, number>();
    whats.set(what, (whats.get(what) ?? 0) + 1);
    found.set(reason, whats);
  };
  typeProblems(fn).forEach((what) => note(what, FLOAT));
  if (fn.results.length > 1)
    note('several results', 'functions returning several values are not supported');
  walk(fn.body, (instr) => {
    const reason = refusal(instr, helpers, module);
    if (reason !== null) note(instrName(instr), reason);
  });
  return [...found].map(([reason, whats]) => {
    const list = [...whats].map(([what, n]) => (n > 1 ? `${what} (${n} times)` : what));
    return `function '${sourceName(fn.name)}' uses ${list.join(', ')}: ${reason}`;
  });
}

const isFloatType = (t: ValType): boolean => t === 'f32' || t === 'f64';

function typeProblems(fn: WasmFunction): string[] {
  const problems: string[] = [];
  fn.params.forEach((t) => isFloatType(t) && problems.push(`${t} parameters`));
  fn.results.forEach((t) => isFloatType(t) && problems.push(`an ${t} result`));
  fn.locals.forEach((t) => isFloatType(t) && problems.push(`${t} variables`));
  return [...new Set(problems)];
}

const signatureText = (s: Signature): string =>
  `(${s.params.join(', ')}) -> ${s.results.length === 0 ? '()' : s.results.join(', ')}`;

/** Problems of the module as a whole: imports, memory, data, start, main. */
function moduleRefusals(module: WasmModule): string[] {
  const problems: string[] = [];
  for (const imp of module.imports) {
    const expected = MACHINE_IMPORTS.get(imp.name);
    if (imp.module !== 'env' || expected === undefined) {
      problems.push(
        `the program calls ${imp.module}.${imp.name}, which is not defined: only putchar, ` +
          'getchar and exit are provided by the machine; define the function in C',
      );
    } else if (signatureText(imp) !== expected) {
      problems.push(
        `${imp.name} is imported as ${signatureText(imp)}; the machine's is ${expected}`,
      );
    }
  }
  for (const other of module.otherImports)
    problems.push(`the module imports ${other}; the machine provides none`);
  const pages = Machine.MEM_SIZE / 65536;
  if (module.memory === null || module.memory.min !== pages) {
    problems.push(
      `the module must have exactly ${pages} pages (2 MiB) of memory, as the compiler links it`,
    );
  }
  for (const segment of module.data) {
    const end = (segment.offset ?? 0) + segment.bytes.length;
    if (segment.offset === null || segment.offset < Machine.DATA_BASE || end > Machine.MEM_SIZE) {
      problems.push(`a data segment lies outside [${Machine.DATA_BASE}, ${Machine.MEM_SIZE})`);
    }
  }
  module.globals.forEach((g, i) => {
    if (isFloatType(g.type)) problems.push(`global ${i} has type ${g.type}: ${FLOAT}`);
    if (g.init === null) problems.push(`global ${i} has an initial value that is not a constant`);
  });
  if (module.start !== null)
    problems.push('the module has a start function, which the machine never calls');
  if (entryFunction(module.exports) === undefined) {
    problems.push('the program has no main function');
  }
  return problems;
}

/** Throws a CompileError listing every unsupported construct, or returns if there is none. */
export function checkFeatures(module: WasmModule, options: CheckOptions = {}): void {
  const file = options.file ?? 'program.c';
  const helpers = options.helpers ?? new Map<string, string>();
  const diagnostics: Diagnostic[] = moduleRefusals(module).map((message) => ({
    file,
    line: 0,
    column: 0,
    severity: 'error',
    message,
  }));
  for (const fn of module.functions) {
    const where = options.locate?.(sourceName(fn.name)) ?? { file, line: 0, column: 0 };
    for (const message of functionRefusals(fn, module, helpers)) {
      diagnostics.push({ ...where, severity: 'error', message });
    }
  }
  if (diagnostics.length > 0) throw new CompileError('UNSUPPORTED', diagnostics);
}
