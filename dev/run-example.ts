// Runs one example program on one engine and prints the result summary.
import { readFileSync } from 'node:fs';
import { compileProgram, runProgram } from '../src-engine/pipeline.ts';
import type { EngineName } from '../src-engine/api.ts';

const [file = 'hello.c', engine = 'transformer', input = '', attention = 'hull'] =
  process.argv.slice(2);
const c = await compileProgram(readFileSync(`resources/programs/${file}`, 'utf8'), file);
const r = await runProgram(c, {
  engine: engine as EngineName,
  input: new TextEncoder().encode(input.replace(/\\n/g, '\n')),
  attention: attention as 'hull' | 'brute',
});
const { output, ...rest } = r;
console.log(new TextDecoder().decode(output));
console.log(rest);
