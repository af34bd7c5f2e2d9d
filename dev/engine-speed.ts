// Decoding speed of the transformer built from the current machine graph, on the sieve
// program: tokens per second of wall time and of this process's CPU time.
import { readFileSync } from 'node:fs';
import { Transformer } from '../src-engine/inference/transformer.ts';
import { machineGraph } from '../src-engine/machine/build.ts';
import { compileProgram } from '../src-engine/pipeline.ts';
import { buildPrompt } from '../src-engine/program/prompt.ts';
import { vocabulary } from '../src-engine/program/vocab.ts';
import { buildModel, describeModel } from '../src-engine/weights/build.ts';

const tokens = Number(process.argv[2] ?? 100_000);
const model = buildModel(machineGraph(), vocabulary());
console.log(describeModel(model));
const c = await compileProgram(readFileSync('resources/programs/sieve.c', 'utf8'));
const tf = new Transformer(model, { attention: 'hull' });
let t0 = performance.now();
const prompt = buildPrompt(c.program, new TextEncoder().encode('30000')).tokens;
let next = tf.prefill(prompt);
console.log('prefill', prompt.length, (performance.now() - t0).toFixed(0), 'ms');
t0 = performance.now();
const cpu0 = process.cpuUsage();
for (let n = 0; n < tokens; n++) next = tf.step(next);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuS = (cpu.user + cpu.system) / 1e6;
console.log(
  `${tokens} tokens: ${((tokens / ms) * 1000).toFixed(0)} tok/s wall, ` +
    `${(tokens / cpuS).toFixed(0)} tok/cpu-s`,
);
