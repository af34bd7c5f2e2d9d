// Incremental construction of a Model from (row, column, value) entries, for producers of
// weights, tests and benchmarks. Entries of a row are stored in the order they were added
// (that order is the summation order); zero values are dropped.

import { EngineError } from './errors.ts';
import { MODEL_FORMAT, MODEL_VERSION } from './types.ts';
import type {
  LayerConfig,
  Model,
  ModelConfig,
  PositionFeature,
  Projection,
  SparseMatrix,
} from './types.ts';

export class MatrixBuilder {
  private readonly entries: number[][]; // per row: col0, val0, col1, val1, ...

  constructor(
    readonly rows: number,
    readonly cols: number,
  ) {
    this.entries = Array.from({ length: rows }, () => []);
  }

  add(row: number, col: number, value: number): this {
    if (!(row >= 0 && row < this.rows && col >= 0 && col < this.cols)) {
      throw new EngineError(
        'MODEL_TENSOR',
        `entry (${row}, ${col}) outside a ` + `${this.rows} x ${this.cols} matrix`,
      );
    }
    if (value !== 0) this.entries[row].push(col, value);
    return this;
  }

  build(): SparseMatrix {
    const rowPtr = new Int32Array(this.rows + 1);
    this.entries.forEach((e, r) => {
      rowPtr[r + 1] = rowPtr[r] + e.length / 2;
    });
    const col = new Int32Array(rowPtr[this.rows]);
    const val = new Float64Array(rowPtr[this.rows]);
    this.entries.forEach((e, r) => {
      for (let i = 0; i < e.length; i += 2) {
        col[rowPtr[r] + i / 2] = e[i];
        val[rowPtr[r] + i / 2] = e[i + 1];
      }
    });
    return { rows: this.rows, cols: this.cols, rowPtr, col, val };
  }
}

export class ProjectionBuilder extends MatrixBuilder {
  readonly bias: Float64Array;

  constructor(rows: number, cols: number) {
    super(rows, cols);
    this.bias = new Float64Array(rows);
  }

  buildProjection(): Projection {
    return { weight: this.build(), bias: Float64Array.from(this.bias) };
  }
}

export interface HeadBuilder {
  readonly q: ProjectionBuilder;
  readonly k: ProjectionBuilder;
  readonly v: ProjectionBuilder;
  readonly o: MatrixBuilder;
}

export interface FfnBuilder {
  readonly a: ProjectionBuilder;
  readonly b: ProjectionBuilder;
  readonly out: MatrixBuilder;
}

export interface ModelShape {
  readonly vocab: readonly string[];
  readonly dModel: number;
  readonly positionFeatures: readonly PositionFeature[];
  readonly layers: readonly LayerConfig[];
  readonly slotNames?: readonly string[];
  readonly meta?: Readonly<Record<string, string>>;
}

/** All weights start at zero; fill them through the builders, then call build(). */
export class ModelBuilder {
  readonly config: ModelConfig;
  readonly embed: MatrixBuilder;
  readonly unembed: ProjectionBuilder;
  readonly heads: HeadBuilder[][];
  readonly ffns: FfnBuilder[];

  constructor(shape: ModelShape) {
    this.config = { format: MODEL_FORMAT, version: MODEL_VERSION, ...shape };
    const d = shape.dModel;
    const vocab = shape.vocab.length;
    this.embed = new MatrixBuilder(vocab, d);
    this.unembed = new ProjectionBuilder(vocab, d);
    this.heads = shape.layers.map((layer) =>
      layer.heads.map((h) => ({
        q: new ProjectionBuilder(2, d),
        k: new ProjectionBuilder(2, d),
        v: new ProjectionBuilder(h.dv, d),
        o: new MatrixBuilder(h.dv, d),
      })),
    );
    this.ffns = shape.layers.map((layer) => ({
      a: new ProjectionBuilder(layer.ffnWidth, d),
      b: new ProjectionBuilder(layer.ffnWidth, d),
      out: new MatrixBuilder(layer.ffnWidth, d),
    }));
  }

  build(): Model {
    const layers = this.config.layers.map((_, l) => ({
      heads: this.heads[l].map((h) => ({
        q: h.q.buildProjection(),
        k: h.k.buildProjection(),
        v: h.v.buildProjection(),
        o: h.o.build(),
      })),
      ffn: {
        a: this.ffns[l].a.buildProjection(),
        b: this.ffns[l].b.buildProjection(),
        out: this.ffns[l].out.build(),
      },
    }));
    return {
      config: this.config,
      weights: { embed: this.embed.build(), layers, unembed: this.unembed.buildProjection() },
    };
  }
}
