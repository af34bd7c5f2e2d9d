// The transformer built from the machine graph, with hull attention and with the plain scan
// of all keys, against the reference interpreter: every opcode on all edge operand pairs,
// every trap, and random programs. Both back-ends must give exactly the reference's tokens.

import { describe, expect, it } from 'vitest';
import { Transformer } from '../inference/transformer.ts';
import type { AttentionBackend } from '../inference/transformer.ts';
import { machineGraph } from '../machine/build.ts';
import { buildPrompt } from '../program/prompt.ts';
import { vocabulary } from '../program/vocab.ts';
import { EDGE_OPERANDS, edgePrograms } from '../testing/edge-programs.ts';
import { randomIrCase } from '../testing/random-ir.ts';
import { compareWithReference } from '../testing/token-runner.ts';
import type { NextToken } from '../testing/token-runner.ts';
import { STOP_TOKENS } from '../trace/decode.ts';
import { buildModel } from './build.ts';

const model = buildModel(machineGraph(), vocabulary());

function machine(attention: AttentionBackend): NextToken & { margin: () => number } {
  const tf = new Transformer(model, { attention });
  return {
    prefill: (tokens) => tf.prefill(tokens),
    push: (t) => tf.step(t),
    margin: () => tf.margins().minMargin,
  };
}

// The plain scan costs O(n) per token, so its edge programs are split into short parts.
const plan = [
  { attention: 'hull', parts: 1, programs: 40 },
  { attention: 'brute', parts: 5, programs: 40 },
] as const;

for (const { attention, parts, programs } of plan) {
  describe(`the machine transformer with ${attention} attention`, () => {
    for (const { name, program } of edgePrograms(EDGE_OPERANDS, parts)) {
      it(`computes ${name} exactly as the reference`, () => {
        const r = compareWithReference(machine(attention), program);
        expect(r.mismatch).toBe('');
        expect(r.matched).toBe(r.expected);
      });
    }

    it(`runs ${programs} random programs exactly as the reference`, () => {
      for (let seed = 2000; seed < 2000 + programs; seed++) {
        const c = randomIrCase(seed);
        const m = machine(attention);
        const r = compareWithReference(m, c.program, c.input);
        expect(`${c.name}: ${r.mismatch}`).toBe(`${c.name}: `);
        expect(m.margin()).toBeGreaterThan(64);
      }
    });
  });
}

// The specialized kernels (weights written into generated code) against the packed ones:
// the whole residual stream, not only the tokens, must agree at every position.
describe('the machine transformer with specialized and packed kernels', () => {
  it('keeps identical residual streams over random programs', () => {
    for (let seed = 3000; seed < 3005; seed++) {
      const c = randomIrCase(seed);
      const code = new Transformer(model, { kernels: 'specialized' });
      const packed = new Transformer(model, { kernels: 'packed' });
      const prompt = buildPrompt(c.program, c.input).tokens;
      let a = code.prefill(prompt);
      let b = packed.prefill(prompt);
      for (let n = 0; n < 3000 && !STOP_TOKENS.includes(a); n++) {
        expect(a, `${c.name} token ${n}`).toBe(b);
        const other = packed.residual();
        const same = code.residual().every((v, i) => v === other[i]);
        expect(same, `${c.name} token ${n}`).toBe(true);
        a = code.step(a);
        b = packed.step(b);
      }
      expect(a).toBe(b);
    }
  });
});
