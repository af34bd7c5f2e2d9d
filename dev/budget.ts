import { readFileSync } from 'node:fs';
import { compileProgram } from '../src-engine/pipeline.ts';
import { runReference } from '../src-engine/reference/interpreter.ts';
import { buildPrompt } from '../src-engine/program/prompt.ts';
import { EXAMPLE_INPUTS } from '../src-engine/testing/example-inputs.ts';
let total = 0;
for (const [file, inputs] of Object.entries(EXAMPLE_INPUTS)) {
  const c = await compileProgram(readFileSync('/work/main/resources/programs/' + file, 'utf8'), file);
  for (const inp of inputs) {
    const input = new TextEncoder().encode(inp.input);
    const r = runReference(c.program, input, { maxTokens: 5e8 });
    const p = buildPrompt(c.program, input).tokens.length;
    total += r.tokens + p;
    console.log(file, inp.name.slice(0, 30).padEnd(30), 'prompt', p, 'trace', r.tokens, r.end);
  }
}
console.log('total', total);
