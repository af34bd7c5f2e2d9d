// The forward pass of one decoding sequence: token ids in, next-token argmax out, one position
// at a time. Knows nothing about what the tokens mean. The attention back-end is the convex
// hull (O(log n) per step) or the brute-force scan (the reference). The sparse products run
// as code specialized to the weights (specialize.ts) or on the packed arrays of
// sparse-kernels.ts (the reference for that code). After construction the step path
// allocates nothing: every buffer below is preallocated and reused.

import { BruteScan } from '../hull/brute-scan.ts';
import { ConvexHull } from '../hull/convex-hull.ts';
import type { KeyStore } from '../hull/key-store.ts';
import { EngineError } from '../model/errors.ts';
import type { Model, ModelConfig, TieRule } from '../model/types.ts';
import { compileModel } from './compile.ts';
import type { CompiledLayer, CompiledModel } from './compile.ts';
import { DEFAULT_MARGIN_THRESHOLD, marginInUlps } from './margin.ts';
import type { MarginReport } from './margin.ts';
import { LANES, dot, dotAll, largestTerm, scatter, scatterRow } from './sparse-kernels.ts';
import { specialize } from './specialize.ts';
import type { ModelKernels } from './specialize.ts';

export type AttentionBackend = 'hull' | 'brute';
export type KernelKind = 'specialized' | 'packed';

/** Makes the key store of one head; `label` names the head in errors. */
export type KeyStoreFactory = (tieRule: TieRule, dv: number, label: string) => KeyStore;

export interface TransformerOptions {
  readonly attention?: AttentionBackend; // default 'hull'
  /**
   * Replaces the stores `attention` would choose, for checks that watch or switch back-ends
   * during a run (src-engine/testing/paired-store.ts); `attention` is then only a label.
   */
  readonly keyStores?: KeyStoreFactory;
  readonly marginThreshold?: number; // default DEFAULT_MARGIN_THRESHOLD (64 ulps)
  readonly kernels?: KernelKind; // default 'specialized'
}

const backendStores: Readonly<Record<AttentionBackend, KeyStoreFactory>> = {
  hull: (tieRule, dv, label) => new ConvexHull(tieRule, dv, label),
  brute: (tieRule, dv, label) => new BruteScan(tieRule, dv, label),
};

export class Transformer {
  readonly config: ModelConfig;
  readonly attention: AttentionBackend;
  readonly marginThreshold: number;
  readonly kernels: KernelKind;
  private readonly net: CompiledModel;
  private readonly code: ModelKernels | null; // null: the packed kernels
  private readonly stores: KeyStore[]; // one per head, layer-major
  private readonly storeBase: Int32Array; // [layers] index of each layer's first head
  private readonly x: Float64Array; // [dModel + 2] residual stream, zero slot, sink slot
  private readonly proj: Float64Array; // [max proj width] q, k, v of a layer's heads
  private readonly attnOut: Float64Array; // [max out width] outputs of a layer's heads
  private readonly unitBuf: Float64Array; // [max ffn width] u = max(b, 0) * a
  private readonly openBuf: Int32Array; // [max ffn width] units whose gate is open
  private readonly logitBuf: Float64Array; // [unembedding rows] logits of varying rows
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
    this.kernels = options.kernels ?? 'specialized';
    this.code = this.kernels === 'specialized' ? specialize(net) : null;
    this.storeBase = new Int32Array(net.layers.length);
    this.stores = [];
    const makeStore = options.keyStores ?? backendStores[this.attention];
    model.config.layers.forEach((layer, l) => {
      this.storeBase[l] = this.stores.length;
      layer.heads.forEach((head, h) => {
        const label = `layer ${l} head ${h} (${head.name})`;
        this.stores.push(makeStore(head.tieRule, head.dv, label));
      });
    });
    this.x = new Float64Array(net.dModel + 2);
    this.proj = new Float64Array(net.maxProjWidth);
    this.attnOut = new Float64Array(net.maxOutWidth);
    this.unitBuf = new Float64Array(net.maxFfnWidth);
    this.openBuf = new Int32Array(net.maxFfnWidth);
    this.logitBuf = new Float64Array(net.unembed.rows);
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
      throw new EngineError(
        'TOKEN_RANGE',
        `token id ${token} at position ${this.pos} is ` +
          `outside the vocabulary (0 .. ${net.vocab - 1})`,
      );
    }
    const p = this.pos++;
    const x = this.x;

    // 1. Residual = token embedding + position features.
    x.fill(0);
    scatterRow(net.embed, token, 1, x);
    for (let f = 0; f < net.featureCode.length; f++) {
      const code = net.featureCode[f];
      x[net.featureSlot[f]] += code === 0 ? p : code === 1 ? p * p : code === 2 ? p % 2 : 1;
    }

    // 2. Layers: hard-max attention, then the ReGLU feed-forward block. The specialized code
    //    runs in segments that end where the heads of a layer are queried.
    const layers = net.layers;
    const code = this.code;
    if (code === null) {
      for (let l = 0; l < layers.length; l++) {
        if (layers[l].heads > 0) this.attend(layers[l], l, p);
        this.feedForward(layers[l]);
      }
    } else {
      const segments = code.segments;
      for (let i = 0; i < segments.length; i++) {
        const segment = segments[i];
        segment.run(x, this.proj, this.attnOut, this.unitBuf);
        const l = segment.queryLayer;
        if (l >= 0) this.query(layers[l], l, p);
      }
    }

    // 3. Output argmax (skipped inside a prompt).
    return wantOutput ? this.argmax(p) : -1;
  }

  /** Every head inserts this position's key, then queries; then x += sum_h Wo_h out_h. */
  private attend(layer: CompiledLayer, l: number, p: number): void {
    dotAll(layer.proj, this.x, this.proj);
    this.query(layer, l, p);
    scatter(layer.attnOut, this.attnOut, this.x);
  }

  /** Each head of the layer inserts its key from proj and writes its output into attnOut. */
  private query(layer: CompiledLayer, l: number, p: number): void {
    const proj = this.proj;
    const out = this.attnOut;
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
  }

  /**
   * u_i = max(b_i, 0) * a_i, a_i computed only where the gate is open, then x += Wout u over
   * the open units (a closed gate gives u_i = 0, whose terms would add exact zeros).
   * The hottest loop of all: the two dot products of sparse-kernels.ts are written out here
   * with every array in a local, which V8 runs about a quarter faster than through dot().
   */
  private feedForward(layer: CompiledLayer): void {
    const x = this.x;
    const u = this.unitBuf;
    const open = this.openBuf;
    let opened = 0;
    const { col: gc, val: gv, bias: gb, restPtr: gp, restCol: grc, restVal: grv } = layer.gate;
    const { col: ac, val: av, bias: ab, restPtr: ap, restCol: arc, restVal: arv } = layer.a;
    const gateRest = layer.gate.hasRest;
    const aRest = layer.a.hasRest;
    for (let i = 0, l = 0; i < layer.ffnWidth; i++, l += LANES) {
      let b = gb[i];
      b += gv[l] * x[gc[l]];
      b += gv[l + 1] * x[gc[l + 1]];
      b += gv[l + 2] * x[gc[l + 2]];
      b += gv[l + 3] * x[gc[l + 3]];
      if (gateRest) for (let e = gp[i]; e < gp[i + 1]; e++) b += grv[e] * x[grc[e]];
      if (b > 0) {
        let a = ab[i];
        a += av[l] * x[ac[l]];
        a += av[l + 1] * x[ac[l + 1]];
        a += av[l + 2] * x[ac[l + 2]];
        a += av[l + 3] * x[ac[l + 3]];
        if (aRest) for (let e = ap[i]; e < ap[i + 1]; e++) a += arv[e] * x[arc[e]];
        u[i] = b * a;
        open[opened++] = i;
      }
    }

    // Only open units contribute: a closed unit's u_i = 0 would add exact zeros.
    for (let k = 0; k < opened; k++) scatterRow(layer.ffnOut, open[k], u[open[k]], x);
  }

  /** Argmax of the logits, smallest token id on ties; records the output margin. */
  private argmax(p: number): number {
    const net = this.net;
    const x = this.x;
    const rows = net.unembed;
    let best = -Infinity;
    let bestRow = -1;
    let second = -Infinity;
    const y = this.logitBuf;
    if (this.code === null) for (let k = 0; k < rows.rows; k++) y[k] = dot(rows, k, x);
    else this.code.logits(x, y);
    for (let k = 0; k < rows.rows; k++) {
      const logit = y[k];
      if (logit > best) {
        second = best;
        best = logit;
        bestRow = k;
      } else if (logit > second) {
        second = logit;
      }
    }
    let bestId = bestRow < 0 ? -1 : rows.target[bestRow];
    let termMax = bestRow < 0 ? 0 : largestTerm(rows, bestRow, x);

    // Rows without entries have constant logits, reduced once at compile time.
    const cBest = net.constBest;
    if (cBest > best || (cBest === best && net.constBestId < bestId)) {
      second = Math.max(best, net.constSecond);
      best = cBest;
      bestId = net.constBestId;
      termMax = Math.abs(cBest);
    } else {
      second = Math.max(second, cBest);
    }
    const margin = marginInUlps(best - second, termMax);
    if (margin < this.minMargin) this.recordMargin(margin, p, -1, -1);
    return bestId;
  }

  private recordMargin(margin: number, p: number, layer: number, head: number): void {
    this.minMargin = margin;
    this.minAt = p;
    this.minLayer = layer;
    this.minHead = head;
  }

  /** The smallest decision margin since construction or reset, and where it happened. */
  margins(): MarginReport {
    const site =
      this.minAt < 0
        ? null
        : {
            kind: this.minLayer < 0 ? ('output' as const) : ('attention' as const),
            position: this.minAt,
            layer: this.minLayer,
            head: this.minHead,
          };
    const threshold = this.marginThreshold;
    return { minMargin: this.minMargin, threshold, marginOk: this.minMargin > threshold, site };
  }

  /** A copy of the residual stream after the last fed token (for diagnostics and tests). */
  residual(): Float64Array {
    return this.x.slice(0, this.net.dModel);
  }

  /** All logits after the last fed token (allocates; for diagnostics and tests). */
  logits(): Float64Array {
    const out = Float64Array.from(this.net.unembedBias);
    const rows = this.net.unembed;
    for (let k = 0; k < rows.rows; k++) out[rows.target[k]] = dot(rows, k, this.x);
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
