// `inweights compile` and `inweights run`, in-process: stdout holds only program data (the
// size report, the program's output or the --json line), diagnostics go to stderr, and the
// exit code says how the run ended.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RunResult } from '../../api.ts';
import { programFromJson } from '../../program/program-file.ts';
import { runCli as cli } from '../../testing/cli-capture.ts';
import { runReport } from './run.ts';

const folder = mkdtempSync(join(tmpdir(), 'inweights-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const examples = new URL('../../../resources/programs/', import.meta.url);

function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('inweights compile', () => {
  it('prints the size of the token program and writes it with -o', async () => {
    const output = join(folder, 'hello.tokens');
    const { out, code } = await cli('compile', new URL('hello.c', examples).pathname, '-o', output);
    expect(code).toBe(0);
    expect(out).toMatch(/^\d+ instructions, \d+ data bytes, \d+ prompt tokens \(empty input\)\n$/);
    const program = programFromJson(readFileSync(output, 'utf8'));
    expect(out.startsWith(`${program.instructions.length} instructions`)).toBe(true);
  });

  it('writes the token program to stdout with -o -, and its size to stderr', async () => {
    const hello = new URL('hello.c', examples).pathname;
    const { out, err, code } = await cli('compile', hello, '-o', '-');
    expect(code).toBe(0);
    expect(programFromJson(out).instructions.length).toBeGreaterThan(0);
    expect(err).toMatch(/^\d+ instructions, \d+ data bytes, \d+ prompt tokens/);
    expect(existsSync('-')).toBe(false);
  });

  it('reports compile errors as file:line:col on stderr and exits 1', async () => {
    const { out, err, code } = await cli(
      'compile',
      file('bad.c', 'int main(void) {\n  return y;\n}\n'),
    );
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe("bad.c:2:10: error: use of undeclared identifier 'y'\n");
  });

  it('reports refusals with the function and its line', async () => {
    const source = 'int main(void) {\n  volatile float x = 2;\n  return (int)(x * x);\n}\n';
    const { err, code } = await cli('compile', file('float.c', source));
    expect(code).toBe(1);
    expect(err).toMatch(/^float\.c:1:5: error: function 'main' uses .*floating point/);
  });
});

describe('inweights run', () => {
  it('prints only the program output on stdout', async () => {
    const crc = new URL('crc32.c', examples).pathname;
    const { out, err, code } = await cli('run', crc, '--input', '123456789');
    expect(out).toBe('cbf43926 (9 bytes)\n');
    expect(err).toMatch(/^halted with exit status 0 \(\d+ tokens, \d+ steps/);
    expect(code).toBe(0);
  });

  it('ends with one JSON object with --json, on every engine asked', async () => {
    const hello = new URL('hello.c', examples).pathname;
    for (const engine of ['reference', 'native']) {
      const { out } = await cli('run', hello, '--input', 'Ada', '--engine', engine, '--json');
      const lines = out.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      // the native engine generates no tokens: its counts are null, not 0
      const count = engine === 'native' ? null : expect.any(Number);
      expect(JSON.parse(lines[0]!)).toMatchObject({
        output: 'Hello, Ada!\n',
        halted: true,
        exitStatus: 0,
        trap: null,
        engine,
        tokens: count,
        steps: count,
        seconds: expect.any(Number),
      });
    }
  });

  it('runs a token program written by compile -o, on every engine but native', async () => {
    const tokens = join(folder, 'hello-run.tokens');
    await cli('compile', new URL('hello.c', examples).pathname, '-o', tokens);
    const { out } = await cli('run', tokens, '--input', 'Ada', '--engine', 'reference');
    expect(out).toBe('Hello, Ada!\n');
    await expect(cli('run', tokens, '--engine', 'native')).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/^error: .* is a token program, which has no WebAssembly/),
    });
  });

  it('refuses a file that is neither C source nor a token program, naming both', async () => {
    const path = file('notes.txt', 'int main(void) { return 0; }\n');
    await expect(cli('run', path)).rejects.toThrow(
      `${path} is neither C source nor a token program: ` +
        'give a file ending in .c or .tokens, or - for stdin',
    );
  });

  it('refuses a hand-edited token program on every engine, in one line naming the fault', async () => {
    const tokens = join(folder, 'hello-edited.tokens');
    await cli('compile', new URL('hello.c', examples).pathname, '-o', tokens);
    const text = readFileSync(tokens, 'utf8');
    const edits: [(f: { entry: number; instructions: number[][] }) => void, RegExp][] = [
      [(f) => (f.instructions[3]![0] = 99), /not a runnable token program: instruction 3 has/],
      [(f) => (f.entry = 100000), /not a runnable token program: the entry 100000 is past/],
      [(f) => (f.instructions[5]![3] = 300), /not a token program file: instruction 5, field 3/],
    ];
    for (const [edit, message] of edits) {
      const file = JSON.parse(text) as { entry: number; instructions: number[][] };
      edit(file);
      writeFileSync(tokens, JSON.stringify(file));
      for (const engine of ['transformer', 'evaluator', 'reference']) {
        const run = cli('run', tokens, '--engine', engine);
        await expect(run).rejects.toThrow(message);
        await expect(run).rejects.toThrow(new RegExp(`^${tokens}: [^\n]+$`));
      }
    }
  });

  it("writes the program's output bytes unchanged, 0x80 and above included", async () => {
    const source =
      '#include <stdio.h>\nint main(void) { for (int i = 0; i < 256; i++) putchar(i); }\n';
    const { bytes } = await cli('run', file('bytes.c', source), '--engine', 'reference');
    expect([...bytes]).toEqual(Array.from({ length: 256 }, (_, i) => i));
  });

  it('warns on stderr when the run came close to a different decision', () => {
    const run: RunResult = {
      engine: 'transformer',
      output: new Uint8Array(),
      tokens: 10,
      steps: 3,
      halted: true,
      exitStatus: 0,
      trap: null,
      end: 'halted',
      seconds: 0.5,
      minMargin: 3.25,
      marginOk: false,
    };
    expect(runReport(run).split('\n')).toEqual([
      expect.stringMatching(/^halted with exit status 0 \(/),
      'warning: the run came within 3.25 ulps of a different decision (threshold 64 ulps), ' +
        'so its result may be wrong',
      '',
    ]);
    expect(runReport({ ...run, minMargin: 1e9, marginOk: true })).not.toMatch(/warning/);
  });

  it('stops a native run that prints forever at its output limit, exit 4', async () => {
    const loop = file(
      'print-loop.c',
      '#include <stdio.h>\nint main(void) { for (;;) putchar(120); }\n',
    );
    const { out, code } = await cli(
      'run',
      loop,
      '--engine',
      'native',
      '--max-tokens',
      '20',
      '--json',
    );
    expect(JSON.parse(out)).toMatchObject({ end: 'limit', halted: false, output: 'x'.repeat(10) });
    expect(code).toBe(4);
  });

  it('refuses bad token counts, --attention off the transformer and two inputs', async () => {
    const hello = new URL('hello.c', examples).pathname;
    const refusals: [string[], RegExp][] = [
      [['--max-tokens', '1e3'], /argument '1e3' is invalid\. It needs a positive whole number/],
      [['--max-tokens', '0'], /It needs a positive whole number/],
      [['--max-tokens', '99999999999999999999'], /It is too large: at most 9007199254740991/],
      [['--engine', 'native', '--attention', 'brute'], /applies to --engine transformer only/],
      [
        ['--input', 'a', '--input-file', 'b'],
        /'--input <text>' cannot be used with .*--input-file/,
      ],
    ];
    for (const [args, message] of refusals) {
      await expect(cli('run', hello, ...args)).rejects.toThrow(message);
    }
  });

  it("reports main's result as the exit status, on the transformer as natively", async () => {
    const source = '#include <stdlib.h>\nint main(void) { exit(258); }\n';
    const path = file('status.c', source);
    for (const engine of ['transformer', 'native']) {
      const { out, code } = await cli('run', path, '--engine', engine, '--json');
      expect(JSON.parse(out)).toMatchObject({ halted: true, exitStatus: 2 });
      expect(code).toBe(0);
    }
    const { err } = await cli('run', path, '--engine', 'reference');
    expect(err).toMatch(/^halted with exit status 2 \(/);
  });

  it('reads the input bytes of --input-file', async () => {
    const input = file('input.bin', '');
    writeFileSync(input, Uint8Array.from([0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39]));
    const { out } = await cli('run', new URL('crc32.c', examples).pathname, '--input-file', input);
    expect(out).toBe('cbf43926 (9 bytes)\n');
  });

  it('exits 3 when the program traps and 4 when it reaches --max-tokens', async () => {
    const trap = file('trap.c', '#include <stdlib.h>\nint main(void) { abort(); }\n');
    const trapped = await cli('run', trap);
    expect(trapped.err).toMatch(/^trap: unreachable executed/);
    expect(trapped.code).toBe(3);
    process.exitCode = undefined;
    const loop = file('loop.c', 'int main(void) { for (volatile int i = 0;; i++) {} }\n');
    const limited = await cli('run', loop, '--max-tokens', '1000', '--json');
    expect(JSON.parse(limited.out)).toMatchObject({ end: 'limit', halted: false, tokens: 1000 });
    expect(limited.code).toBe(4);
  });
});
