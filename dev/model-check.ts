// Builds the weights from the machine graph and runs random IR programs in the transformer.
import { machineGraph } from '../src-engine/machine/build.ts';
import { buildModel, describeModel } from '../src-engine/weights/build.ts';
import { Transformer } from '../src-engine/inference/transformer.ts';
import { buildPrompt } from '../src-engine/program/prompt.ts';
import { tokenName, vocabulary } from '../src-engine/program/vocab.ts';
import { STOP_TOKENS } from '../src-engine/trace/decode.ts';
import { runReference } from '../src-engine/reference/interpreter.ts';
import { randomIrCase } from '../src-engine/testing/random-ir.ts';

let t0 = performance.now();
const model = buildModel(machineGraph(), vocabulary());
console.log('build ms', (performance.now() - t0).toFixed(0), describeModel(model));
const from = Number(process.argv[2] ?? 1);
const count = Number(process.argv[3] ?? 5);
const attention = (process.argv[4] ?? 'hull') as 'hull' | 'brute';
let fails = 0;
let tokens = 0;
t0 = performance.now();
for (let seed = from; seed < from + count; seed++) {
  const c = randomIrCase(seed);
  const ref = runReference(c.program, c.input, { keepTrace: true, maxTokens: 50000 });
  const trace = ref.trace!;
  const tf = new Transformer(model, { attention });
  let next = tf.prefill(buildPrompt(c.program, c.input).tokens);
  let i = 0;
  for (; i < trace.length; i++) {
    if (next !== trace[i]) break;
    if (STOP_TOKENS.includes(next)) {
      i++;
      break;
    }
    next = tf.step(next);
  }
  tokens += i;
  if (i < trace.length) {
    fails++;
    const ctx = Array.from(trace.slice(Math.max(0, i - 12), i + 1), tokenName).join(' ');
    console.log(
      `seed ${seed}: mismatch at ${i}/${trace.length}: ` +
        `want ${tokenName(trace[i]!)} got ${tokenName(next)}; ...${ctx}`,
    );
  } else console.log(`seed ${seed}: ok ${trace.length} tokens (${ref.end})`);
}
const s = (performance.now() - t0) / 1000;
console.log(`${fails} failures; ${tokens} tokens in ${s.toFixed(2)} s`);
