// Prompt and trace sizes of the generated C corpus (reference interpreter), and what a
// brute-force run of every case costs: one key score per head per key per token, so
// heads * L(L+1)/2 for a case of L tokens (prompt plus trace).
// Usage: tsx dev/corpus-sizes.ts [count=200] [perBundle=2] [--each]
import { compileProgram } from '../src-engine/pipeline.ts';
import { buildPrompt } from '../src-engine/program/prompt.ts';
import { runReference } from '../src-engine/reference/interpreter.ts';
import { generateBundles } from '../src-engine/testing/corpus.ts';

const args = process.argv.slice(2);
const each = args.includes('--each');
const [count = 200, perBundle = 2] = args.filter((a) => !a.startsWith('--')).map(Number);
const HEADS = 25;

let prompts = 0,
  traces = 0,
  scores = 0,
  cases = 0,
  maxLength = 0,
  instructions = 0;
for (const bundle of generateBundles(1, count, perBundle)) {
  const c = await compileProgram(bundle.source, `${bundle.name}.c`);
  instructions += c.program.instructions.length;
  for (const kase of bundle.cases) {
    const prompt = buildPrompt(c.program, kase.input).tokens.length;
    const ref = runReference(c.program, kase.input, { keepTrace: true, maxTokens: 2e6 });
    const trace = ref.trace!.length;
    const length = prompt + trace;
    prompts += prompt;
    traces += trace;
    scores += (HEADS * length * (length + 1)) / 2;
    maxLength = Math.max(maxLength, length);
    cases++;
    if (each) console.log(kase.name, 'prompt', prompt, 'trace', trace, ref.end);
  }
}
const bundles = Math.ceil(count / perBundle);
console.log(
  `${cases} cases in ${bundles} programs of ${(instructions / bundles).toFixed(0)} ` +
    `instructions on average`,
);
console.log(
  `prompt ${(prompts / cases).toFixed(0)} and trace ${(traces / cases).toFixed(0)} ` +
    `tokens per case on average; longest case ${maxLength} tokens`,
);
console.log(`brute force: ${scores.toExponential(2)} key scores in all`);
