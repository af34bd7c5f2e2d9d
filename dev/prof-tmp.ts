import { machineGraph } from '../src-engine/machine/build.ts';
import { buildModel } from '../src-engine/weights/build.ts';
import { Transformer } from '../src-engine/inference/transformer.ts';
import { buildPrompt } from '../src-engine/program/prompt.ts';
import { vocabulary } from '../src-engine/program/vocab.ts';
import { randomIrCase } from '../src-engine/testing/random-ir.ts';
const model = buildModel(machineGraph(), vocabulary());
const c = randomIrCase(4);
let t0 = performance.now();
const tf = new Transformer(model, { attention: 'hull' });
console.log('construct', performance.now() - t0);
t0 = performance.now();
const prompt = buildPrompt(c.program, c.input).tokens;
let next = tf.prefill(prompt);
console.log('prefill', prompt.length, performance.now() - t0);
t0 = performance.now();
let n = 0;
for (; n < 20000; n++) {
  next = tf.step(next);
  if (next === 263) break;
}
console.log(
  'steps',
  n,
  performance.now() - t0,
  ((n / (performance.now() - t0)) * 1000).toFixed(0),
  'tok/s',
);
