// The mapping between ModelWeights and named safetensors tensors (see docs/model-format.md):
// each sparse matrix NAME is three tensors NAME.rowptr (I32), NAME.col (I32), NAME.val (F64);
// each projection adds NAME.bias (F64). Matrix shapes come from the config, not the file.

import { EngineError } from './errors.ts';
import type { Tensor } from './safetensors.ts';
import type {
  FfnWeights,
  HeadWeights,
  LayerWeights,
  ModelConfig,
  ModelWeights,
  Projection,
  SparseMatrix,
} from './types.ts';

type TensorMap = Map<string, Tensor>;

function putSparse(out: TensorMap, name: string, m: SparseMatrix): void {
  out.set(`${name}.rowptr`, { dtype: 'I32', shape: [m.rowPtr.length], data: m.rowPtr });
  out.set(`${name}.col`, { dtype: 'I32', shape: [m.col.length], data: m.col });
  out.set(`${name}.val`, { dtype: 'F64', shape: [m.val.length], data: m.val });
}

function putProjection(out: TensorMap, name: string, p: Projection): void {
  putSparse(out, name, p.weight);
  out.set(`${name}.bias`, { dtype: 'F64', shape: [p.bias.length], data: p.bias });
}

export function weightsToTensors(w: ModelWeights): TensorMap {
  const out: TensorMap = new Map();
  putSparse(out, 'embed', w.embed);
  putProjection(out, 'unembed', w.unembed);
  w.layers.forEach((layer, l) => {
    layer.heads.forEach((head, h) => {
      const at = `layers.${l}.heads.${h}`;
      putProjection(out, `${at}.q`, head.q);
      putProjection(out, `${at}.k`, head.k);
      putProjection(out, `${at}.v`, head.v);
      putSparse(out, `${at}.o`, head.o);
    });
    putProjection(out, `layers.${l}.ffn.a`, layer.ffn.a);
    putProjection(out, `layers.${l}.ffn.b`, layer.ffn.b);
    putSparse(out, `layers.${l}.ffn.out`, layer.ffn.out);
  });
  return out;
}

/** Reads tensors by name, remembering which were used so leftovers can be reported. */
class TensorReader {
  private readonly used = new Set<string>();

  constructor(private readonly tensors: ReadonlyMap<string, Tensor>) {}

  private take(name: string, dtype: 'F64' | 'I32'): Tensor {
    const t = this.tensors.get(name);
    if (t === undefined) throw new EngineError('MODEL_TENSOR', `tensor ${name} is missing`);
    if (t.dtype !== dtype || t.shape.length !== 1) {
      throw new EngineError(
        'MODEL_TENSOR',
        `tensor ${name}: expected a 1-D ${dtype} tensor, ` + `found ${t.shape.length}-D ${t.dtype}`,
      );
    }
    this.used.add(name);
    return t;
  }

  f64(name: string): Float64Array {
    return this.take(name, 'F64').data as Float64Array;
  }

  i32(name: string): Int32Array {
    return this.take(name, 'I32').data as Int32Array;
  }

  sparse(name: string, rows: number, cols: number): SparseMatrix {
    const rowPtr = this.i32(`${name}.rowptr`);
    return { rows, cols, rowPtr, col: this.i32(`${name}.col`), val: this.f64(`${name}.val`) };
  }

  projection(name: string, rows: number, cols: number): Projection {
    return { weight: this.sparse(name, rows, cols), bias: this.f64(`${name}.bias`) };
  }

  unused(): string[] {
    return [...this.tensors.keys()].filter((name) => !this.used.has(name)).sort();
  }
}

function readLayer(r: TensorReader, config: ModelConfig, l: number): LayerWeights {
  const d = config.dModel;
  const layer = config.layers[l];
  const heads = layer.heads.map((head, h): HeadWeights => {
    const at = `layers.${l}.heads.${h}`;
    return {
      q: r.projection(`${at}.q`, 2, d),
      k: r.projection(`${at}.k`, 2, d),
      v: r.projection(`${at}.v`, head.dv, d),
      o: r.sparse(`${at}.o`, head.dv, d),
    };
  });
  const m = layer.ffnWidth;
  const ffn: FfnWeights = {
    a: r.projection(`layers.${l}.ffn.a`, m, d),
    b: r.projection(`layers.${l}.ffn.b`, m, d),
    out: r.sparse(`layers.${l}.ffn.out`, m, d),
  };
  return { heads, ffn };
}

export function tensorsToWeights(
  config: ModelConfig,
  tensors: ReadonlyMap<string, Tensor>,
): ModelWeights {
  const r = new TensorReader(tensors);
  const d = config.dModel;
  const vocab = config.vocab.length;
  const weights: ModelWeights = {
    embed: r.sparse('embed', vocab, d),
    layers: config.layers.map((_, l) => readLayer(r, config, l)),
    unembed: r.projection('unembed', vocab, d),
  };
  const extra = r.unused();
  if (extra.length > 0) {
    throw new EngineError(
      'MODEL_TENSOR',
      `unexpected tensors ${extra.slice(0, 5).join(', ')}` + ` (the config does not describe them)`,
    );
  }
  return weights;
}
