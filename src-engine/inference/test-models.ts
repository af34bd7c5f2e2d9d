// Small models built by hand for the engine tests, each with the token stream it must
// produce derived in its comment, plus a generator of random sparse integer models for the
// hull-versus-scan differential test.

import { ModelBuilder } from '../model/builder.ts';
import type { HeadConfig, Model, PositionFeature } from '../model/types.ts';
import { Random } from '../testing/random.ts';

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Logit of digit r = 2*r*s - r^2 = s^2 - (r - s)^2: the argmax is the digit nearest s. */
function readDigitFrom(b: ModelBuilder, slot: number): void {
  for (let r = 0; r < DIGITS.length; r++) {
    b.unembed.add(r, slot, 2 * r);
    b.unembed.bias[r] = -r * r;
  }
}

/**
 * Copies the previous token with a parabola lookup on positions. Slots: 0 token digit, 1 p,
 * 2 p^2, 3 one, 4 copied digit. Key of position j: (2j, -j^2); query at p: (p - 1, 1);
 * score 2j(p-1) - j^2 = (p-1)^2 - (j-(p-1))^2 peaks at j = p-1 (at p = 0 only j = 0 exists).
 * Prompt [5, 3] therefore continues 5, 3, 5, 3, ...
 */
export function previousTokenByPosition(): Model {
  const b = new ModelBuilder({
    vocab: DIGITS,
    dModel: 5,
    positionFeatures: [
      { kind: 'p', slot: 1 },
      { kind: 'p2', slot: 2 },
      { kind: 'one', slot: 3 },
    ],
    layers: [{ heads: [{ name: 'previous', tieRule: 'latest', dv: 1 }], ffnWidth: 0 }],
  });
  for (let t = 0; t < DIGITS.length; t++) b.embed.add(t, 0, t);
  const head = b.heads[0][0];
  head.q.add(0, 1, 1).add(0, 3, -1).add(1, 3, 1);
  head.k.add(0, 1, 2).add(1, 2, -1);
  head.v.add(0, 0, 1);
  head.o.add(0, 4, 1);
  readDigitFrom(b, 4);
  return b.build();
}

/**
 * Copies the previous token with a parity head and the "latest" tie rule. Slots: 0 token
 * digit, 1 parity, 2 one, 3 copied digit. Key (1 - 2 parity_j, 0), query (2 parity_p - 1, 0):
 * score +1 when the parities differ, -1 otherwise; the latest key of the other parity is
 * position p-1 (at p = 0 only the token itself). Prompt [5, 3] continues 5, 3, 5, 3, ...
 */
export function previousTokenByParity(): Model {
  const b = new ModelBuilder({
    vocab: DIGITS,
    dModel: 4,
    positionFeatures: [
      { kind: 'parity', slot: 1 },
      { kind: 'one', slot: 2 },
    ],
    layers: [{ heads: [{ name: 'other-parity', tieRule: 'latest', dv: 1 }], ffnWidth: 0 }],
  });
  for (let t = 0; t < DIGITS.length; t++) b.embed.add(t, 0, t);
  const head = b.heads[0][0];
  head.q.add(0, 1, 2).add(0, 2, -1);
  head.k.add(0, 2, 1).add(0, 1, -2);
  head.v.add(0, 0, 1);
  head.o.add(0, 3, 1);
  readDigitFrom(b, 3);
  return b.build();
}

/**
 * Counts the tokens other than B with an average head. Vocab: digits, then A (10) and B (11).
 * Slots: 0 counted flag, 1 p, 2 one, 3 average, 4 count. Every key is (0, 1), so all tokens
 * tie and merge into one point; the head returns (number of counted tokens) / (p + 1) and
 * one ReGLU unit multiplies it back: u = max(p + 1, 0) * average. A and B are never output.
 * Prompt [A, B, A] counts 2, then each generated digit counts: 2, 3, ..., 9, 9, 9.
 */
export function countingModel(): Model {
  const b = new ModelBuilder({
    vocab: [...DIGITS, 'A', 'B'],
    dModel: 5,
    positionFeatures: [
      { kind: 'p', slot: 1 },
      { kind: 'one', slot: 2 },
    ],
    layers: [{ heads: [{ name: 'count', tieRule: 'average', dv: 1 }], ffnWidth: 1 }],
  });
  for (let t = 0; t <= 10; t++) b.embed.add(t, 0, 1);
  const head = b.heads[0][0];
  head.q.bias[1] = 1;
  head.k.bias[1] = 1;
  head.v.add(0, 0, 1);
  head.o.add(0, 3, 1);
  const ffn = b.ffns[0];
  ffn.b.add(0, 1, 1).add(0, 2, 1);
  ffn.a.add(0, 3, 1);
  ffn.out.add(0, 4, 1);
  readDigitFrom(b, 4);
  b.unembed.bias[10] = -1e6;
  b.unembed.bias[11] = -1e6;
  return b.build();
}

/** Adds 1 to 3 random small integer terms reading from `slots` to row `row`. */
function randomRow(
  rng: Random,
  m: { add(r: number, c: number, v: number): unknown },
  row: number,
  slots: readonly number[],
): void {
  for (let i = rng.int(1, 3); i > 0; i--) {
    m.add(row, rng.pick(slots), rng.pick([-3, -2, -1, 1, 2, 3]));
  }
}

/**
 * One feed-forward block of 4000 units in two long gate runs (specialize.ts): units 0..1999
 * gate on the token digit with decreasing biases, units 2000..3999 on twice the digit with
 * increasing biases; every open unit adds its gate / 1024 to slot 2, read out as a digit.
 * Slots: 0 token digit, 1 one, 2 sum.
 */
export function wideGateRuns(): Model {
  const width = 4000;
  const b = new ModelBuilder({
    vocab: DIGITS,
    dModel: 3,
    positionFeatures: [{ kind: 'one', slot: 1 }],
    layers: [{ heads: [], ffnWidth: width }],
  });
  for (let t = 0; t < DIGITS.length; t++) b.embed.add(t, 0, t);
  const ffn = b.ffns[0];
  for (let i = 0; i < width; i++) {
    const up = i >= width / 2;
    ffn.b.add(i, 0, up ? 2 : 1);
    ffn.b.bias[i] = up ? (i - width) / 128 : -i / 256;
    ffn.a.add(i, 1, 1);
    ffn.out.add(i, 2, 1 / 1024);
  }
  readDigitFrom(b, 2);
  return b.build();
}

/**
 * A random sparse model with small integer weights whose every key, query and value is an
 * integer far below 2^53, so the hull and the scan must agree exactly. Average heads write
 * their (fractional) outputs only to slots that nothing but the unembedding reads. In some
 * feed-forward blocks units also add to slots that the block reads; in many, consecutive
 * units share their gate terms and differ in the bias (the gate runs of specialize.ts).
 */
export function randomModel(seed: number): Model {
  const rng = new Random(seed);
  const vocab = Array.from({ length: 12 }, (_, i) => `t${i}`);
  const features: PositionFeature[] = [
    { kind: 'p', slot: 4 },
    { kind: 'parity', slot: 5 },
    { kind: 'one', slot: 6 },
  ];
  const layers = [0, 1].map((l) => ({
    heads: Array.from({ length: rng.int(1, 3) }, (_, h): HeadConfig => ({
      name: `h${l}.${h}`,
      tieRule: rng.chance(0.4) ? 'average' : 'latest',
      dv: rng.int(1, 2),
    })),
    ffnWidth: rng.int(0, 6),
  }));
  const outputs = layers.reduce(
    (n, l) => n + l.ffnWidth + l.heads.reduce((k, h) => k + h.dv, 0),
    0,
  );
  const b = new ModelBuilder({ vocab, dModel: 7 + outputs, positionFeatures: features, layers });
  const exact = [0, 1, 2, 3, 4, 5, 6]; // slots that always hold integers
  const all = [...exact];
  // Slot 3 holds a random successor of each token, which the unembedding favours.
  const successor = vocab.map((_, t) => t).sort(() => rng.int(-1, 1));
  for (let t = 0; t < vocab.length; t++) {
    for (let s = 0; s < 3; s++) if (rng.chance(0.6)) b.embed.add(t, s, rng.int(-3, 3));
    b.embed.add(t, 3, successor[t]);
  }
  let next = 7;
  layers.forEach((layer, l) => {
    const readable = [...exact];
    layer.heads.forEach((head, h) => {
      const w = b.heads[l][h];
      for (const row of [0, 1]) {
        randomRow(rng, w.q, row, readable);
        randomRow(rng, w.k, row, readable);
      }
      for (let c = 0; c < head.dv; c++) {
        randomRow(rng, w.v, c, readable);
        w.o.add(c, next, 1);
        if (head.tieRule === 'latest') exact.push(next);
        all.push(next++);
      }
    });
    const ffn = b.ffns[l];
    // Sometimes units also add to slots their own block reads (as residual blocks may).
    const feedsBack = rng.chance(0.3);
    let gateTerms: [number, number][] = [];
    for (let i = 0; i < layer.ffnWidth; i++) {
      randomRow(rng, ffn.a, i, readable);
      // Often a unit's gate repeats the terms of the one before, with another bias.
      if (i === 0 || rng.chance(0.4)) {
        gateTerms = Array.from({ length: rng.int(1, 3) }, () => [
          rng.pick(readable),
          rng.pick([-3, -2, -1, 1, 2, 3]),
        ]);
      }
      for (const [slot, w] of gateTerms) ffn.b.add(i, slot, w);
      ffn.b.bias[i] = rng.int(-4, 4);
      ffn.out.add(i, next, 1);
      if (feedsBack && rng.chance(0.5)) ffn.out.add(i, rng.pick([0, 1, 2]), rng.pick([-1, 1]));
      exact.push(next);
      all.push(next++);
    }
  });
  // Logit of token r = 2 r S - r^2 + noise, S a random combination: the stream wanders.
  const terms = [
    [3, 1],
    ...Array.from({ length: rng.int(1, 3) }, () => [rng.pick(all), rng.int(-1, 1)]),
  ];
  for (let t = 0; t < vocab.length; t++) {
    for (const [slot, w] of terms) b.unembed.add(t, slot, 2 * t * w);
    if (rng.chance(0.3)) randomRow(rng, b.unembed, t, all);
    b.unembed.bias[t] = -t * t + rng.int(-2, 2);
  }
  return b.build();
}
