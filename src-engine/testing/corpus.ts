// A seeded generator of random C programs for the differential tests (reference against native
// WebAssembly; the graph evaluator and the transformer, on both attention back-ends, against
// the reference). Each case reads its operands
// from its input so Clang cannot fold them away, then runs random statements: expressions over
// every i32 operation, branches, counted loops, switches (br_table), arrays of 8, 16 and 32 bits
// (signed and unsigned), globals, a noinline function and a recursion; it writes its results.
// A few cases trap on purpose (division by zero, INT_MIN / -1, unreachable, out of bounds),
// a few call exit from a nested function. Operands and results are raw 32-bit words (read_u and
// put_u in C_PRELUDE), not text, so a case runs in a few thousand tokens without libc's printf
// and scanf: short enough for the brute-force attention back-end to run the whole corpus.
// Cases can be bundled into one program that dispatches on the first input byte, so a corpus of
// hundreds of cases needs only a few compiles.

import { C_PRELUDE, cExpr, cWord } from './c-expr.ts';
import type { Scope } from './c-expr.ts';
import { Random } from './random.ts';

/** A standalone C program and the input to run it on. */
export interface CorpusCase {
  name: string;
  source: string;
  input: Uint8Array;
}

/** Several cases compiled as one program; each case's input starts with its dispatch byte. */
export interface CorpusBundle {
  name: string;
  source: string;
  cases: { name: string; input: Uint8Array }[];
}

/** One generated case before it becomes a program: its code, entry function and input. */
interface Unit {
  name: string;
  /** globals and functions, every name prefixed by the case's prefix */
  code: string;
  entry: string;
  input: Uint8Array;
}

const VARS = 6;
const ARRAY_LENGTH = 16;
const ARRAYS: [type: string, suffix: string][] = [
  ['signed char', 's8'],
  ['unsigned char', 'u8'],
  ['short', 's16'],
  ['unsigned short', 'u16'],
  ['int', 's32'],
];

/** Generation state of one case: its prefix, its random source, the text it is building. */
interface Gen {
  rnd: Random;
  p: string;
  scope: Scope;
  /** names assignable by statements (the case's value variables) */
  targets: string[];
  loopDepth: number;
  lines: string[];
}

const indent = (depth: number): string => '  '.repeat(depth);

/** A random statement list of `count` statements at `depth` (indentation and nesting). */
function statements(g: Gen, count: number, depth: number): void {
  for (let i = 0; i < count; i++) statement(g, depth);
}

function statement(g: Gen, depth: number): void {
  const { rnd, p } = g;
  const pad = indent(depth);
  const expr = (d = rnd.int(1, 3)): string => cExpr(rnd, g.scope, d);
  const target = rnd.pick(g.targets);
  const roll = rnd.int(0, 99);
  if (roll < 35) g.lines.push(`${pad}${target} = ${assignable(g, target, expr())};`);
  else if (roll < 47 && depth < 4) ifStatement(g, depth, expr(2));
  else if (roll < 57 && g.loopDepth < 2) loopStatement(g, depth);
  else if (roll < 67 && depth < 4) switchStatement(g, depth);
  else if (roll < 79) {
    const [type, suffix] = rnd.pick(ARRAYS);
    const index = `${rnd.pick(g.scope.vars)} & ${ARRAY_LENGTH - 1}u`;
    g.lines.push(`${pad}${p}${suffix}[${index}] = (${type})${expr()};`);
  } else if (roll < 85) g.lines.push(`${pad}${p}g${rnd.int(0, 1)} ^= ${expr()};`);
  else if (roll < 91) {
    g.lines.push(`${pad}${target} = ${p}f(${expr(1)}, ${expr(1)}, ${expr(1)});`);
  } else if (roll < 95) g.lines.push(`${pad}${target} = ${p}rec(${expr(1)} & 15u, ${expr(1)});`);
  else g.lines.push(`${pad}put_u(${target});`);
}

/** The expression, or a different one when it is the target itself (no self-assignment). */
const assignable = (g: Gen, target: string, expr: string): string =>
  expr === target ? cExpr(g.rnd, g.scope, 1) + ` + ${target}` : expr;

function ifStatement(g: Gen, depth: number, cond: string): void {
  const pad = indent(depth);
  g.lines.push(`${pad}if (${cond}) {`);
  statements(g, g.rnd.int(1, 3), depth + 1);
  if (g.rnd.chance(0.6)) {
    g.lines.push(`${pad}} else {`);
    statements(g, g.rnd.int(1, 2), depth + 1);
  }
  g.lines.push(`${pad}}`);
}

/** A loop of 1 to 8 rounds whose counter only it writes. */
function loopStatement(g: Gen, depth: number): void {
  const pad = indent(depth);
  const i = `${g.p}i${g.loopDepth}`;
  const bound = `(${g.rnd.pick(g.targets)} & 7u) + 1u`;
  g.lines.push(`${pad}for (unsigned ${i} = 0; ${i} < ${bound}; ${i}++) {`);
  const outer = g.scope;
  g.scope = { ...outer, vars: [...outer.vars, i] };
  g.loopDepth++;
  statements(g, g.rnd.int(1, 3), depth + 1);
  g.loopDepth--;
  g.scope = outer;
  g.lines.push(`${pad}}`);
}

/** A dense switch with side effects in its arms, so Clang emits br_table, not a lookup table. */
function switchStatement(g: Gen, depth: number): void {
  const pad = indent(depth);
  const arms = g.rnd.int(3, 7);
  g.lines.push(`${pad}switch (${g.rnd.pick(g.scope.vars)} & 7u) {`);
  for (let k = 0; k <= arms; k++) {
    g.lines.push(k < arms ? `${pad}case ${k}:` : `${pad}default:`);
    g.lines.push(`${indent(depth + 1)}putchar(${97 + k});`);
    statements(g, g.rnd.int(0, 1), depth + 1);
    if (g.rnd.chance(0.8)) g.lines.push(`${indent(depth + 1)}break;`);
  }
  g.lines.push(`${pad}}`);
}

/** Globals, arrays (some with initial data) and the two helper functions of a case. */
function declarations(g: Gen): string[] {
  const { rnd, p } = g;
  const lines = [`static unsigned ${p}g0, ${p}g1 = ${cWord(rnd.word())};`];
  for (const [type, suffix] of ARRAYS) {
    const init = rnd.chance(0.5)
      ? ` = {${Array.from({ length: ARRAY_LENGTH }, () => `(${type})${cWord(rnd.word())}`)}}`
      : '';
    lines.push(`static ${type} ${p}${suffix}[${ARRAY_LENGTH}]${init};`);
  }
  const params: Scope = { vars: ['a', 'b', 'c', `${p}g1`], arrays: [], arrayLength: 1 };
  lines.push(
    `__attribute__((noinline)) static unsigned ${p}f(unsigned a, unsigned b, unsigned c) {`,
    '  (void)a, (void)b, (void)c;',
    `  return ${cExpr(rnd, params, 3)};`,
    '}',
    `__attribute__((noinline)) static void ${p}stop(unsigned code) {`,
    '  put_u(code);',
    '  exit((int)code);',
    '}',
    `__attribute__((noinline)) static unsigned ${p}rec(unsigned n, unsigned x) {`,
    '  if (n == 0) return x;',
    `  return rotl(${p}rec(n - 1u, ${cExpr(rnd, { ...params, vars: ['n', 'x'] }, 2)}), n) ^ x;`,
    '}',
  );
  return lines;
}

/** Input bytes of operand words, as read_u reads them: 4 bytes each, least significant first. */
const wordBytes = (words: readonly number[]): number[] =>
  words.flatMap((w) => [w & 255, (w >>> 8) & 255, (w >>> 16) & 255, w >>> 24]);

/** What could go wrong on purpose at the end of a case, with the operands that make it happen. */
const TRAPS: [code: string, operands: number[]][] = [
  ['put_u((unsigned)((int)v0 / (int)read_u()));', [0]],
  ['put_u(v1 % read_u());', [0]],
  ['{ int x = (int)read_u(), y = (int)read_u(); put_u((unsigned)(x / y)); }', [2 ** 31, -1 >>> 0]],
  ['__builtin_trap();', []],
  ['put_u(*(volatile unsigned *)read_u());', [2 ** 32 - 4]],
  ['put_u(*(volatile unsigned char *)read_u());', [2 ** 21]],
];

/** Generates one case from its seed. */
function generateUnit(seed: number): Unit {
  const rnd = new Random(seed);
  const p = `c${seed}_`;
  const vars = Array.from({ length: VARS }, (_, k) => `v${k}`);
  const arrays = ARRAYS.map(([, suffix]) => `${p}${suffix}`);
  const scope: Scope = { vars: [...vars, `${p}g0`], arrays, arrayLength: ARRAY_LENGTH };
  const g: Gen = { rnd, p, scope, targets: vars, loopDepth: 0, lines: [] };
  const decls = declarations(g);

  const input = wordBytes(vars.map(() => rnd.word()));
  g.lines.push(`static void ${p}main(void) {`);
  if (rnd.chance(0.25)) {
    // read_to writes through pointers: the operands live in the stack frame in memory.
    g.lines.push(`  unsigned ${vars.join(', ')};`);
    for (const v of vars) g.lines.push(`  read_to(&${v});`);
  } else for (const v of vars) g.lines.push(`  unsigned ${v} = read_u();`);
  statements(g, rnd.int(6, 12), 1);
  const sums = ARRAYS.map(([, s]) => `(unsigned)${p}${s}[${rnd.int(0, ARRAY_LENGTH - 1)}]`);
  const all = [...vars, `${p}g0`, `${p}g1`, ...sums];
  for (const x of all) g.lines.push(`  put_u(${x});`);
  const ending = rnd.int(0, 99);
  if (ending < 10) {
    const [code, operands] = rnd.pick(TRAPS);
    g.lines.push(`  ${code}`);
    input.push(...wordBytes(operands));
  } else if (ending < 15) {
    g.lines.push(`  ${p}stop(v1);`); // exit inside a call: HALT, not RET
  } else if (ending < 40) {
    g.lines.push(
      '  int ch;',
      '  unsigned h = 7u;',
      '  while ((ch = getchar()) != -1) h = h * 31u + (unsigned)ch;',
      '  put_u(h);',
    );
    input.push(...Array.from({ length: rnd.int(0, 6) }, () => rnd.int(0, 255)));
  }
  return unit(g, decls, Uint8Array.from(input));
}

function unit(g: Gen, decls: string[], input: Uint8Array): Unit {
  g.lines.push('}');
  const code = [...decls, ...g.lines].join('\n');
  return { name: `corpus-${g.p.slice(1, -1)}`, code, entry: `${g.p}main`, input };
}

/** A standalone case: the prelude, the case and a main that calls it. */
export function generateCase(seed: number): CorpusCase {
  const unit = generateUnit(seed);
  const main = `int main(void) {\n  ${unit.entry}();\n  return 0;\n}\n`;
  return { name: unit.name, source: `${C_PRELUDE}\n${unit.code}\n\n${main}`, input: unit.input };
}

/** `count` cases with seeds `seed`, `seed + 1`, ... */
export const generateCorpus = (seed: number, count: number): CorpusCase[] =>
  Array.from({ length: count }, (_, k) => generateCase(seed + k));

/**
 * The same cases as generateCorpus, compiled `perBundle` at a time: main reads one byte and
 * calls the case with that index. Each case keeps its name and its own input after that byte.
 */
export function generateBundles(seed: number, count: number, perBundle: number): CorpusBundle[] {
  if (perBundle < 1 || perBundle > 256) throw new RangeError('perBundle must be 1..256');
  const bundles: CorpusBundle[] = [];
  for (let first = 0; first < count; first += perBundle) {
    const units = Array.from({ length: Math.min(perBundle, count - first) }, (_, k) =>
      generateUnit(seed + first + k),
    );
    const arms = units.map((u, k) => `    case ${k}: ${u.entry}(); break;`);
    const main = ['int main(void) {', '  switch (getchar()) {', ...arms, '  }', '  return 0;', '}'];
    const source = [C_PRELUDE, ...units.map((u) => u.code), main.join('\n')].join('\n\n') + '\n';
    const cases = units.map((u, k) => ({ name: u.name, input: Uint8Array.of(k, ...u.input) }));
    bundles.push({ name: `bundle-${seed + first}`, source, cases });
  }
  return bundles;
}
