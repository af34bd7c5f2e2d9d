// Runs of more than a million tokens inside the transformer, compared with the reference
// token for token: the sieve of Eratosthenes up to 10000 (about 2.3M generated tokens). The
// brute-force scan is checked against the hull at a million tokens through paired stores:
// the hull carries the run there, then both answer every query of the next tokens.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Transformer } from '../inference/transformer.ts';
import { shippedModel } from '../model/shipped.ts';
import { compileProgram } from '../pipeline.ts';
import { buildPrompt } from '../program/prompt.ts';
import { runReference } from '../reference/interpreter.ts';
import { PairSwitch } from '../testing/paired-store.ts';
import { compareWithReference } from '../testing/token-runner.ts';
import { transformerMachine } from '../testing/transformer-machine.ts';

const source = fileURLToPath(new URL('../../resources/programs/sieve.c', import.meta.url));
const sieve = () => compileProgram(readFileSync(source, 'utf8'), 'sieve.c');
const input = new TextEncoder().encode('10000');

describe('a long run inside the transformer', () => {
  it('matches the reference over more than a million tokens', async () => {
    const m = transformerMachine('hull');
    const r = compareWithReference(m, (await sieve()).program, input, 5_000_000);
    expect(r.mismatch).toBe('');
    expect(r.expected).toBeGreaterThan(1_000_000);
    expect(r.matched).toBe(r.expected);
    expect(m.margin()).toBeGreaterThan(64);
  }, 900_000);

  it('gives the hull answers with brute-force attention after a million tokens', async () => {
    const hullTokens = 1_000_000;
    const checkedTokens = 200;
    const { program } = await sieve();
    const maxTokens = hullTokens + checkedTokens + 1;
    const trace = runReference(program, input, { keepTrace: true, maxTokens }).trace!;
    expect(trace.length).toBe(maxTokens);
    const pair = new PairSwitch();
    const tf = new Transformer(shippedModel(), { keyStores: pair.stores() });
    let next = tf.prefill(buildPrompt(program, input).tokens);
    let matched = 0;
    for (let i = 0; i < hullTokens + checkedTokens && next === trace[i]; i++, matched++) {
      if (i === hullTokens) pair.mode = 'both';
      next = tf.step(next);
    }
    expect(matched).toBe(hullTokens + checkedTokens);
    expect(next).toBe(trace[matched]);
    expect(pair.differences).toEqual([]);
    const heads = tf.config.layers.reduce((n, layer) => n + layer.heads.length, 0);
    expect(pair.compared).toBe(checkedTokens * heads);
  }, 900_000);
});
