// The in-memory model: a config (JSON, stored in the file's metadata) plus sparse weights.
// This file only declares shapes; docs/model-format.md gives the semantics of every field and
// the exact order of floating-point operations. Reading and writing live in load.ts / save.ts.

export const MODEL_FORMAT = 'inweights-model';
export const MODEL_VERSION = 1;

/** How a head combines the keys that reach the maximal score. */
export type TieRule = 'latest' | 'average';

/** p = position, p2 = position squared, parity = position mod 2, one = the constant 1. */
export type PositionFeatureKind = 'p' | 'p2' | 'parity' | 'one';

export interface PositionFeature {
  readonly kind: PositionFeatureKind;
  /** Residual slot that receives the feature value (added after the token embedding). */
  readonly slot: number;
}

export interface HeadConfig {
  readonly name: string;
  readonly tieRule: TieRule;
  /** Width of the value vector. */
  readonly dv: number;
}

export interface LayerConfig {
  readonly heads: readonly HeadConfig[];
  /** Number of ReGLU units of the feed-forward block (may be 0). */
  readonly ffnWidth: number;
}

export interface ModelConfig {
  readonly format: typeof MODEL_FORMAT;
  readonly version: typeof MODEL_VERSION;
  /** Token names; a token id is an index into this list. */
  readonly vocab: readonly string[];
  /** Width d of the residual stream. */
  readonly dModel: number;
  readonly positionFeatures: readonly PositionFeature[];
  readonly layers: readonly LayerConfig[];
  /** Optional name of each residual slot (length dModel), for diagnostics only. */
  readonly slotNames?: readonly string[];
  /** Optional free-form string metadata (producer, source hash...); ignored by the engine. */
  readonly meta?: Readonly<Record<string, string>>;
}

/**
 * Compressed sparse rows. Row r owns entries rowPtr[r] .. rowPtr[r+1]-1; entry e is
 * (row r, column col[e], value val[e]). Dot products add entries in this stored order.
 */
export interface SparseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly rowPtr: Int32Array; // [rows + 1] entry range of each row
  readonly col: Int32Array; // [nnz] column of each entry
  readonly val: Float64Array; // [nnz] value of each entry
}

/** y = W x + bias, W gathering from the residual stream: rows = outputs, cols = dModel. */
export interface Projection {
  readonly weight: SparseMatrix;
  readonly bias: Float64Array; // [rows]
}

export interface HeadWeights {
  readonly q: Projection; // 2 rows
  readonly k: Projection; // 2 rows
  readonly v: Projection; // dv rows
  /** Output map stored transposed: row j = residual contributions of value component j. */
  readonly o: SparseMatrix; // [dv x dModel]
}

export interface FfnWeights {
  readonly a: Projection; // ffnWidth rows
  readonly b: Projection; // ffnWidth rows (the gate: u = max(b, 0) * a)
  /** Output map stored transposed: row i = residual contributions of unit i. */
  readonly out: SparseMatrix; // [ffnWidth x dModel]
}

export interface LayerWeights {
  readonly heads: readonly HeadWeights[];
  readonly ffn: FfnWeights;
}

export interface ModelWeights {
  /** Row t = residual vector of token t. */
  readonly embed: SparseMatrix; // [vocab x dModel]
  readonly layers: readonly LayerWeights[];
  /** Logits = unembed.weight x + unembed.bias. */
  readonly unembed: Projection; // vocab rows
}

export interface Model {
  readonly config: ModelConfig;
  readonly weights: ModelWeights;
}
