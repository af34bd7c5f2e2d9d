// Model -> CompiledModel: the packed arrays the forward pass runs on, built once at load.
// The heads of a layer are stacked into one projection (per head: q0 q1 k0 k1 v...), output
// maps become scatter rows, and the unembedding keeps only rows that can vary; the constant
// logits of all other rows are reduced to their best two once.

import type { Model, PositionFeatureKind } from '../model/types.ts';
import { LANES, packRows } from './sparse-kernels.ts';
import type { PackedRows } from './sparse-kernels.ts';

export const FEATURE_CODE: Readonly<Record<PositionFeatureKind, number>> = {
  p: 0,
  p2: 1,
  parity: 2,
  one: 3,
};

export interface CompiledLayer {
  readonly heads: number;
  readonly proj: PackedRows; // for each head [q0, q1, k0, k1, v0 .. v(dv-1)]
  readonly projOffset: Int32Array; // [heads] first row of each head in the projection
  readonly dv: Int32Array; // [heads] value width of each head
  readonly average: Uint8Array; // [heads] 1 when the head's tie rule is "average"
  readonly outOffset: Int32Array; // [heads] first index of each head's output vector
  readonly attnOut: PackedRows; // scatter rows: all heads' output components -> residual
  readonly ffnWidth: number;
  readonly gate: PackedRows; // [ffnWidth] b rows
  readonly a: PackedRows; // [ffnWidth] a rows
  readonly ffnOut: PackedRows; // scatter rows: units -> residual
}

export interface CompiledModel {
  readonly dModel: number;
  /** Residual buffers hold dModel + 2 slots: a zero slot (read by padding) and a sink. */
  readonly zeroSlot: number;
  readonly sinkSlot: number;
  readonly vocab: number;
  readonly embed: PackedRows; // scatter rows, one per token (the token's value is 1)
  readonly featureCode: Int8Array; // [features] FEATURE_CODE of each position feature
  readonly featureSlot: Int32Array; // [features] residual slot of each position feature
  readonly layers: readonly CompiledLayer[];
  readonly maxProjWidth: number;
  readonly maxOutWidth: number;
  readonly maxFfnWidth: number;
  readonly unembed: PackedRows; // rows with entries, target = token id, increasing
  readonly unembedBias: Float64Array; // [vocab]
  readonly constBest: number; // largest constant logit (-Infinity when none)
  readonly constBestId: number; // smallest token id reaching it (-1 when none)
  readonly constSecond: number; // second largest constant logit, ties included
}

const all = (): boolean => true;

function compileLayer(model: Model, l: number): CompiledLayer {
  const d = model.config.dModel;
  const config = model.config.layers[l];
  const w = model.weights.layers[l];
  const heads = config.heads.length;
  const projOffset = new Int32Array(heads);
  const outOffset = new Int32Array(heads);
  const dv = Int32Array.from(config.heads, (h) => h.dv);
  for (let h = 1; h < heads; h++) {
    projOffset[h] = projOffset[h - 1] + 4 + dv[h - 1];
    outOffset[h] = outOffset[h - 1] + dv[h - 1];
  }
  return {
    heads,
    proj: packRows(
      w.heads.flatMap((h) => [h.q, h.k, h.v]),
      LANES,
      d,
      all,
    ),
    projOffset,
    dv,
    average: Uint8Array.from(config.heads, (h) => (h.tieRule === 'average' ? 1 : 0)),
    outOffset,
    attnOut: packRows(
      w.heads.map((h) => ({ weight: h.o })),
      1,
      d + 1,
      all,
    ),
    ffnWidth: config.ffnWidth,
    gate: packRows([w.ffn.b], LANES, d, all),
    a: packRows([w.ffn.a], LANES, d, all),
    ffnOut: packRows([{ weight: w.ffn.out }], 1, d + 1, all),
  };
}

/** The best and second-best logits among rows without entries (their logit is the bias). */
function constantLogits(model: Model): { best: number; bestId: number; second: number } {
  const { weight, bias } = model.weights.unembed;
  let best = -Infinity;
  let bestId = -1;
  let second = -Infinity;
  for (let t = 0; t < weight.rows; t++) {
    if (weight.rowPtr[t + 1] > weight.rowPtr[t]) continue;
    if (bias[t] > best) {
      second = best;
      best = bias[t];
      bestId = t;
    } else if (bias[t] > second) {
      second = bias[t];
    }
  }
  return { best, bestId, second };
}

export function compileModel(model: Model): CompiledModel {
  const { config, weights } = model;
  const d = config.dModel;
  const layers = config.layers.map((_, l) => compileLayer(model, l));
  const constant = constantLogits(model);
  const u = weights.unembed.weight;
  return {
    dModel: d,
    zeroSlot: d,
    sinkSlot: d + 1,
    vocab: config.vocab.length,
    embed: packRows([{ weight: weights.embed }], 1, d + 1, all),
    featureCode: Int8Array.from(config.positionFeatures, (f) => FEATURE_CODE[f.kind]),
    featureSlot: Int32Array.from(config.positionFeatures, (f) => f.slot),
    layers,
    maxProjWidth: Math.max(0, ...layers.map((l) => l.proj.rows)),
    maxOutWidth: Math.max(0, ...layers.map((l) => l.attnOut.rows)),
    maxFfnWidth: Math.max(0, ...layers.map((l) => l.ffnWidth)),
    unembed: packRows([weights.unembed], LANES, d, (t) => u.rowPtr[t + 1] > u.rowPtr[t]),
    unembedBias: weights.unembed.bias,
    constBest: constant.best,
    constBestId: constant.bestId,
    constSecond: constant.second,
  };
}
