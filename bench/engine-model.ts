// A synthetic model shaped like a compiled interpreter, for the engine benchmark: 30 layers
// with one head each (26 "memory" heads keyed by parabola addresses, 2 running-count average
// heads, 2 look-back heads keyed by position), 20 ReGLU units per layer with about 4 entries
// per row, and 4000 tokens of which 300 can be generated. Every number stays an integer far
// below 2^53, so hull and scan must agree exactly.
//
// Memory head l: key address k = alpha[t] + 60 w, query address a = beta[t] + 60 w, where w
// is the value read by the previous memory head (0..59). Key (2k, -k^2), query (a, 1):
// score a^2 - (a - k)^2 picks the nearest written address (latest write on ties); at most
// 3600 distinct addresses. k^2 = alpha^2 + 120 alpha w + 3600 w^2 needs the products
// alpha*w and w*w, computed by two ReGLU units of the previous layer (gate alpha or w >= 0).
// Output: logit of token r = 2 r S - r^2 with S = successor[t] + w + (value looked back
// at): argmax r = S.

import { ModelBuilder } from '../src-engine/model/builder.ts';
import type { HeadConfig, LayerConfig, Model } from '../src-engine/model/types.ts';
import { Random } from '../src-engine/testing/random.ts';

export const BENCH_LAYERS = 30;
export const GENERATED_TOKENS = 300;
export const VOCAB = 4000;
const UNITS = 20;
const JUNK = 40;

type Kind = 'memory' | 'count' | 'lookback';

function headKind(l: number): Kind {
  if (l % 15 === 7) return 'count';
  if (l % 15 === 11) return 'lookback';
  return 'memory';
}

/** Residual slot allocator with named slots. */
class Slots {
  readonly names: string[] = [];

  add(name: string): number {
    this.names.push(name);
    return this.names.length - 1;
  }
}

export function benchModel(seed = 1): Model {
  const rng = new Random(seed);
  const s = new Slots();
  const alpha = [0, 1, 2].map((i) => s.add(`alpha${i}`));
  const alpha2 = [0, 1, 2].map((i) => s.add(`alpha${i}^2`));
  const beta = [0, 1, 2].map((i) => s.add(`beta${i}`));
  const gamma = [0, 1, 2].map((i) => s.add(`gamma${i}`));
  const succ = s.add('successor');
  const counted = s.add('counted');
  const [p, p2, one] = [s.add('p'), s.add('p^2'), s.add('one')];
  const read = Array.from({ length: BENCH_LAYERS }, (_, l) => s.add(`read${l}`));
  const prodAW = Array.from({ length: BENCH_LAYERS }, (_, l) => s.add(`alpha*w${l}`));
  const prodWW = Array.from({ length: BENCH_LAYERS }, (_, l) => s.add(`w*w${l}`));
  const junk = Array.from({ length: JUNK }, (_, i) => s.add(`junk${i}`));

  const layers: LayerConfig[] = Array.from({ length: BENCH_LAYERS }, (_, l) => {
    const kind = headKind(l);
    const head: HeadConfig = {
      name: `${kind}${l}`,
      tieRule: kind === 'count' ? 'average' : 'latest',
      dv: 1,
    };
    return { heads: [head], ffnWidth: UNITS };
  });
  const b = new ModelBuilder({
    vocab: Array.from({ length: VOCAB }, (_, t) => `t${t}`),
    dModel: s.names.length,
    positionFeatures: [
      { kind: 'p', slot: p },
      { kind: 'p2', slot: p2 },
      { kind: 'one', slot: one },
    ],
    layers,
    slotNames: s.names,
  });

  // Embedding: random addresses and values for every token; successors for generated ones.
  for (let t = 0; t < VOCAB; t++) {
    for (let i = 0; i < 3; i++) {
      const a = rng.int(0, 59);
      b.embed.add(t, alpha[i], a).add(t, alpha2[i], a * a);
      b.embed.add(t, beta[i], rng.int(0, 59)).add(t, gamma[i], rng.int(0, 59));
    }
    b.embed.add(t, succ, rng.int(0, GENERATED_TOKENS - 121));
    b.embed.add(t, counted, rng.int(0, 1));
  }

  let w = -1; // slot read by the latest memory head (-1 before the first)
  let lookback = -1; // slot read by the latest look-back head
  for (let l = 0; l < BENCH_LAYERS; l++) {
    const head = b.heads[l][0];
    const kind = headKind(l);
    const i = l % 3;
    if (kind === 'memory') {
      // k = alpha + 60 w: key (2k, -(alpha^2 + 120 alpha w + 3600 w^2)); query (beta + 60 w, 1).
      head.k.add(0, alpha[i], 2).add(1, alpha2[i], -1);
      head.q.add(0, beta[i], 1);
      head.q.bias[1] = 1;
      if (w >= 0) {
        head.k
          .add(0, w, 120)
          .add(1, prodAW[l - 1], -120)
          .add(1, prodWW[l - 1], -3600);
        head.q.add(0, w, 60);
      }
      head.v.add(0, gamma[i], 1);
    } else if (kind === 'count') {
      head.q.bias[1] = 1;
      head.k.bias[1] = 1;
      head.v.add(0, counted, 1);
    } else {
      const back = 1 + (l % 5); // key (2j, -j^2), query (p - back, 1): token at p - back
      head.k.add(0, p, 2).add(1, p2, -1);
      head.q.add(0, p, 1).add(0, one, -back).add(1, one, 1);
      head.v.add(0, gamma[i], 1);
    }
    head.o.add(0, read[l], 1);
    if (kind === 'memory') w = read[l];
    if (kind === 'lookback') lookback = read[l];

    // FFN: alpha*w and w*w for the next memory head, then filler units on bounded slots.
    const ffn = b.ffns[l];
    let unit = 0;
    if (w >= 0) {
      const next = (l + 1) % 3;
      ffn.b.add(0, alpha[next], 1);
      ffn.a.add(0, w, 1);
      ffn.out.add(0, prodAW[l], 1);
      ffn.b.add(1, w, 1);
      ffn.a.add(1, w, 1);
      ffn.out.add(1, prodWW[l], 1);
      unit = 2;
    }
    const bounded = [...alpha, ...beta, ...gamma, counted, ...read.slice(0, l + 1)];
    for (; unit < UNITS; unit++) {
      for (let e = 0; e < 4; e++) {
        ffn.a.add(unit, rng.pick(bounded), rng.int(-3, 3));
        ffn.b.add(unit, rng.pick(bounded), rng.int(-3, 3));
      }
      ffn.out.add(unit, rng.pick(junk), 1);
    }
  }

  // Unembedding: generated tokens read successor + w + look-back; the rest are prompt-only.
  for (let r = 0; r < VOCAB; r++) {
    if (r < GENERATED_TOKENS) {
      b.unembed
        .add(r, succ, 2 * r)
        .add(r, w, 2 * r)
        .add(r, lookback, 2 * r);
      b.unembed.bias[r] = -r * r;
    } else {
      b.unembed.bias[r] = -1e9;
    }
  }
  return b.build();
}

/** A prompt of prompt-only tokens ending with a generatable one. */
export function benchPrompt(length: number, seed = 2): number[] {
  const rng = new Random(seed);
  const prompt = Array.from({ length: length - 1 }, () => rng.int(GENERATED_TOKENS, VOCAB - 1));
  return [...prompt, rng.int(0, GENERATED_TOKENS - 1)];
}
