// The native runner: program input reaches the program byte for byte (whatever the bytes),
// traps come back with the machine's messages, and exit ends a run as a halt. The reference
// interpreter runs the same token programs, so the prompt's input layout is checked too.

import { describe, expect, it } from 'vitest';
import { compileC } from '../c/compile.ts';
import type { CompileResult } from '../c/compile.ts';
import { runReference } from '../reference/interpreter.ts';
import { runNative } from './run.ts';

const ECHO = `#include <stdio.h>
int main(void) {
  for (int c = getchar(); c != EOF; c = getchar()) putchar(c);
  return 0;
}`;

const TRAPS = `#include <stdio.h>
#include <stdlib.h>
static volatile int zero, minus_one = -1;
int main(void) {
  int c = getchar();
  putchar('>');
  if (c == 'd') putchar(c / zero);
  if (c == 'o') putchar((c - 'o' - 2147483647 - 1) / minus_one);
  if (c == 'm') putchar(*(volatile int *)(2 * 1024 * 1024 - 2));
  if (c == 'u') abort();
  if (c == 'e') exit(3);
  return 0;
}`;

let echo: Promise<CompileResult> | undefined;
let traps: Promise<CompileResult> | undefined;

const INPUTS: [string, number[]][] = [
  ['empty input', []],
  ['one byte', [0x41]],
  ['two bytes', [0x41, 0x0a]],
  ['a NUL byte', [0]],
  ['NUL bytes around text', [0, 0x61, 0, 0x62, 0]],
  ['bytes 0x80 to 0xff', Array.from({ length: 128 }, (_, i) => 0x80 + i)],
  ['braces, quotes and newlines', [...new TextEncoder().encode('{"a": [1, 2]}\n\r\n}{')]],
  ['every byte value', Array.from({ length: 256 }, (_, i) => i)],
  ['0xff, the byte that looks like EOF', [0xff, 0xff]],
];

describe('program input', () => {
  for (const [name, bytes] of INPUTS) {
    it(`reaches the program intact: ${name}`, async () => {
      echo ??= compileC(ECHO);
      const { wasm, program } = await echo;
      const input = Uint8Array.from(bytes);
      const native = await runNative(wasm, input);
      expect([...native.output]).toEqual(bytes);
      expect(native.halted).toBe(true);
      const reference = runReference(program, input);
      expect([...reference.output]).toEqual(bytes);
      expect(reference.end).toBe('halted');
    });
  }
});

describe('ends of a run', () => {
  const cases: [string, string, string | null][] = [
    ['d', 'a division by zero traps with the machine message', 'integer divide by zero'],
    ['o', 'INT_MIN / -1 traps as an integer overflow', 'integer overflow'],
    ['m', 'a load past the end of memory traps as out of bounds', 'out of bounds memory access'],
    ['u', 'abort() traps as unreachable', 'unreachable executed'],
    ['e', 'exit() halts the run', null],
    ['x', 'returning from main halts the run', null],
  ];
  for (const [input, name, trap] of cases) {
    it(name, async () => {
      traps ??= compileC(TRAPS);
      const { wasm, program } = await traps;
      const bytes = new TextEncoder().encode(input);
      const native = await runNative(wasm, bytes);
      expect(native.trap).toBe(trap);
      expect(native.halted).toBe(trap === null);
      expect(new TextDecoder().decode(native.output)).toBe('>');
      const reference = runReference(program, bytes);
      expect(reference.trap).toBe(trap);
      expect(reference.end).toBe(trap === null ? 'halted' : 'trap');
    });
  }
});

describe('entry', () => {
  it('main with argc and argv runs with argc 0 and argv NULL', async () => {
    const source = `#include <stdio.h>
      int main(int argc, char **argv) { printf("%d %d\\n", argc, argv == 0); return 0; }`;
    const { wasm, program } = await compileC(source);
    const native = await runNative(wasm, new Uint8Array(0));
    expect(new TextDecoder().decode(native.output)).toBe('0 1\n');
    expect(new TextDecoder().decode(runReference(program, new Uint8Array(0)).output)).toBe('0 1\n');
  });
});

describe('output bound', () => {
  it('stops a program that prints forever once its output reaches the bound', async () => {
    const { wasm } = await compileC(
      '#include <stdio.h>\nint main(void) { for (;;) putchar(120); }\n',
    );
    const native = await runNative(wasm, new Uint8Array(0), { maxOutput: 1000 });
    expect(native).toMatchObject({ halted: false, limited: true, trap: null });
    expect(native.output).toEqual(new Uint8Array(1000).fill(120));
  });

  it('lets a program print exactly up to the bound and halt', async () => {
    const source =
      '#include <stdio.h>\nint main(void) { for (int i = 0; i < 10; i++) putchar(49); }\n';
    const { wasm } = await compileC(source);
    const native = await runNative(wasm, new Uint8Array(0), { maxOutput: 10 });
    expect(native).toMatchObject({ halted: true, limited: false, trap: null });
  });
});

describe('exit status', () => {
  const source = `#include <stdio.h>
    #include <stdlib.h>
    int main(void) {
      int c = getchar();
      if (c == 'e') exit(300);
      if (c == 't') __builtin_trap();
      return c == 'z' ? 7 : 0;
    }`;
  const statuses: [string, number | null][] = [
    ['a', 0],
    ['z', 7],
    ['e', 44],
    ['t', null],
  ];

  it("is main's result or exit's argument mod 256, the same natively and in the reference", async () => {
    const { wasm, program } = await compileC(source);
    for (const [input, status] of statuses) {
      const bytes = new TextEncoder().encode(input);
      expect((await runNative(wasm, bytes)).exitStatus, input).toBe(status);
      expect(runReference(program, bytes).exitStatus, input).toBe(status);
    }
  });
});
