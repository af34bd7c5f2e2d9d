import { readFileSync, readdirSync } from 'node:fs';
import { compileProgram, runProgram } from '/work/main/src-engine/pipeline.ts';
import { runReference } from '/work/main/src-engine/reference/interpreter.ts';
const dir = '/work/main/resources/programs/';
const inputs: Record<string, string> = { 'collatz.c': '27\n', 'fibonacci.c': '30\n', 'bignum_add.c': '123456789012345678901234567890 987654321098765432109876543210\n', 'sieve.c': '1000\n', 'crc32.c': 'The quick brown fox jumps over the lazy dog', 'quicksort.c': '5 3 9 1 7 2 8 6 4 0 11 15 13 12 14 10\n', 'sudoku.c': '530070000600195000098000060800060003400803001700020006060000280000419005000080079\n', 'hello.c': '', 'hungarian.c': '3 3\n0 0 0 0 0 0 0 0 0\n4 1 3\n2 0 5\n3 2 2\n' };
for (const f of readdirSync(dir).filter((f) => f.endsWith('.c'))) {
  try {
    const c = await compileProgram(readFileSync(dir + f, 'utf8'), f);
    const input = new TextEncoder().encode(inputs[f] ?? '');
    const r = runReference(c.program, input, { maxTokens: 5e7 });
    const n = await runProgram(c, { engine: 'native', input });
    const same = Buffer.from(r.output).equals(Buffer.from(n.output));
    console.log(f.padEnd(14), 'instr', c.program.instructions.length, 'wasm', r.wasmInstructions, 'steps', r.steps, 'tokens', r.tokens, 'tok/wasm', (r.tokens / r.wasmInstructions).toFixed(2), r.end, same ? 'same' : 'DIFF');
  } catch (e) { console.log(f, 'ERR', (e as Error).message.slice(0, 200)); }
}
