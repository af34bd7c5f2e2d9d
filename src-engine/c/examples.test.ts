// The example programs of resources/programs: each compiles, prints what it should natively,
// and the reference interpreter of the compiled token program prints the same, completes,
// and spends at most 3.5 generated tokens per executed WebAssembly instruction.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runNative } from '../native/run.ts';
import { runReference } from '../reference/interpreter.ts';
import type { CompileResult } from './compile.ts';
import { compileC } from './compile.ts';

interface Example {
  file: string;
  input: string;
  /** the whole output, or a pattern it must match */
  output: string | RegExp;
}

const SUDOKU = `534678912
672195348
198342567
859761423
426853791
713924856
961537284
287419635
345286179
`;

const EXAMPLES: Example[] = [
  { file: 'hello.c', input: 'Ada\n', output: 'Hello, Ada!\n' },
  { file: 'hello.c', input: '', output: 'Hello, world!\n' },
  { file: 'collatz.c', input: '27', output: /^27 82 41 124 .* 4 2 1\nsteps: 111\n$/ },
  {
    file: 'collatz.c',
    input: '',
    output: '7 22 11 34 17 52 26 13 40 20 10 5 16 8 4 2 1\nsteps: 16\n',
  },
  {
    file: 'fibonacci.c',
    input: '90',
    output: /F\(89\) = 1779979416004714189\nF\(90\) = 2880067194370816120\n$/,
  },
  { file: 'fibonacci.c', input: '94', output: 'n must be in 0..93, got 94\n' },
  {
    file: 'bignum_add.c',
    input: '123456789012345678901234567890 987654321098765432109876543210',
    output: '1111111110111111111011111111100\n',
  },
  { file: 'bignum_add.c', input: '99999999999999999999\n1\n', output: '100000000000000000000\n' },
  { file: 'bignum_add.c', input: '{}', output: 'expected two numbers of 1 to 4000 digits\n' },
  { file: 'sieve.c', input: '30', output: '10 primes up to 30: 2 3 5 7 11 13 17 19 23 29\n' },
  { file: 'sieve.c', input: '', output: /^25 primes up to 100: 2 3 5 .* 89 97\n$/ },
  { file: 'crc32.c', input: '123456789', output: 'cbf43926 (9 bytes)\n' },
  { file: 'crc32.c', input: '', output: '00000000 (0 bytes)\n' },
  {
    file: 'crc32.c',
    input: 'The quick brown fox jumps over the lazy dog',
    output: '414fa339 (43 bytes)\n',
  },
  {
    file: 'quicksort.c',
    input: '5 3 9 -2 7 0 3 2147483647 -2147483648\n',
    output: '-2147483648 -2 0 3 3 5 7 9 2147483647\n',
  },
  { file: 'quicksort.c', input: '', output: '\n' },
  { file: 'sudoku.c', input: '', output: SUDOKU },
  {
    file: 'sudoku.c',
    input:
      '53..7.... 6..195... .98....6. 8...6...3 4..8.3..1 7...2...6 .6....28. ...419..5 ....8..79',
    output: SUDOKU,
  },
];

const programs = new URL('../../resources/programs/', import.meta.url);
const compiled = new Map<string, Promise<CompileResult>>();

function compileExample(file: string): Promise<CompileResult> {
  let result = compiled.get(file);
  if (result === undefined) {
    result = compileC(readFileSync(new URL(file, programs), 'utf8'), { fileName: file });
    compiled.set(file, result);
  }
  return result;
}

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('example programs', () => {
  for (const { file, input, output } of EXAMPLES) {
    const shown = input.length > 20 ? `${input.slice(0, 20)}...` : input;
    const name = `${file} on ${JSON.stringify(shown)}: native and reference outputs agree`;
    it(name, async () => {
      const { wasm, program } = await compileExample(file);
      const bytes = new TextEncoder().encode(input);
      const native = await runNative(wasm, bytes);
      expect(native.trap).toBeNull();
      if (typeof output === 'string') expect(text(native.output)).toBe(output);
      else expect(text(native.output)).toMatch(output);
      const reference = runReference(program, bytes, { maxTokens: 20_000_000 });
      expect(reference.end).toBe('halted');
      expect(text(reference.output)).toBe(text(native.output));
      expect(reference.tokens / reference.wasmInstructions).toBeLessThanOrEqual(3.5);
    });
  }
});
