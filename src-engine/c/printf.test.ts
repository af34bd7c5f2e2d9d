// The libc's printf family (resources/libc/src/printf.c) against what C specifies, natively and
// on the reference interpreter of the compiled token program; a conversion it does not support
// keeps its '%' in the output, so that it shows.

import { describe, expect, it } from 'vitest';
import { runNative } from '../native/run.ts';
import { runReference } from '../reference/interpreter.ts';
import { compileC } from './compile.ts';

/** Compiles `body` as main (with stdio.h), runs it on both engines and returns the output. */
async function output(body: string): Promise<string> {
  const { wasm, program } = await compileC(`#include <stdio.h>\nint main(void) {\n${body}\n}\n`);
  const input = new TextEncoder().encode('a');
  const native = new TextDecoder().decode((await runNative(wasm, input)).output);
  const reference = runReference(program, input);
  expect(reference.end).toBe('halted');
  expect(new TextDecoder().decode(reference.output)).toBe(native);
  return native;
}

describe('printf', () => {
  it('%o prints octal with width, precision, flags and lengths, not a literal o', async () => {
    const text = await output(`
      unsigned x = (unsigned)getchar();
      printf("%o %o %5o|%-5o|%05o %.4o %lo\\n", x, 0u, 8u, 8u, 8u, 9u, 4294967295ul);
      printf("%llo %llo %llo\\n", 0ull, 18446744073709551615ull, 01234567012345670123ull);
      char buf[8];
      int n = snprintf(buf, sizeof buf, "%o", x * 1000u);
      printf("%s %d\\n", buf, n);
      return 0;`);
    expect(text).toBe(
      '141 0    10|10   |00010 0011 37777777777\n' +
        '0 1777777777777777777777 1234567012345670123\n' +
        '275350 6\n',
    );
  });

  it('shows a conversion it does not support with its %, not as a bare letter', async () => {
    const text = await output(`
      printf("[%#x] [%jd] [%-5y] [%%] [%c]\\n", 'a');
      return 0;`);
    expect(text).toBe('[%#x] [%jd] [%y   ] [%] [a]\n');
  });
});
