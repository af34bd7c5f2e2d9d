// Lowering unit tests on hand-written WebAssembly (module.ts form): operand folding, swapped
// comparisons, fused branches, zeroing of locals, call arguments, block results and the
// counting of WebAssembly instructions.

import { describe, expect, it } from 'vitest';
import { Flag, Op } from '../program/opcodes.ts';
import { runReference } from '../reference/interpreter.ts';
import { functionToCode } from './function-to-code.ts';
import type { Instr, ValType, WasmFunction, WasmImport, WasmModule } from './module.ts';
import { moduleToProgram } from './module-to-program.ts';

const get = (index: number): Instr => ({ kind: 'local', name: 'local.get', index });
const set = (index: number): Instr => ({ kind: 'local', name: 'local.set', index });
const tee = (index: number): Instr => ({ kind: 'local', name: 'local.tee', index });
const c = (value: number): Instr => ({ kind: 'const', type: 'i32', lo: value >>> 0, hi: 0 });
const op = (name: string): Instr => ({ kind: 'op', name });
const call = (func: number): Instr => ({ kind: 'call', func });

interface FnSpec {
  body: Instr[];
  params?: ValType[];
  results?: ValType[];
  locals?: ValType[];
}

const IMPORTS: WasmImport[] = [
  { index: 0, module: 'env', name: 'putchar', params: ['i32'], results: ['i32'] },
  { index: 1, module: 'env', name: 'getchar', params: [], results: ['i32'] },
];

/** A module of the machine's imports and the given functions; the first one is main. */
function moduleOf(...specs: FnSpec[]): WasmModule {
  const functions: WasmFunction[] = specs.map((s, i) => ({
    index: IMPORTS.length + i,
    name: i === 0 ? 'main' : `f${i}`,
    params: s.params ?? [],
    results: s.results ?? [],
    locals: s.locals ?? [],
    body: s.body,
  }));
  return {
    imports: IMPORTS,
    otherImports: [],
    functions,
    globals: [],
    memory: { min: 32, max: 32 },
    data: [],
    exports: new Map([['main', IMPORTS.length]]),
    start: null,
  };
}

function lower(spec: FnSpec, ...others: FnSpec[]) {
  const module = moduleOf(spec, ...others);
  return functionToCode({ module, globalRegs: [], helpers: new Map() }, module.functions[0]!).code;
}

/** Runs main (on `input`) through the reference; returns its output bytes and counts. */
function run(input: string, ...specs: FnSpec[]) {
  const result = runReference(moduleToProgram(moduleOf(...specs)), new TextEncoder().encode(input));
  return { output: [...result.output], wasm: result.wasmInstructions, steps: result.steps };
}

describe('lowering one function', () => {
  it('folds local.get, const and local.set into one instruction that writes the local', () => {
    const code = lower({
      params: ['i32'],
      results: ['i32'],
      locals: ['i32'],
      body: [get(0), c(5), op('i32.add'), set(1), get(1)],
    });
    expect(code[0]).toMatchObject({
      op: Op.ADD,
      dst: 1,
      a: 0,
      imm: 5,
      flags: Flag.B_IMM,
      wasmCount: 4,
    });
    expect(code[1]).toMatchObject({
      op: Op.MOV,
      dst: 255,
      a: 1,
      flags: Flag.DST_GLOBAL,
      wasmCount: 1,
    });
    expect(code[2]!.op).toBe(Op.RET);
    expect(code).toHaveLength(3);
  });

  it('compiles i32.gt_s as LT_S with the operands swapped, written straight to RV', () => {
    const code = lower({
      params: ['i32', 'i32'],
      results: ['i32'],
      body: [get(0), get(1), op('i32.gt_s')],
    });
    expect(code[0]).toMatchObject({
      op: Op.LT_S,
      a: 1,
      b: 0,
      dst: 255,
      flags: Flag.DST_GLOBAL,
      wasmCount: 3,
    });
  });

  it('fuses i32.eqz and br_if into one BR_IFZ', () => {
    const code = lower({
      params: ['i32'],
      results: ['i32'],
      body: [
        {
          kind: 'block',
          result: null,
          body: [get(0), op('i32.eqz'), { kind: 'br_if', depth: 0 }, c(7), op('return')],
        },
        c(9),
      ],
    });
    expect(code[0]).toMatchObject({ op: Op.BR_IFZ, a: 0, flags: 0, target: 3, wasmCount: 3 });
    expect(code.map((i) => i.op)).toEqual([Op.BR_IFZ, Op.MOV, Op.RET, Op.MOV, Op.RET]);
  });

  it('zeroes a declared local that may be read before it is written, and only that one', () => {
    const code = lower({
      params: ['i32'],
      results: ['i32'],
      locals: ['i32', 'i32'],
      body: [
        { kind: 'block', result: null, body: [get(0), { kind: 'br_if', depth: 0 }, c(1), set(1)] },
        c(2),
        set(2),
        get(1),
        get(2),
        op('i32.add'),
      ],
    });
    const zeroed = code.filter((i) => i.op === Op.MOV && i.flags === Flag.A_IMM && i.imm === 0);
    expect(zeroed.map((i) => i.dst)).toEqual([1]);
    expect(code[0]).toMatchObject({ op: Op.MOV, dst: 1, wasmCount: 0 });
  });

  it('writes a computed call argument straight into the callee frame and returns RV as is', () => {
    const code = lower(
      { params: ['i32'], results: ['i32'], body: [get(0), c(1), op('i32.add'), c(5), call(3)] },
      { params: ['i32', 'i32'], results: ['i32'], body: [get(0), get(1), op('i32.sub')] },
    );
    expect(code[0]).toMatchObject({ op: Op.ADD, dst: 0, flags: Flag.B_IMM | Flag.DST_CALLEE });
    expect(code[1]).toMatchObject({
      op: Op.MOV,
      dst: 1,
      imm: 5,
      flags: Flag.A_IMM | Flag.DST_CALLEE,
    });
    expect(code.slice(2).map((i) => i.op)).toEqual([Op.CALL, Op.RET]);
  });
});

describe('lowered code runs correctly', () => {
  it('keeps the old value of a local that is overwritten while a read of it is pending', () => {
    const body = [
      c(5),
      set(0),
      get(0),
      get(0),
      c(1),
      op('i32.add'),
      set(0),
      get(0),
      op('i32.add'),
      call(0),
      op('drop'),
    ];
    expect(run('', { locals: ['i32'], body }).output).toEqual([11]);
  });

  it('leaves a block result in the same register on every path', () => {
    const block: Instr = {
      kind: 'block',
      result: 'i32',
      body: [c(3), call(1), c(97), op('i32.eq'), { kind: 'br_if', depth: 0 }, op('drop'), c(4)],
    };
    const spec = { body: [block, call(0), op('drop')] };
    expect(run('a', spec).output).toEqual([3]);
    expect(run('b', spec).output).toEqual([4]);
  });

  it('br_if with a value leaves a live value in the target register alone if not taken', () => {
    const block: Instr = {
      kind: 'block',
      result: 'i32',
      body: [call(1), c(5), call(1), c(97), op('i32.eq'), { kind: 'br_if', depth: 0 }, op('drop')],
    };
    const spec = { body: [block, call(0), op('drop')] };
    expect(run('xa', spec).output).toEqual([5]);
    expect(run('xb', spec).output).toEqual([120]);
  });

  it('br_table carries a value to blocks of different depths', () => {
    const index: Instr[] = [call(1), c(48), op('i32.sub')];
    const table: Instr = { kind: 'br_table', depths: [1, 0], fallback: 1 };
    const mid: Instr = { kind: 'block', result: 'i32', body: [c(9), ...index, table] };
    const outer: Instr = { kind: 'block', result: 'i32', body: [mid, c(100), op('i32.add')] };
    const spec = { body: [outer, call(0), op('drop')] };
    expect(run('0', spec).output).toEqual([9]);
    expect(run('1', spec).output).toEqual([109]);
    expect(run('7', spec).output).toEqual([9]);
  });

  it('if and else leave their result in the same register', () => {
    const choose: Instr = { kind: 'if', result: 'i32', then: [c(1)], else: [c(2)] };
    const spec = { body: [call(1), c(97), op('i32.eq'), choose, call(0), op('drop')] };
    expect(run('a', spec).output).toEqual([1]);
    expect(run('b', spec).output).toEqual([2]);
  });

  it('counts each executed WebAssembly instruction once; block, loop and end count 0', () => {
    const loop: Instr = {
      kind: 'loop',
      result: null,
      body: [
        get(0),
        c(1),
        op('i32.add'),
        tee(0),
        c(10),
        op('i32.lt_s'),
        { kind: 'br_if', depth: 0 },
      ],
    };
    const body: Instr[] = [
      { kind: 'block', result: null, body: [loop] },
      get(0),
      call(0),
      op('drop'),
    ];
    const result = run('', { locals: ['i32'], body });
    expect(result.output).toEqual([10]);
    // 10 iterations of 7 instructions, then local.get, call and drop (the final end counts 0)
    expect(result.wasm).toBe(10 * 7 + 3);
    // the stub's ZERO move and CALL, the local's zeroing, 3 steps per iteration, OUT and RET,
    // then the stub's EXIT and HALT
    expect(result.steps).toBe(2 + 1 + 10 * 3 + 2 + 2);
  });
});
