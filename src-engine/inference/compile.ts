// Model -> CompiledModel: the flat, compact arrays the forward pass runs on, built once at
// load. The heads of a layer are stacked into one projection (per head: q0 q1 k0 k1 v...),
// empty rows are dropped, and the unembedding keeps only rows that can vary; the constant
// logits of all other rows are reduced to their best two once.

import type { Model, PositionFeatureKind, Projection } from '../model/types.ts';
import { compactRows, concatRows } from './sparse-kernels.ts';
import type { CompactRows } from './sparse-kernels.ts';

export const FEATURE_CODE: Readonly<Record<PositionFeatureKind, number>> = {
  p: 0, p2: 1, parity: 2, one: 3,
};

export interface CompiledLayer {
  readonly heads: number;
  readonly proj: CompactRows; // rows: for each head [q0, q1, k0, k1, v0 .. v(dv-1)]
  readonly projBias: Float64Array; // [projWidth]
  readonly projOffset: Int32Array; // [heads] first row of each head in the projection
  readonly dv: Int32Array; // [heads] value width of each head
  readonly average: Uint8Array; // [heads] 1 when the head's tie rule is "average"
  readonly outOffset: Int32Array; // [heads] first index of each head's output vector
  readonly attnOut: CompactRows; // rows: all heads' output components -> residual
  readonly ffnWidth: number;
  readonly gate: CompactRows; // b rows (the gate)
  readonly gateBias: Float64Array; // [ffnWidth]
  readonly aPtr: Int32Array; // [ffnWidth + 1] full CSR of a, read only for open gates
  readonly aCol: Int32Array;
  readonly aVal: Float64Array;
  readonly aBias: Float64Array; // [ffnWidth]
  readonly ffnOut: CompactRows; // rows: units -> residual
}

export interface CompiledModel {
  readonly dModel: number;
  readonly vocab: number;
  readonly embedPtr: Int32Array; // [vocab + 1] CSR of the token embedding
  readonly embedCol: Int32Array;
  readonly embedVal: Float64Array;
  readonly featureCode: Int8Array; // [features] FEATURE_CODE of each position feature
  readonly featureSlot: Int32Array; // [features] residual slot of each position feature
  readonly layers: readonly CompiledLayer[];
  readonly maxProjWidth: number;
  readonly maxOutWidth: number;
  readonly maxFfnWidth: number;
  readonly unembed: CompactRows; // rows with entries, in increasing token id
  readonly unembedBias: Float64Array; // [vocab]
  readonly constBest: number; // largest constant logit (-Infinity when none)
  readonly constBestId: number; // smallest token id reaching it (-1 when none)
  readonly constSecond: number; // second largest constant logit, ties included
}

function concatBias(parts: readonly Projection[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.bias.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p.bias, at);
    at += p.bias.length;
  }
  return out;
}

function compileLayer(model: Model, l: number): CompiledLayer {
  const config = model.config.layers[l];
  const w = model.weights.layers[l];
  const heads = config.heads.length;
  const parts = w.heads.flatMap((h) => [h.q, h.k, h.v]);
  const projOffset = new Int32Array(heads);
  const outOffset = new Int32Array(heads);
  const dv = Int32Array.from(config.heads, (h) => h.dv);
  const rowOffsets: number[] = [];
  let row = 0;
  for (let h = 0; h < heads; h++) {
    projOffset[h] = row;
    rowOffsets.push(row, row + 2, row + 4);
    row += 4 + dv[h];
    outOffset[h] = h === 0 ? 0 : outOffset[h - 1] + dv[h - 1];
  }
  const a = w.ffn.a.weight;
  return {
    heads,
    proj: concatRows(parts.map((p) => p.weight), rowOffsets),
    projBias: concatBias(parts),
    projOffset,
    dv,
    average: Uint8Array.from(config.heads, (h) => (h.tieRule === 'average' ? 1 : 0)),
    outOffset,
    attnOut: concatRows(w.heads.map((h) => h.o), [...outOffset]),
    ffnWidth: config.ffnWidth,
    gate: compactRows(w.ffn.b.weight),
    gateBias: w.ffn.b.bias,
    aPtr: a.rowPtr,
    aCol: a.col,
    aVal: a.val,
    aBias: w.ffn.a.bias,
    ffnOut: compactRows(w.ffn.out),
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
  const layers = config.layers.map((_, l) => compileLayer(model, l));
  const constant = constantLogits(model);
  return {
    dModel: config.dModel,
    vocab: config.vocab.length,
    embedPtr: weights.embed.rowPtr,
    embedCol: weights.embed.col,
    embedVal: weights.embed.val,
    featureCode: Int8Array.from(config.positionFeatures, (f) => FEATURE_CODE[f.kind]),
    featureSlot: Int32Array.from(config.positionFeatures, (f) => f.slot),
    layers,
    maxProjWidth: Math.max(0, ...layers.map((l) => l.projBias.length)),
    maxOutWidth: Math.max(0, ...layers.map((l) => l.dv.reduce((n, d) => n + d, 0))),
    maxFfnWidth: Math.max(0, ...layers.map((l) => l.ffnWidth)),
    unembed: compactRows(weights.unembed.weight),
    unembedBias: weights.unembed.bias,
    constBest: constant.best,
    constBestId: constant.bestId,
    constSecond: constant.second,
  };
}
