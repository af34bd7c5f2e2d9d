import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types.ts';
import {
  countingModel,
  previousTokenByParity,
  previousTokenByPosition,
  randomModel,
  wideGateRuns,
} from './test-models.ts';
import { Transformer } from './transformer.ts';
import type { AttentionBackend, TransformerOptions } from './transformer.ts';

function generate(
  model: Model,
  prompt: number[],
  n: number,
  attention: AttentionBackend,
): {
  tokens: number[];
  engine: Transformer;
} {
  const engine = new Transformer(model, { attention });
  const tokens = [engine.prefill(prompt)];
  while (tokens.length < n) tokens.push(engine.step(tokens[tokens.length - 1]));
  return { tokens, engine };
}

const backends: AttentionBackend[] = ['hull', 'brute'];

describe('hand-built models produce the tokens derived by hand', () => {
  for (const attention of backends) {
    it(`copies the previous token with a position parabola head (${attention})`, () => {
      const { tokens, engine } = generate(previousTokenByPosition(), [5, 3], 12, attention);
      expect(tokens).toEqual([5, 3, 5, 3, 5, 3, 5, 3, 5, 3, 5, 3]);
      expect(engine.margins().marginOk).toBe(true);
    });

    it(`copies the previous token with a parity head and latest ties (${attention})`, () => {
      const { tokens, engine } = generate(previousTokenByParity(), [5, 3], 12, attention);
      expect(tokens).toEqual([5, 3, 5, 3, 5, 3, 5, 3, 5, 3, 5, 3]);
      expect(engine.margins().marginOk).toBe(true);
    });

    it(`counts tokens with an average head and a ReGLU product (${attention})`, () => {
      const { tokens, engine } = generate(countingModel(), [10, 11, 10], 10, attention);
      expect(tokens).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 9, 9]);
      expect(engine.margins().marginOk).toBe(true);
    });
  }

  it('predicts the first prompt token from itself at position 0', () => {
    const engine = new Transformer(previousTokenByPosition());
    expect(engine.prefill([7])).toBe(7);
    expect(engine.position).toBe(1);
  });

  it('gives constant-logit rows (all-zero weights) their bias and the smallest id on ties', () => {
    const engine = new Transformer(countingModel());
    engine.prefill([11]); // B is not counted: count 0, so digit 0 (a constant row) wins
    const logits = engine.logits();
    expect(Math.abs(logits[0])).toBe(0);
    expect(logits[10]).toBe(-1e6);
    expect(engine.step(11)).toBe(0);
  });
});

/** True when every slot of a and b holds the same number (zeros of either sign are equal). */
function sameStream(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Decodes 200 tokens of random model `seed` on two engines configured differently; they must
 * agree on every token, residual stream and logit vector. Returns both for further checks.
 */
function decodeTwice(
  seed: number,
  left: TransformerOptions,
  right: TransformerOptions,
): [Transformer, Transformer] {
  const model = randomModel(seed);
  const one = new Transformer(model, left);
  const two = new Transformer(model, right);
  let a = one.prefill([seed % 12, 3, 7]);
  let b = two.prefill([seed % 12, 3, 7]);
  for (let step = 0; step < 200; step++) {
    expect(b, `seed ${seed} step ${step}`).toBe(a);
    expect(sameStream(one.residual(), two.residual())).toBe(true);
    expect(sameStream(one.logits(), two.logits())).toBe(true);
    a = one.step(a);
    b = two.step(b);
  }
  return [one, two];
}

describe('hull and brute-force attention', () => {
  it('give identical token streams and residuals on random sparse integer models', () => {
    for (let seed = 1; seed <= 40; seed++) {
      decodeTwice(seed, { attention: 'hull' }, { attention: 'brute' });
    }
  });
});

describe('specialized and packed kernels', () => {
  it('give identical tokens, residuals, logits and margins on random sparse integer models', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const [code, packed] = decodeTwice(seed, { kernels: 'specialized' }, { kernels: 'packed' });
      expect(code.margins().minMargin).toBe(packed.margins().minMargin);
    }
  });

  it('give identical streams on gate runs thousands of units long', () => {
    const code = new Transformer(wideGateRuns(), { kernels: 'specialized' });
    const packed = new Transformer(wideGateRuns(), { kernels: 'packed' });
    for (let t = 0; t < 10; t++) {
      expect(code.step(t)).toBe(packed.step(t));
      expect(sameStream(code.residual(), packed.residual())).toBe(true);
    }
    expect(new Set(Array.from({ length: 10 }, (_, t) => code.step(t))).size).toBeGreaterThan(1);
  });
});

describe('transformer refusals and bookkeeping', () => {
  it('refuses a token id outside the vocabulary', () => {
    const engine = new Transformer(previousTokenByPosition());
    expect(() => engine.step(10)).toThrow(expect.objectContaining({ code: 'TOKEN_RANGE' }));
    expect(() => engine.step(1.5)).toThrow(/outside the vocabulary/);
  });

  it('reports where its smallest margin occurred and starts over on reset', () => {
    const engine = new Transformer(countingModel());
    engine.prefill([10, 11, 10]);
    const report = engine.margins();
    expect(report.site).not.toBeNull();
    expect(report.minMargin).toBeGreaterThan(report.threshold);
    engine.reset();
    expect(engine.position).toBe(0);
    expect(engine.margins()).toMatchObject({ minMargin: Infinity, site: null });
    expect(engine.prefill([10, 11, 10])).toBe(2);
  });

  it('flags a run whose output argmax is an exact tie, resolved to the smallest id', () => {
    const model = countingModel();
    model.weights.unembed.bias[10] = 0; // token A now ties with digit 0 when the count is 0
    const engine = new Transformer(model, { marginThreshold: 64 });
    expect(engine.prefill([11, 11])).toBe(0);
    expect(engine.margins()).toMatchObject({
      minMargin: 0,
      marginOk: false,
      site: { kind: 'output', position: 1 },
    });
  });
});
