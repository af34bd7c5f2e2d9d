// Every i64 operation and every i32 binary operation, lowered from hand-written WebAssembly
// with each operand a constant, a local or (i64) a zero-extended i32, on edge values, run on
// the reference and compared with BigInt. An instruction has one immediate field, so wherever
// two constants meet, the lowering must fold, split or move one of them; an operand shape it
// forgets shows up here as an internal error or a wrong value.

import { describe, expect, it } from 'vitest';
import { Op } from '../program/opcodes.ts';
import { runReference } from '../reference/interpreter.ts';
import { alu } from '../testing/oracle.ts';
import type { Instr, WasmModule } from './module.ts';
import { moduleToProgram } from './module-to-program.ts';

const u64 = (x: bigint): bigint => BigInt.asUintN(64, x);
const s64 = (x: bigint): bigint => BigInt.asIntN(64, x);
const u32 = (x: bigint): bigint => BigInt.asUintN(32, x);
const bit = (c: boolean): bigint => (c ? 1n : 0n);
const hex = (x: bigint): string => x.toString(16).padStart(16, '0');

/** Zero, a small value, values just over 16 and 32 bits, a negative one, the sign bit, a mix. */
const VALUES = [0n, 3n, 65537n, (1n << 32n) + 1n, u64(-3n), 1n << 63n, 0x0123456789abcdefn];
/** main's locals: VALUES as i64 locals, then their low words as i32 locals */
const I32_BASE = VALUES.length;

const get = (index: number): Instr => ({ kind: 'local', name: 'local.get', index });
const set = (index: number): Instr => ({ kind: 'local', name: 'local.set', index });
const op = (name: string): Instr => ({ kind: 'op', name });
const const64 = (v: bigint): Instr => ({
  kind: 'const',
  type: 'i64',
  lo: Number(v & 0xffffffffn),
  hi: Number(v >> 32n),
});
const const32 = (v: bigint): Instr => ({ kind: 'const', type: 'i32', lo: Number(u32(v)), hi: 0 });
/** calls out64 (function 3), which prints its i64 argument as 8 bytes */
const print: Instr = { kind: 'call', func: 3 };

/** An operand as code that pushes it, with a label and the value it has. */
interface Operand {
  label: string;
  value: bigint;
  code: Instr[];
}

const operands64: Operand[] = VALUES.flatMap((v, i) => [
  { label: `const ${hex(v)}`, value: v, code: [const64(v)] },
  { label: `local ${hex(v)}`, value: v, code: [get(i)] },
  {
    label: `zext ${hex(u32(v))}`,
    value: u32(v),
    code: [get(I32_BASE + i), op('i64.extend_i32_u')],
  },
]);

const operands32: Operand[] = VALUES.flatMap((v, i) => [
  { label: `const ${hex(u32(v))}`, value: u32(v), code: [const32(v)] },
  { label: `local ${hex(u32(v))}`, value: u32(v), code: [get(I32_BASE + i)] },
]);

/** Prints the 8 bytes of local 0, least significant first. */
const out64Body: Instr[] = Array.from({ length: 8 }, (_, k) => [
  get(0),
  const64(BigInt(8 * k)),
  op('i64.shr_u'),
  op('i32.wrap_i64'),
  { kind: 'call', func: 0 } as Instr,
  op('drop'),
]).flat();

/** Runs main's body (after the locals are set) and returns the printed i64 values. */
function run(body: Instr[]): bigint[] {
  const prologue = VALUES.flatMap((v, i) => [const64(v), set(i), const32(v), set(I32_BASE + i)]);
  const module: WasmModule = {
    imports: [
      { index: 0, module: 'env', name: 'putchar', params: ['i32'], results: ['i32'] },
      { index: 1, module: 'env', name: 'getchar', params: [], results: ['i32'] },
    ],
    otherImports: [],
    functions: [
      {
        index: 2,
        name: 'main',
        params: [],
        results: [],
        locals: [...VALUES.map(() => 'i64' as const), ...VALUES.map(() => 'i32' as const)],
        body: [...prologue, ...body],
      },
      { index: 3, name: 'out64', params: ['i64'], results: [], locals: [], body: out64Body },
    ],
    globals: [],
    memory: { min: 32, max: 32 },
    data: [],
    exports: new Map([['main', 2]]),
    start: null,
  };
  const result = runReference(moduleToProgram(module), new Uint8Array());
  expect(result.end).toBe('halted');
  const bytes = result.output;
  return Array.from({ length: bytes.length / 8 }, (_, n) =>
    bytes.slice(8 * n, 8 * n + 8).reduceRight((acc, b) => (acc << 8n) | BigInt(b), 0n),
  );
}

/** A case: what it computes, the code (ending with the value to print) and the expected value. */
interface Case {
  label: string;
  code: Instr[];
  expected: bigint;
}

/** Runs the cases in one program and compares each printed value with its expectation. */
function check(cases: Case[]): void {
  const printed = run(cases.flatMap((c) => [...c.code, print]));
  const got = cases.map((c, n) => `${c.label} = ${hex(printed[n] ?? -1n)}`);
  expect(got).toEqual(cases.map((c) => `${c.label} = ${hex(c.expected)}`));
}

const pairs = <T>(xs: T[]): [T, T][] => xs.flatMap((x) => xs.map((y): [T, T] => [x, y]));

const k = (b: bigint): bigint => b & 63n;
const rotl = (a: bigint, n: bigint): bigint => u64((a << k(n)) | (a >> ((64n - k(n)) & 63n)));

/** The i64 binary operations; comparisons give an i32, printed zero-extended. */
const BINARY64: [string, (a: bigint, b: bigint) => bigint, boolean?][] = [
  ['add', (a, b) => u64(a + b)],
  ['sub', (a, b) => u64(a - b)],
  ['mul', (a, b) => u64(a * b)],
  ['and', (a, b) => a & b],
  ['or', (a, b) => a | b],
  ['xor', (a, b) => a ^ b],
  ['shl', (a, b) => u64(a << k(b))],
  ['shr_u', (a, b) => a >> k(b)],
  ['shr_s', (a, b) => u64(s64(a) >> k(b))],
  ['rotl', (a, b) => rotl(a, b)],
  ['rotr', (a, b) => rotl(a, 64n - k(b))],
  ['eq', (a, b) => bit(a === b), true],
  ['ne', (a, b) => bit(a !== b), true],
  ['lt_u', (a, b) => bit(a < b), true],
  ['lt_s', (a, b) => bit(s64(a) < s64(b)), true],
  ['le_u', (a, b) => bit(a <= b), true],
  ['le_s', (a, b) => bit(s64(a) <= s64(b)), true],
  ['gt_u', (a, b) => bit(a > b), true],
  ['gt_s', (a, b) => bit(s64(a) > s64(b)), true],
  ['ge_u', (a, b) => bit(a >= b), true],
  ['ge_s', (a, b) => bit(s64(a) >= s64(b)), true],
];

const countBits = (a: bigint, from: 'top' | 'bottom'): bigint => {
  let n = 0n;
  const at = (i: bigint): bigint => (from === 'top' ? 63n - i : i);
  while (n < 64n && ((a >> at(n)) & 1n) === 0n) n++;
  return n;
};

/** The i64 unary operations and conversions (eqz and wrap give an i32). */
const UNARY64: [string, (a: bigint) => bigint, boolean?][] = [
  ['i64.eqz', (a) => bit(a === 0n), true],
  ['i64.clz', (a) => countBits(a, 'top')],
  ['i64.ctz', (a) => countBits(a, 'bottom')],
  ['i64.popcnt', (a) => BigInt([...a.toString(2)].filter((c) => c === '1').length)],
  ['i64.extend8_s', (a) => u64(BigInt.asIntN(8, a))],
  ['i64.extend16_s', (a) => u64(BigInt.asIntN(16, a))],
  ['i64.extend32_s', (a) => u64(BigInt.asIntN(32, a))],
  ['i32.wrap_i64', (a) => u32(a), true],
];

/** i32 semantics from the machine's ALU model: gt and ge are lt and le, swapped. */
function i32Semantics(name: string): (a: bigint, b: bigint) => bigint | null {
  const swapped = /^(gt|ge)_([su])$/.exec(name);
  const opName = swapped ? `${swapped[1] === 'gt' ? 'lt' : 'le'}_${swapped[2]}` : name;
  const code = Op[opName.toUpperCase() as keyof typeof Op];
  return (a, b) => {
    const r = swapped ? alu(code, Number(b), Number(a)) : alu(code, Number(a), Number(b));
    return 'value' in r ? BigInt(r.value) : null;
  };
}

const I32_BINARY = (
  'add sub mul div_s div_u rem_s rem_u and or xor shl shr_s shr_u rotl rotr ' +
  'eq ne lt_s lt_u le_s le_u gt_s gt_u ge_s ge_u'
).split(' ');

describe('lowering with constants in any operand position', () => {
  for (const [name, f, toI32] of BINARY64) {
    it(`i64.${name} is right for constant, local and zero-extended operands`, () => {
      const widen = toI32 ? [op('i64.extend_i32_u')] : [];
      check(
        pairs(operands64).map(([a, b]) => ({
          label: `${a.label} ${name} ${b.label}`,
          code: [...a.code, ...b.code, op(`i64.${name}`), ...widen],
          expected: f(a.value, b.value),
        })),
      );
    });
  }

  it('i64 unary operations and conversions are right for every operand shape', () => {
    check(
      UNARY64.flatMap(([name, f, toI32]) =>
        operands64.map((a) => ({
          label: `${name} ${a.label}`,
          code: [...a.code, op(name), ...(toI32 ? [op('i64.extend_i32_u')] : [])],
          expected: f(a.value),
        })),
      ),
    );
  });

  it('i64.extend_i32_s and _u are right for constant and local operands', () => {
    check(
      operands32.flatMap((a) => [
        {
          label: `s ${a.label}`,
          code: [...a.code, op('i64.extend_i32_s')],
          expected: u64(BigInt.asIntN(32, a.value)),
        },
        { label: `u ${a.label}`, code: [...a.code, op('i64.extend_i32_u')], expected: a.value },
      ]),
    );
  });

  it('i64 select is right for every shape of the values and of the condition', () => {
    const conditions = operands32.filter((c) => c.value === 0n || c.value === 3n);
    check(
      conditions.flatMap((c) =>
        pairs(operands64).map(([a, b]) => ({
          label: `${c.label} ? ${a.label} : ${b.label}`,
          code: [...a.code, ...b.code, ...c.code, op('select')],
          expected: c.value !== 0n ? a.value : b.value,
        })),
      ),
    );
  });

  it('i64 stores and loads are right for constant and local addresses and values', () => {
    // address 4096: a constant, or a local holding 0 plus the offset
    const addresses = operands32.filter((a) => a.value === 0n);
    const offset = 4096;
    const stores: [string, string, (v: bigint) => bigint][] = [
      ['i64.store', 'i64.load', (v) => v],
      ['i64.store32', 'i64.load32_s', (v) => u64(BigInt.asIntN(32, v))],
      ['i64.store16', 'i64.load16_u', (v) => v & 0xffffn],
      ['i64.store8', 'i64.load8_s', (v) => u64(BigInt.asIntN(8, v))],
    ];
    check(
      stores.flatMap(([store, load, f]) =>
        addresses.flatMap((at) =>
          operands64.map((v) => ({
            label: `${store} of ${v.label} at ${at.label}`,
            code: [
              ...at.code,
              ...v.code,
              { kind: 'memory', name: store, offset } as Instr,
              ...at.code,
              { kind: 'memory', name: load, offset } as Instr,
            ],
            expected: f(v.value),
          })),
        ),
      ),
    );
  });

  it('every i32 binary operation is right for constant and local operands', () => {
    const cases = I32_BINARY.flatMap((name) => {
      const f = i32Semantics(name);
      return pairs(operands32).flatMap(([a, b]) => {
        const expected = f(a.value, b.value);
        if (expected === null) return []; // traps (division by zero, INT_MIN / -1)
        const code = [...a.code, ...b.code, op(`i32.${name}`), op('i64.extend_i32_u')];
        return [{ label: `${a.label} ${name} ${b.label}`, code, expected }];
      });
    });
    check(cases);
  });
});
