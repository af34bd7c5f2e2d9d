// C → WebAssembly: clang's errors come back as diagnostics at the right line and column, the
// linker's as program-wide ones, warnings do not stop a build, and the module is linked the
// way the machine needs it (data at DATA_BASE, 2 MiB of memory, only the machine's imports).

import { describe, expect, it } from 'vitest';
import { Machine } from '../program/opcodes.ts';
import { wasmToModule } from '../wasm/wasm-to-module.ts';
import { compileCToWasm } from './c-to-wasm.ts';
import { CompileError } from './compile-error.ts';

async function compileError(source: string): Promise<CompileError> {
  const error: unknown = await compileCToWasm(source, { fileName: 'prog.c' }).catch((e) => e);
  if (!(error instanceof CompileError)) throw new Error('expected a CompileError');
  return error;
}

describe('compiling C to WebAssembly', () => {
  it('reports a C error with its file, line and column', async () => {
    const error = await compileError('int main(void) {\n  int x = 1;\n  return x + y;\n}\n');
    expect(error.code).toBe('C_ERROR');
    expect(error.diagnostics[0]).toMatchObject({
      file: 'prog.c',
      line: 3,
      column: 14,
      severity: 'error',
      message: "use of undeclared identifier 'y'",
    });
    expect(error.message).toContain("prog.c:3:14: error: use of undeclared identifier 'y'");
  });

  it('reports every error of the file at once', async () => {
    const error = await compileError('int main(void) {\n  a = 1;\n  b = 2;\n  return 0;\n}\n');
    expect(error.diagnostics.map((d) => d.line)).toEqual([2, 3]);
  });

  it('reports a call of an undefined function as a link error', async () => {
    const error = await compileError('int missing(int);\nint main(void) { return missing(1); }\n');
    expect(error.code).toBe('LINK_ERROR');
    expect(error.diagnostics[0]).toMatchObject({
      file: 'prog.c',
      line: 0,
      message: 'undefined symbol: missing',
    });
  });

  it('returns warnings without failing', async () => {
    const source = 'int main(void) {\n  int unused;\n  return 0;\n}\n';
    const { diagnostics } = await compileCToWasm(source, { fileName: 'prog.c' });
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: 2, column: 7, severity: 'warning' }),
    ]);
  });

  it('links data at DATA_BASE into a fixed 2 MiB memory and imports only the machine', async () => {
    const source = '#include <stdio.h>\nint main(void) { puts("data"); return getchar(); }\n';
    const module = wasmToModule((await compileCToWasm(source)).wasm);
    expect(module.memory).toEqual({ min: Machine.MEM_SIZE / 65536, max: Machine.MEM_SIZE / 65536 });
    expect(Math.min(...module.data.map((d) => d.offset ?? 0))).toBe(Machine.DATA_BASE);
    expect(module.imports.map((i) => `${i.module}.${i.name}`).sort()).toEqual([
      'env.getchar',
      'env.putchar',
    ]);
    expect(module.exports.has('main')).toBe(true);
  });

  it("refuses static data over 2 MiB naming the 2 MiB memory, not just the linker's", async () => {
    const source =
      '#include <stdio.h>\nstatic char big[3 << 20] = {1};\n' +
      'int main(void) { return big[getchar()]; }\n';
    const error = await compileError(source);
    expect(error.code).toBe('LIMIT');
    expect(error.diagnostics).toHaveLength(1);
    expect(error.message).toMatch(/fixed 2 MiB of memory \(2097152 bytes\)/);
    expect(error.message).toMatch(/make global and static arrays smaller by at least \d+ bytes/);
    expect(error.message).not.toMatch(/initial memory/);
  });

  it("explains that a function is too long for clang's stack (once a bare overflow)", async () => {
    // 5000 statements, each using the result of the one before: clang recurses that deep.
    const chain = Array.from({ length: 5000 }, (_, i) => `  s ^= s >> ${(i % 7) + 1};`);
    const main = ['int main(void) {', '  unsigned s = getchar();', ...chain, '  return s;', '}'];
    const source = ['#include <stdio.h>', ...main].join('\n');
    const error = await compileError(source);
    expect(error.code).toBe('LIMIT');
    expect(error.message).toMatch(/^prog\.c: error: clang ran out of stack/);
    expect(error.message).toMatch(/split the longest functions into smaller ones/);
  });
});
