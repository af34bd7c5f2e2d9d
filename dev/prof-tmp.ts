import { Transformer } from '../src-engine/inference/transformer.ts';
import { shippedModel } from '../src-engine/model/shipped.ts';
import { buildPrompt } from '../src-engine/program/prompt.ts';
import { compileProgram } from '../src-engine/pipeline.ts';
import { readFileSync } from 'node:fs';
const c = await compileProgram(readFileSync('resources/programs/sieve.c', 'utf8'));
const tf = new Transformer(shippedModel(), { attention: 'hull' });
let t0 = performance.now();
const prompt = buildPrompt(c.program, new TextEncoder().encode('1000\n')).tokens;
let next = tf.prefill(prompt);
console.log('prefill', prompt.length, performance.now() - t0);
t0 = performance.now();
let n = 0;
for (; n < 30000; n++) { next = tf.step(next); if (next === 263) break; }
const ms = performance.now() - t0;
console.log('steps', n, ms, (n / ms * 1000).toFixed(0), 'tok/s');
