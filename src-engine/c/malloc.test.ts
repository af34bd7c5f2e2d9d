// The libc's heap (resources/libc/src/malloc.c) on sizes that do not fit: calloc and realloc
// return NULL rather than a block smaller than asked, whose use would overwrite its
// neighbours. Each program runs natively and on the reference interpreter.

import { describe, expect, it } from 'vitest';
import { runNative } from '../native/run.ts';
import { runReference } from '../reference/interpreter.ts';
import { compileC } from './compile.ts';

/**
 * Compiles `body` as main, after a `show` that prints whether a pointer is NULL, and returns
 * its output on both engines. `show` is not inlined: clang may drop an allocation whose only
 * use is a test against NULL and fold the test to "not NULL", which would hide the result.
 */
async function output(body: string): Promise<string> {
  const { wasm, program } = await compileC(`#include <stdio.h>
#include <stdlib.h>
#include <string.h>
__attribute__((noinline)) static void show(const char *what, void *p) {
  printf("%s %s\\n", what, p == NULL ? "NULL" : "block");
}
int main(void) {
${body}
}
`);
  const native = new TextDecoder().decode((await runNative(wasm, new Uint8Array())).output);
  const reference = runReference(program, new Uint8Array());
  expect(reference.end).toBe('halted');
  expect(new TextDecoder().decode(reference.output)).toBe(native);
  return native;
}

describe('malloc', () => {
  it('calloc returns NULL when count * size wraps in 32 bits; the heap stays intact', async () => {
    const text = await output(`
      char *before = malloc(16);
      strcpy(before, "before");
      show("2^30 x 8", calloc(1u << 30, 8));
      show("8 x 2^30", calloc(8, 1u << 30));
      show("2^16 x 2^16", calloc(65536, 65536));
      show("0x55555556 x 3", calloc(0x55555556u, 3));
      char *after = malloc(16);
      strcpy(after, "after");
      printf("%s %s %d\\n", before, after, after > before);
      return 0;`);
    expect(text).toBe(
      '2^30 x 8 NULL\n8 x 2^30 NULL\n2^16 x 2^16 NULL\n0x55555556 x 3 NULL\nbefore after 1\n',
    );
  });

  it('calloc gives zeroed blocks up to what the memory holds', async () => {
    const text = await output(`
      unsigned char *small = malloc(64);
      memset(small, 0xAB, 64);
      free(small);
      unsigned char *zeroed = calloc(16, 4);
      int sum = 0;
      for (int i = 0; i < 64; i++) sum += zeroed[i];
      printf("%d\\n", sum);
      show("64 x 16384", calloc(64, 16384));
      show("0 x 2^30", calloc(0, 1u << 30));
      show("3 x 2^20", calloc(3, 1u << 20));
      return 0;`);
    expect(text).toBe('0\n64 x 16384 block\n0 x 2^30 block\n3 x 2^20 NULL\n');
  });

  it('realloc to a size near 4 GiB returns NULL and keeps the block', async () => {
    const text = await output(`
      char *block = malloc(16);
      strcpy(block, "kept");
      show("0xFFFFFFFF", realloc(block, 0xFFFFFFFFu));
      show("0xFFFFFFF8", realloc(block, 0xFFFFFFF8u));
      char *next = malloc(16);
      strcpy(next, "next");
      printf("%s %s %d\\n", block, next, next != block);
      return 0;`);
    expect(text).toBe('0xFFFFFFFF NULL\n0xFFFFFFF8 NULL\nkept next 1\n');
  });
});
