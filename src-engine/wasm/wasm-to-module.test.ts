// Decoding WebAssembly binaries into the compiler's module form: nesting deeper than the
// decoder can follow is refused as a limit that says what to change in the C program.

import { describe, expect, it } from 'vitest';
import { CompileError } from '../c/compile-error.ts';
import { wasmToModule } from './wasm-to-module.ts';

/** Unsigned LEB128. */
const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    out.push((n & 127) | (n >= 128 ? 128 : 0));
    n >>>= 7;
  } while (n > 0);
  return out;
};
const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];

/** A module of one function `() -> ()` whose body is `depth` nested empty blocks. */
function nestedBlocks(depth: number): Uint8Array {
  const body = [
    0,
    ...Array<number[]>(depth).fill([0x02, 0x40]).flat(),
    ...Array<number>(depth + 1).fill(0x0b),
  ];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
    ...section(1, [1, 0x60, 0, 0]), // one type: () -> ()
    ...section(3, [1, 0]), // one function of type 0
    ...section(10, [1, ...leb(body.length), ...body]),
  ]);
}

describe('decoding a module', () => {
  it('decodes blocks nested a thousand deep', () => {
    let list = wasmToModule(nestedBlocks(1000)).functions[0]!.body;
    let depth = 0;
    for (; list[0]?.kind === 'block'; depth++) list = list[0].body;
    expect(depth).toBe(1000);
  });

  it('refuses blocks nested too deep for the decoder as a limit, not a stack overflow', () => {
    let error: unknown;
    try {
      wasmToModule(nestedBlocks(20_000), 'prog.c');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CompileError);
    expect((error as CompileError).code).toBe('LIMIT');
    expect((error as CompileError).message).toMatch(
      /^prog\.c: error: the program nests blocks more deeply than the WebAssembly decoder can/,
    );
    expect((error as CompileError).message).toMatch(/split a switch/);
  });
});
