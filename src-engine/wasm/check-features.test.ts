// The static feature check: everything the machine cannot run is refused before lowering,
// all at once, each refusal naming the instruction, the C function and its line.

import { describe, expect, it } from 'vitest';
import { compileC } from '../c/compile.ts';
import { CompileError } from '../c/compile-error.ts';

async function refusal(source: string): Promise<CompileError> {
  const error: unknown = await compileC(source, { fileName: 'prog.c' }).catch((e) => e);
  if (!(error instanceof CompileError)) throw new Error('expected a CompileError');
  return error;
}

describe('feature check', () => {
  it('refuses floating point, naming the instructions, the function and its line', async () => {
    const error = await refusal(`#include <stdio.h>
__attribute__((noinline)) int area(int w, int h) {
  double x = w * 0.5;
  return (int)(x * h);
}
int main(void) { return area(getchar(), 3); }
`);
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]).toMatchObject({ file: 'prog.c', line: 2, column: 31 });
    expect(error.diagnostics[0]!.message).toMatch(
      /^function 'area' uses .*f64\.mul.*: floating point/,
    );
  });

  it('refuses calls through function pointers', async () => {
    const error = await refusal(`#include <stdio.h>
static int inc(int x) { return x + 1; }
static int dec(int x) { return x - 1; }
int main(void) {
  int (*f)(int) = getchar() ? inc : dec;
  return f(2);
}
`);
    expect(error.diagnostics[0]).toMatchObject({ line: 4, column: 5 });
    expect(error.diagnostics[0]!.message).toMatch(
      /^function 'main' uses call_indirect: calls through function pointers/,
    );
  });

  it('refuses memory.grow', async () => {
    const error = await refusal('int main(void) { return __builtin_wasm_memory_grow(0, 1); }\n');
    expect(error.diagnostics[0]!.message).toMatch(/uses memory\.grow: memory cannot grow/);
  });

  it('refuses imports the machine does not provide', async () => {
    const error =
      await refusal(`__attribute__((import_module("env"), import_name("sleep"))) void sleep(int);
int main(void) { sleep(1); return 0; }
`);
    expect(error.diagnostics[0]!.message).toMatch(/calls env\.sleep, which is not defined/);
  });

  it('lists every refusal of every function at once', async () => {
    const error = await refusal(`#include <stdio.h>
__attribute__((noinline)) float half(float x) { return x / 2; }
__attribute__((noinline)) int call(int (*f)(int), int x) { return f(x); }
static int id(int x) { return x; }
int main(void) { return (int)half((float)getchar()) + call(id, 1); }
`);
    const messages = error.diagnostics.map((d) => `${d.line}: ${d.message.split(':')[0]}`);
    expect(messages).toEqual([
      expect.stringMatching(/^2: function 'half' uses /),
      expect.stringMatching(/^3: function 'call' uses call_indirect/),
      expect.stringMatching(/^5: function 'main' uses /),
    ]);
  });
});
