// The forward pass of one decoding sequence: token ids in, next-token argmax out, one position
// at a time. Knows nothing about what the tokens mean. The attention back-end is the convex
// hull (O(log n) per step) or the brute-force scan (the reference). After construction the
// step path allocates nothing: every buffer below is preallocated and reused.

import { BruteScan } from '../hull/brute-scan.ts';
import { ConvexHull } from '../hull/convex-hull.ts';
import type { KeyStore } from '../hull/key-store.ts';
import { EngineError } from '../model/errors.ts';
import type { Model, ModelConfig } from '../model/types.ts';
import { compileModel } from './compile.ts';
import type { CompiledLayer, CompiledModel } from './compile.ts';
import { DEFAULT_MARGIN_THRESHOLD, marginInUlps } from './margin.ts';
import type { MarginReport } from './margin.ts';
import { gather, scatter } from './sparse-kernels.ts';

export type AttentionBackend = 'hull' | 'brute';

export interface TransformerOptions {
  readonly attention?: AttentionBackend; // default 'hull'
  readonly marginThreshold?: number; // default DEFAULT_MARGIN_THRESHOLD (64 ulps)
}

export class Transformer {
  readonly config: ModelConfig;
  readonly attention: AttentionBackend;
  readonly marginThreshold: number;
  private readonly net: CompiledModel;
  private readonly stores: KeyStore[]; // one per head, layer-major
  private readonly storeBase: Int32Array; // [layers] index of each layer's first head
  private readonly x: Float64Array; // [dModel] residual stream at the current position
  private readonly proj: Float64Array; // [max proj width] q, k, v of a layer's heads
  private readonly attnOut: Float64Array; // [max out width] outputs of a layer's heads
  private readonly gateBuf: Float64Array; // [max ffn width] gate b of each unit
  private readonly unitBuf: Float64Array; // [max ffn width] u = max(b, 0) * a
  private pos = 0;
  private minMargin = Infinity;
  private minAt = -1; // position of the smallest margin
  private minLayer = -1; // its layer (-1: output argmax)
  private minHead = -1; // its head (-1: output argmax)

  constructor(model: Model, options: TransformerOptions = {}) {
    this.config = model.config;
    this.attention = options.attention ?? 'hull';
    this.marginThreshold = options.marginThreshold ?? DEFAULT_MARGIN_THRESHOLD;
    const net = (this.net = compileModel(model));
    this.storeBase = new Int32Array(net.layers.length);
    this.stores = [];
    model.config.layers.forEach((layer, l) => {
      this.storeBase[l] = this.stores.length;
      layer.heads.forEach((head, h) => {
        const label = `layer ${l} head ${h} (${head.name})`;
        this.stores.push(this.attention === 'hull'
          ? new ConvexHull(head.tieRule, head.dv, label)
          : new BruteScan(head.tieRule, head.dv, label));
      });
    });
    this.x = new Float64Array(net.dModel);
    this.proj = new Float64Array(net.maxProjWidth);
    this.attnOut = new Float64Array(net.maxOutWidth);
    this.gateBuf = new Float64Array(net.maxFfnWidth);
    this.unitBuf = new Float64Array(net.maxFfnWidth);
  }

  /** Number of tokens fed so far (= position of the next token). */
  get position(): number {
    return this.pos;
  }

  /** Feeds every prompt token; returns the predicted next token (-1 for an empty prompt). */
  prefill(tokens: ArrayLike<number>): number {
    for (let i = 0; i + 1 < tokens.length; i++) this.feed(tokens[i], false);
    return tokens.length === 0 ? -1 : this.feed(tokens[tokens.length - 1], true);
  }

  /** Feeds one token at the next position and returns the argmax next token. */
  step(token: number): number {
    return this.feed(token, true);
  }

  /** Feeds one token; computes the output argmax only when asked. */
  feed(token: number, wantOutput: boolean): number {
    const net = this.net;
    if (!(token >= 0 && token < net.vocab && Number.isInteger(token))) {
      throw new EngineError('TOKEN_RANGE', `token id ${token} at position ${this.pos} is ` +
        `outside the vocabulary (0 .. ${net.vocab - 1})`);
    }
    const p = this.pos++;
    const x = this.x;

    // 1. Residual = token embedding + position features.
    x.fill(0);
    for (let e = net.embedPtr[token], end = net.embedPtr[token + 1]; e < end; e++) {
      x[net.embedCol[e]] += net.embedVal[e];
    }
    for (let f = 0; f < net.featureCode.length; f++) {
      const code = net.featureCode[f];
      x[net.featureSlot[f]] += code === 0 ? p : code === 1 ? p * p : code === 2 ? p % 2 : 1;
    }

    // 2. Layers: hard-max attention, then the ReGLU feed-forward block.
    const layers = net.layers;
    for (let l = 0; l < layers.length; l++) {
      this.attend(layers[l], l, p);
      this.feedForward(layers[l]);
    }

    // 3. Output argmax (skipped inside a prompt).
    return wantOutput ? this.argmax(p) : -1;
  }

  /** Every head inserts this position's key, then queries; then x += sum_h Wo_h out_h. */
  private attend(layer: CompiledLayer, l: number, p: number): void {
    const proj = this.proj;
    const out = this.attnOut;
    gather(layer.proj, layer.projBias, this.x, proj);
    const base = this.storeBase[l];
    for (let h = 0; h < layer.heads; h++) {
      const o = layer.projOffset[h];
      const at = layer.outOffset[h];
      const store = this.stores[base + h];
      store.insert(proj[o + 2], proj[o + 3], p, proj, o + 4);
      store.query(proj[o], proj[o + 1], out, at);
      const hit = store.hit;
      if (layer.average[h] === 1) {
        for (let c = 0, dv = layer.dv[h]; c < dv; c++) out[at + c] /= hit.count;
      }
      const margin = marginInUlps(hit.gap, hit.termMax);
      if (margin < this.minMargin) this.recordMargin(margin, p, l, h);
    }
    scatter(layer.attnOut, out, this.x);
  }

  /** u_i = max(b_i, 0) * a_i (a_i computed only where the gate is open); x += Wout u. */
  private feedForward(layer: CompiledLayer): void {
    const m = layer.ffnWidth;
    if (m === 0) return;
    const x = this.x;
    const b = this.gateBuf;
    const u = this.unitBuf;
    gather(layer.gate, layer.gateBias, x, b);
    const { aPtr, aCol, aVal, aBias } = layer;
    for (let i = 0; i < m; i++) {
      const gate = b[i];
      if (gate > 0) {
        let acc = aBias[i];
        for (let e = aPtr[i], end = aPtr[i + 1]; e < end; e++) acc += aVal[e] * x[aCol[e]];
        u[i] = gate * acc;
      } else {
        u[i] = 0;
      }
    }
    scatter(layer.ffnOut, u, x);
  }

  /** Argmax of the logits, smallest token id on ties; records the output margin. */
  private argmax(p: number): number {
    const net = this.net;
    const x = this.x;
    const { count, target, ptr, col, val } = net.unembed;
    const bias = net.unembedBias;
    let best = -Infinity;
    let bestId = -1;
    let second = -Infinity;
    for (let k = 0; k < count; k++) {
      let acc = bias[target[k]];
      for (let e = ptr[k], end = ptr[k + 1]; e < end; e++) acc += val[e] * x[col[e]];
      if (acc > best) {
        second = best;
        best = acc;
        bestId = target[k];
      } else if (acc > second) {
        second = acc;
      }
    }

    // Rows without entries have constant logits, reduced once at compile time.
    const cBest = net.constBest;
    if (cBest > best || (cBest === best && net.constBestId < bestId)) {
      second = Math.max(best, net.constSecond);
      best = cBest;
      bestId = net.constBestId;
    } else {
      second = Math.max(second, cBest);
    }
    const margin = marginInUlps(best - second, this.outputTermMax(bestId));
    if (margin < this.minMargin) this.recordMargin(margin, p, -1, -1);
    return bestId;
  }

  /** Largest |term| (bias included) of the logit of token t. */
  private outputTermMax(t: number): number {
    const w = this.net;
    let max = Math.abs(w.unembedBias[t]);
    const { target, ptr, col, val } = w.unembed;
    let lo = 0;
    let hi = w.unembed.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (target[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    if (lo < w.unembed.count && target[lo] === t) {
      for (let e = ptr[lo]; e < ptr[lo + 1]; e++) {
        max = Math.max(max, Math.abs(val[e] * this.x[col[e]]));
      }
    }
    return max;
  }

  private recordMargin(margin: number, p: number, layer: number, head: number): void {
    this.minMargin = margin;
    this.minAt = p;
    this.minLayer = layer;
    this.minHead = head;
  }

  /** The smallest decision margin since construction or reset, and where it happened. */
  margins(): MarginReport {
    const site = this.minAt < 0 ? null : {
      kind: this.minLayer < 0 ? 'output' as const : 'attention' as const,
      position: this.minAt,
      layer: this.minLayer,
      head: this.minHead,
    };
    const threshold = this.marginThreshold;
    return { minMargin: this.minMargin, threshold, marginOk: this.minMargin > threshold, site };
  }

  /** A copy of the residual stream after the last fed token (for diagnostics and tests). */
  residual(): Float64Array {
    return Float64Array.from(this.x);
  }

  /** All logits after the last fed token (allocates; for diagnostics and tests). */
  logits(): Float64Array {
    const out = new Float64Array(this.net.vocab);
    gather(this.net.unembed, this.net.unembedBias, this.x, out);
    return out;
  }

  /** Starts a new sequence at position 0. */
  reset(): void {
    this.pos = 0;
    this.minMargin = Infinity;
    this.minAt = -1;
    this.minLayer = -1;
    this.minHead = -1;
    for (const s of this.stores) s.reset();
  }
}
